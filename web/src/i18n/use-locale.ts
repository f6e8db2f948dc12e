/** Re-renders a component when the language changes. */
import { useEffect, useState } from 'preact/hooks';
import { currentLocale, onLocaleChange } from './i18n.ts';

export function useLocale(): string {
  const [locale, setLocale] = useState(currentLocale());
  useEffect(() => onLocaleChange(() => setLocale(currentLocale())), []);
  return locale;
}
