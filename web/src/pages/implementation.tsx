/**
 * The Pact's implementation state of play for the public: per milestone of the national implementation plans, how
 * many Member States report it completed, in progress, delayed, not started or nothing at all, and how many of those
 * the Commission has accepted; then each state's reports. The same overview the Annual Report publishes.
 */
import { fetchImplementationOverview, type ImplementationOverview } from '../api/public.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatNumber, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { useLocale } from '../i18n/use-locale.ts';

const STATUSES = ['completed', 'in-progress', 'delayed', 'not-started', 'not-reported'] as const;

function Overview({ o }: { o: ImplementationOverview }) {
  return (
    <>
      <p>{t('implPage.reporting', { reporting: o.states - o.statesNotReporting.length, states: o.states })}</p>
      <DataTable
        caption={t('implPage.byMilestone')}
        rows={o.milestones}
        rowKey={(m) => m.milestone}
        columns={[
          { label: t('impl.milestone'), cell: (m) => <>{t(`milestone.${m.milestone}` as MessageKey)} <span class="muted">({m.basis})</span></> },
          ...STATUSES.map((s) => ({ label: s === 'not-reported' ? t('implPage.notReported') : t(`impl.status.${s}` as MessageKey), numeric: true, cell: (m: ImplementationOverview['milestones'][number]) => formatNumber(m.counts[s]) })),
          { label: t('implPage.accepted'), numeric: true, cell: (m) => formatNumber(m.acceptedByCommission) },
        ]}
      />
      <DataTable
        caption={t('implPage.byState')}
        rows={o.byState}
        rowKey={(s) => s.code}
        columns={[
          { label: t('common.memberState'), cell: (s) => <a href={`/state/${s.code}`}>{stateName(s.code)}</a> },
          { label: t('implPage.reported'), numeric: true, cell: (s) => formatNumber(s.reported) },
          { label: t('impl.status.completed'), numeric: true, cell: (s) => formatNumber(s.completed) },
          { label: t('implPage.accepted'), numeric: true, cell: (s) => formatNumber(s.accepted) },
          { label: t('impl.status.delayed'), numeric: true, cell: (s) => formatNumber(s.delayed) },
        ]}
      />
    </>
  );
}

export function ImplementationPage() {
  useLocale();
  const overview = useAsync(fetchImplementationOverview, []);
  return (
    <>
      <h1>{t('implPage.title')}</h1>
      <p class="lead">{t('implPage.lead')}</p>
      {overview.loading && !overview.data ? <Loading /> : overview.error ? <ErrorNote error={overview.error} /> : overview.data ? <Overview o={overview.data} /> : null}
    </>
  );
}
