/** How the figures are made, in the reader's language, with the articles they rest on. */
import { t, type MessageKey } from '../i18n/i18n.ts';

const SECTIONS = ['data', 'normalisation', 'classification', 'fairShare', 'pool', 'offsets', 'confidentiality'] as const;

export function Methodology() {
  return (
    <>
      <h1>{t('methodology.title')}</h1>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`m-${s}`}>
          <h2 id={`m-${s}`}>{t(`methodology.${s}.title` as MessageKey)}</h2>
          <p>{t(`methodology.${s}.body` as MessageKey)}</p>
        </section>
      ))}
    </>
  );
}
