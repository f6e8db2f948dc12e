/** Loading and error states announced to screen readers. */
import { t } from '../i18n/i18n.ts';

export function Loading() {
  return <p role="status" class="muted">{t('common.loading')}</p>;
}

export function ErrorNote({ error }: { error: Error }) {
  return <p role="alert" class="error">{t('common.error', { message: error.message })}</p>;
}
