/**
 * The Council: convene the High-Level Forum (Art 13), adopt the pool by implementing act, amending the reference
 * numbers if it so decides (Art 57(1)), decide deductions (Arts 61(4), 62(4)), reconvene the Forum (Art 13(4)).
 */
import { apportion } from '../../../src/domain/apportion.ts';
import { EURO_PER_RELOCATION } from '../../../src/domain/pool/measures.ts';
import { ErrorNote, Loading } from '../components/status.tsx';
import { formatEuros, formatNumber, stateName, t } from '../i18n/i18n.ts';
import { EventForm, int } from './event-form.tsx';
import { Deadlines } from './deadlines.tsx';
import { AccountsTable, PoolChecks } from './figures.tsx';
import { PhaseLine } from './phase.tsx';
import { usePool } from './use-pool.ts';

export function CouncilWorkspace() {
  const pool = usePool();
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (!pool.data) return <Loading />;
  const { view, accounting } = pool.data;
  const phase = view?.phase ?? 'empty';
  const proposal = view?.proposal;
  const assessed = (view?.deductionRequests ?? []).filter((d) => d.assessment && !d.decision);
  const reconvenedOpen = view?.reconvened?.at(-1)?.open === true;
  return (
    <>
      <PhaseLine view={view} />
      {accounting?.pool && <PoolChecks pool={accounting.pool} />}
      {accounting && accounting.states.length > 0 && <AccountsTable accounts={accounting.states} caption={t('ws.accountsAll')} />}
      <section aria-labelledby="council-actions">
        <h2 id="council-actions">{t('ws.actions')}</h2>
        {phase === 'empty' && <p>{t('ws.nothingYet')}</p>}
        {phase === 'drafted' && <EventForm id="council-forum" type="forum-opened" title="ws.openForum" fields={[]} toPayload={() => ({})} onRecorded={pool.reload} submitLabel="ws.openForum" />}
        {phase === 'forum' && proposal && (
          <EventForm
            id="council-adopt"
            type="pool-adopted"
            title="ws.adoptPool"
            initial={{ referenceRelocations: String(proposal.referenceRelocations), act: '' }}
            fields={[
              { name: 'act', kind: 'text', label: 'field.act' },
              { name: 'referenceRelocations', kind: 'persons', label: 'field.referenceRelocations', hint: t('ws.amendHint', { relocations: formatNumber(proposal.referenceRelocations) }) },
              { name: 'sarPercentage', kind: 'percent', label: 'field.sarPercentage', optional: true },
            ]}
            toPayload={(v) => {
              const n = int(v, 'referenceRelocations');
              const amended = n !== proposal.referenceRelocations;
              // Art 57(1): when the Council changes the reference numbers, the act gives every state's amended line.
              const persons = apportion(n, proposal.lines.map((l) => l.share));
              return {
                act: v.act,
                referenceRelocations: n,
                referenceFinancialEur: n * EURO_PER_RELOCATION,
                ...(v.sarPercentage?.trim() ? { sarPercentage: Number(v.sarPercentage) } : {}),
                ...(amended ? { states: proposal.lines.map((l, i) => ({ code: l.code, share: l.share, relocations: persons[i]!, financialEur: persons[i]! * EURO_PER_RELOCATION })) } : {}),
              };
            }}
            live={(v) => {
              const n = /^\d+$/.test(v.referenceRelocations ?? '') ? int(v, 'referenceRelocations') : 0;
              return <p aria-live="polite">{t('ws.proposalLive', { relocations: formatNumber(n), euros: formatEuros(n * EURO_PER_RELOCATION) })}</p>;
            }}
            onRecorded={pool.reload}
            submitLabel="ws.adoptPool"
          />
        )}
        {assessed.map((d) => (
          <EventForm
            key={d.id}
            id={`council-deduction-${d.id}`}
            type="deduction-decided"
            title="ws.decideDeduction"
            initial={{ relocations: String(d.amounts.relocations), financialEur: String(d.amounts.financialEur), alternativeEur: String(d.amounts.alternativeEur), offsets: String(d.amounts.offsets) }}
            fields={[
              { name: 'act', kind: 'text', label: 'field.act', hint: t('ws.deductionAssessed', { state: stateName(d.state), opinion: d.assessment!.favourable ? t('ws.favourable') : t('ws.unfavourable'), reason: d.assessment!.reason }) },
              { name: 'relocations', kind: 'persons', label: 'pledge.relocations' },
              { name: 'financialEur', kind: 'euros', label: 'pledge.financialEur' },
              { name: 'alternativeEur', kind: 'euros', label: 'pledge.alternativeEur' },
              { name: 'offsets', kind: 'persons', label: 'pledge.offsets' },
            ]}
            toPayload={(v) => ({ requestId: d.id, act: v.act, granted: { relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur'), alternativeEur: int(v, 'alternativeEur'), offsets: int(v, 'offsets') } })}
            onRecorded={pool.reload}
          />
        ))}
        {(phase === 'adopted' || phase === 'implementation') && !reconvenedOpen && (
          <EventForm
            id="council-reconvene"
            type="forum-reconvened"
            title="ws.reconvene"
            fields={[{ name: 'ground', kind: 'select', label: 'field.ground', options: (['insufficient-pool', 'significant-deductions', 'higher-needs'] as const).map((g) => ({ value: g, label: t(`ground.${g}` as const) })) }]}
            toPayload={(v) => ({ ground: v.ground })}
            onRecorded={pool.reload}
          />
        )}
        {reconvenedOpen && (
          <EventForm id="council-additional" type="additional-pledges-adopted" title="ws.adoptAdditional" fields={[{ name: 'act', kind: 'text', label: 'field.act' }]} toPayload={(v) => ({ act: v.act })} onRecorded={pool.reload} />
        )}
      </section>
      <Deadlines view={view} />
    </>
  );
}
