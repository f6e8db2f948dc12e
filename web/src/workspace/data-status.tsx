/** What the store holds: each indicator's rows, periods and latest vintage (published statistics only). */
import { api } from '../api/client.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.ts';

interface DataStatusRow {
  indicator: string;
  rows: number;
  firstPeriod: string;
  lastPeriod: string;
  latestVintage: string;
  sources: string[];
}

export function DataStatus() {
  const status = useAsync(() => api.get<{ indicators: DataStatusRow[] }>('/api/public/data-status'), []);
  if (status.error) return <ErrorNote error={status.error} />;
  if (!status.data) return <Loading />;
  return (
    <section aria-labelledby="data-status-title">
      <h2 id="data-status-title">{t('ws.dataStatus')}</h2>
      <p class="hint">{t('ws.dataLoadHint')}</p>
      <DataTable
        caption={t('ws.dataStatus')}
        rows={status.data.indicators}
        rowKey={(r) => r.indicator}
        columns={[
          { label: t('common.indicator'), cell: (r) => t(`indicator.${r.indicator}` as MessageKey) },
          { label: t('ws.rows'), numeric: true, cell: (r) => formatNumber(r.rows) },
          { label: t('ws.periods'), cell: (r) => `${r.firstPeriod} – ${r.lastPeriod}` },
          { label: t('ws.vintage'), cell: (r) => r.latestVintage },
          { label: t('ws.sources'), cell: (r) => r.sources.join(', ') },
        ]}
      />
    </section>
  );
}
