/**
 * The EU Solidarity Coordinator (Art 15): benefitting states and their needs, allocations of pledges to them kept
 * in balance (Art 60(1)), fulfilment tracking, overdue items, the year's closing, and the Toolbox requests in serving
 * order (read only).
 */
import { SOLIDARITY_STATES } from '../../../src/domain/member-states.ts';
import { euroEquivalent } from '../../../src/domain/pool/measures.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { formatEuros, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { deadlineText, Deadlines, useDeadlines } from './deadlines.tsx';
import { MatchingPanel } from './matching.tsx';
import { EventForm, int } from './event-form.tsx';
import { PhaseLine } from './phase.tsx';
import { RelocationTimersPanel } from './relocation-timers.tsx';
import { ToolboxQueuePanel } from './procedures.tsx';
import { usePool } from './use-pool.ts';

const KINDS = ['relocation', 'financial', 'alternative', 'offset'] as const;

export function CoordinatorWorkspace() {
  const pool = usePool();
  const deadlines = useDeadlines(pool.data?.view);
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (!pool.data) return <Loading />;
  const { view } = pool.data;
  const phase = view?.phase ?? 'empty';
  const benefitting = view?.benefitting ?? [];
  const overdue = (deadlines.data ?? []).filter((d) => d.status === 'overdue');
  const kindOptions = KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }));
  return (
    <>
      <PhaseLine view={view} />
      {phase === 'empty' && <p>{t('ws.nothingYet')}</p>}
      <DataTable
        caption={t('ws.benefitting')}
        rows={benefitting}
        rowKey={(b) => b.code}
        columns={[
          { label: t('common.memberState'), cell: (b) => stateName(b.code) },
          { label: t('ws.via'), cell: (b) => (b.via === 'art-58' ? 'Art 58' : 'Art 59') },
          { label: t('ws.released'), cell: (b) => ((view?.systemicShortcomings ?? []).some((s) => s.code === b.code) ? t('ws.yes') : t('ws.no')) },
        ]}
      />
      {(view?.transfers?.length ?? 0) > 0 && (
        <DataTable
          caption={t('ws.allocations')}
          rows={view!.transfers!}
          rowKey={(x) => `${x.contributing}>${x.benefitting}`}
          columns={[
            { label: t('field.contributingState'), cell: (x) => stateName(x.contributing) },
            { label: t('field.benefittingState'), cell: (x) => stateName(x.benefitting) },
            { label: t('ws.allocatedEur'), numeric: true, cell: (x) => formatEuros(euroEquivalent(x.allocated)) },
            { label: t('pool.implementedEur'), numeric: true, cell: (x) => formatEuros(euroEquivalent(x.implemented)) },
            { label: t('ws.fulfilled'), numeric: true, cell: (x) => { const a = euroEquivalent(x.allocated); return a ? formatPercent(euroEquivalent(x.implemented) / a, 0) : '–'; } },
          ]}
        />
      )}
      <section aria-labelledby="coord-overdue">
        <h2 id="coord-overdue">{t('ws.overdue')}</h2>
        {overdue.length ? <ul>{overdue.map((d) => <li key={d.id}><span class="badge overdue">{t('deadline.overdue')}</span> {deadlineText(d)} ({d.article})</li>)}</ul> : <p>{t('ws.noOverdue')}</p>}
      </section>
      <section aria-labelledby="coord-actions">
        <h2 id="coord-actions">{t('ws.actions')}</h2>
        {(phase === 'adopted' || phase === 'implementation') && (
          <EventForm
            id="coord-allocate"
            type="allocation-made"
            title="ws.allocate"
            states={SOLIDARITY_STATES}
            fields={[
              { name: 'contributing', kind: 'state', label: 'field.contributingState' },
              { name: 'benefitting', kind: 'select', label: 'field.benefittingState', options: benefitting.map((b) => ({ value: b.code, label: stateName(b.code) })) },
              { name: 'kind', kind: 'select', label: 'field.kind', options: kindOptions },
              { name: 'amount', kind: 'persons', label: 'field.amount', hint: t('ws.amountHint') },
            ]}
            toPayload={(v) => ({ contributing: v.contributing, benefitting: v.benefitting, kind: v.kind, amount: int(v, 'amount') })}
            onRecorded={pool.reload}
          />
        )}
        {(phase === 'adopted' || phase === 'implementation') && benefitting.length > 0 && (
          <EventForm
            id="coord-tlf"
            type="technical-forum-convened"
            title="ws.convenTechnicalForum"
            fields={[{ name: 'benefitting', kind: 'select', label: 'field.benefittingState', options: benefitting.map((b) => ({ value: b.code, label: stateName(b.code) })) }]}
            toPayload={(v) => ({ benefitting: v.benefitting })}
            onRecorded={pool.reload}
          />
        )}
        {phase === 'implementation' && (
          <>
            <EventForm
              id="coord-fulfil"
              type="fulfilment-recorded"
              title="ws.recordFulfilment"
              states={SOLIDARITY_STATES}
              fields={[
                { name: 'state', kind: 'state', label: 'field.contributingState' },
                { name: 'benefitting', kind: 'state', label: 'field.benefittingState', optional: true },
                { name: 'kind', kind: 'select', label: 'field.kind', options: kindOptions },
                { name: 'amount', kind: 'persons', label: 'field.amount', hint: t('ws.amountHint') },
              ]}
              toPayload={(v) => ({ state: v.state, kind: v.kind, amount: int(v, 'amount'), ...(v.benefitting ? { benefitting: v.benefitting } : {}) })}
              onRecorded={pool.reload}
            />
            <EventForm id="coord-close" type="year-closed" title="ws.closeYear" fields={[]} toPayload={() => ({})} onRecorded={pool.reload} submitLabel="ws.closeYear" />
          </>
        )}
      </section>
      {(phase === 'adopted' || phase === 'implementation') && <MatchingPanel view={view} />}
      <RelocationTimersPanel code={null} />
      <Deadlines view={view} />
      <ToolboxQueuePanel decide={false} />
    </>
  );
}
