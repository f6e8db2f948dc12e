/** Everything public, as CSV and JSON: the same figures the pages show, from the same API routes. */
import { CYCLE } from '../api/cycle.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

const DATASETS = ['overview', 'fair-shares', 'observations'] as const;

export function Downloads() {
  return (
    <>
      <h1>{t('downloads.title')}</h1>
      <p>{t('downloads.lead')}</p>
      <ul class="downloads">
        {DATASETS.map((d) => (
          <li key={d}>
            <strong>{t(`downloads.${d}` as MessageKey)}</strong>{' '}
            <a href={`/api/public/export/${d}.csv`} download>CSV</a>{' · '}
            <a href={`/api/public/export/${d}.json`} download>JSON</a>
          </li>
        ))}
        <li>
          <strong>{t('downloads.pool')}</strong>{' '}
          <a href={`/api/cycles/${CYCLE}/export.csv`} download>CSV</a>{' · '}
          <a href={`/api/cycles/${CYCLE}/export.json`} download>JSON</a>
        </li>
      </ul>
      <p>
        {t('downloads.api')} <a href="/api/docs">/api/docs</a>
      </p>
    </>
  );
}
