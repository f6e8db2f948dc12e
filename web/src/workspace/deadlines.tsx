/**
 * Deadlines that concern the viewer, computed in the browser with the domain's Art 75 counting (the triggering day
 * not counted; a period ending on a weekend or EU public holiday moves to the next working day).
 */
import { periodEnd } from '../../../src/domain/calendar/art75.ts';
import { dateOf } from '../../../src/domain/calendar/dates.ts';
import type { PoolView } from '../api/cycle.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatDate, stateName, t, type MessageKey } from '../i18n/i18n.ts';

export interface Deadline {
  id: string;
  what: string;
  article: string;
  due: string;
  done: boolean;
}

export function deadlinesFor(view: PoolView | undefined, code: string | null): Deadline[] {
  if (!view || view.cycle === null) return [];
  const out: Deadline[] = [];
  const mine = (c: string) => code === null || c === code;
  for (const o of view.offsets ?? []) {
    const replier = o.initiative === 'request' ? o.contributing : o.benefitting;
    if (mine(replier)) out.push({ id: `offset-${o.id}`, what: t('deadline.offsetReply', { state: stateName(replier), other: stateName(o.initiative === 'request' ? o.benefitting : o.contributing) }), article: 'Art 69(2)', due: periodEnd(dateOf(o.at), { days: 30 }), done: !!o.reply });
  }
  for (const d of view.deductionRequests ?? []) {
    if (mine(d.state)) out.push({ id: `deduction-${d.id}`, what: t('deadline.deductionAssessment', { state: stateName(d.state) }), article: `Art ${d.article}(3)`, due: periodEnd(dateOf(d.requestedAt), { weeks: 4 }), done: !!d.assessment });
  }
  if (view.dates.adoptedAt) {
    const closed = view.phase === 'closed';
    out.push({ id: 'implementation', what: t('deadline.implementation'), article: 'Art 60(3)', due: `${view.cycle}-12-31`, done: closed });
    const confirmed = code ? !!view.implementation?.find((i) => i.code === code)?.confirmation : false;
    out.push({ id: 'confirmation', what: t('deadline.confirmation'), article: 'Art 60(6)', due: `${view.cycle + 1}-01-31`, done: confirmed });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

export function statusOf(d: Deadline, today: string): 'done' | 'overdue' | 'due' {
  return d.done ? 'done' : d.due < today ? 'overdue' : 'due';
}

export function Deadlines({ view, code }: { view: PoolView | undefined; code: string | null }) {
  const rows = deadlinesFor(view, code);
  if (!rows.length) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <DataTable
      caption={t('ws.deadlines')}
      rows={rows}
      rowKey={(d) => d.id}
      columns={[
        { label: t('ws.what'), cell: (d) => d.what },
        { label: t('ws.article'), cell: (d) => d.article },
        { label: t('ws.due'), cell: (d) => formatDate(d.due) },
        { label: t('ws.status'), cell: (d) => { const s = statusOf(d, today); return <span class={`badge ${s}`}>{t(`deadline.${s}` as MessageKey)}</span>; } },
      ]}
    />
  );
}
