/**
 * The cycle's statutory calendar as the server computes it for the viewer (`GET /api/cycles/:cycle/deadlines`: Art 75
 * counting, today's due/done/overdue, only the deadlines the role may see), said in the reader's language. The
 * deadline's id names what it is; an id this catalogue does not know falls back to the server's English text.
 */
import { fetchDeadlines, type CycleDeadline, type PoolView } from '../api/cycle.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote } from '../components/status.tsx';
import { useAsync, type AsyncState } from '../components/use-async.ts';
import { formatDate, stateName, t, type MessageKey } from '../i18n/i18n.ts';

/** The deadlines of the viewer's cycle, fetched again whenever the pool view is. */
export function useDeadlines(view: PoolView | undefined): AsyncState<CycleDeadline[] | undefined> {
  const cycle = view?.cycle ?? null;
  return useAsync(async () => (cycle === null ? undefined : (await fetchDeadlines(cycle)).deadlines), [view]);
}

/** Deadlines of the cycle itself: one catalogue entry each. */
const OWN = new Set(['9(7)', '9(8)', '9(9)', '9(10)', '9(4)', '11(4)', '12(1)', '12(6)', '13(2)', '57(1)', '85', '60(3)', '60(3)-ss1', '60(3)-ss2', '60(6)']);

export function deadlineText(d: CycleDeadline): string {
  const [base = '', ref] = d.id.split(':');
  if (ref === undefined) return OWN.has(base) ? t(`deadline.cal.${base}` as MessageKey) : d.what;
  const state = stateName(d.parties?.[0] ?? '');
  switch (base) {
    case '58(3)':
    case '59(6)-forum':
      return t('deadline.cal.forumFor', { state });
    case '59(6)-council':
      return t('deadline.cal.councilMayRefuse', { state });
    case '59(7)':
      return t('deadline.cal.forumAfterRefusal', { state });
    case '61(3)':
    case '62(3)':
      return t('deadline.cal.deductionAssessment', { state });
    case '69': {
      // The actor is the state that must reply; the other party made the request or the offer.
      const other = d.parties?.find((p) => p !== d.actor) ?? '';
      return t('deadline.cal.offsetReply', { state: stateName(d.actor), other: stateName(other) });
    }
    default:
      return d.what;
  }
}

export function DeadlineStatus({ d }: { d: CycleDeadline }) {
  return (
    <span class={`badge ${d.status}`}>
      {t(`deadline.${d.status}` as MessageKey)}
      {d.late ? ` (${t('deadline.late')})` : ''}
    </span>
  );
}

export function Deadlines({ view }: { view: PoolView | undefined }) {
  const deadlines = useDeadlines(view);
  if (deadlines.error) return <ErrorNote error={deadlines.error} />;
  const rows = deadlines.data ?? [];
  if (!rows.length) return null;
  return (
    <DataTable
      caption={t('ws.deadlines')}
      rows={rows}
      rowKey={(d) => d.id}
      columns={[
        { label: t('ws.what'), cell: (d) => deadlineText(d) },
        { label: t('ws.article'), cell: (d) => d.article },
        { label: t('ws.due'), cell: (d) => (d.due ? formatDate(d.due) : '–') },
        { label: t('ws.status'), cell: (d) => <DeadlineStatus d={d} /> },
      ]}
    />
  );
}
