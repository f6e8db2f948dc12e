/**
 * A Member State delegation: its fair share and proposal line, its pledges with live euro equivalents and fair-share
 * compliance (Arts 57(3), 66), deduction (Arts 61–62), offset (Arts 63, 69) and access (Arts 58–59) requests,
 * fulfilment, the January confirmation (Art 60(6)) and its deadlines; its implementation plan's milestones and its
 * requests to the Migration Support Toolbox (Art 6(3)).
 */
import { euroEquivalent, EURO_PER_RELOCATION } from '../../../src/domain/pool/measures.ts';
import type { StateAccount } from '../api/cycle.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { formatEuros, formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { Deadlines } from './deadlines.tsx';
import { EventForm, int, type FieldSpec, type Values } from './event-form.tsx';
import { PhaseLine } from './phase.tsx';
import { ImplementationPlanPanel, ToolboxRequestPanel } from './procedures.tsx';
import { RelocationTimersPanel } from './relocation-timers.tsx';
import { usePool } from './use-pool.ts';
import { SOLIDARITY_STATES } from '../../../src/domain/member-states.ts';

const KINDS = ['relocation', 'financial', 'alternative', 'offset'] as const;
type Kind = (typeof KINDS)[number];

function measureOf(v: Values): Record<string, unknown> {
  const kind = v.kind as Kind;
  if (kind === 'relocation' || kind === 'offset') return { kind, persons: int(v, 'amount') };
  if (kind === 'financial') return { kind, euros: int(v, 'amount') };
  return { kind, euros: int(v, 'amount'), description: v.description ?? '' };
}

/** The euro equivalent of what is being typed (EUR 20,000 per person, Art 12(3)). */
function typedEuros(v: Values): number {
  const n = /^\d+$/.test(v.amount ?? '') ? int(v, 'amount') : 0;
  return v.kind === 'relocation' || v.kind === 'offset' ? n * EURO_PER_RELOCATION : n;
}

const measureFields = (withDescription: boolean): FieldSpec[] => [
  { name: 'kind', kind: 'select', label: 'field.kind', options: KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) })) },
  { name: 'amount', kind: 'persons', label: 'field.amount', hint: t('ws.amountHint') },
  ...(withDescription ? [{ name: 'description', kind: 'textarea' as const, label: 'field.description' as const, optional: true }] : []),
];

export function MemberStateWorkspace({ code }: { code: string }) {
  const pool = usePool();
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (!pool.data) return <Loading />;
  const { view, accounting } = pool.data;
  const phase = view?.phase ?? 'empty';
  const account: StateAccount | undefined = accounting?.states.find((s) => s.code === code);
  const line = view?.proposal?.lines.find((l) => l.code === code) ?? view?.councilAct?.lines.find((l) => l.code === code)?.line;
  const pledging = phase === 'forum' || view?.reconvened?.at(-1)?.open === true;
  const myPledges = (view?.pledges ?? []).filter((p) => p.state === code);
  const afterAct = phase === 'adopted' || phase === 'implementation';
  const others = SOLIDARITY_STATES.filter((s) => s !== code);
  const offsetsToReply = (view?.offsets ?? []).filter((o) => !o.reply && (o.initiative === 'request' ? o.contributing === code : o.benefitting === code));
  const categories = view?.classification?.states.find((s) => s.code === code)?.categories ?? [];
  return (
    <>
      <PhaseLine view={view} />
      {phase === 'empty' && <p>{t('ws.nothingYet')}</p>}
      {line && (
        <section aria-labelledby="ms-line">
          <h2 id="ms-line">{t('ws.yourLine')}</h2>
          <div class="cards">
            <div class="card"><span class="big">{formatPercent(line.share, 2)}</span>{t('fairShare.share')}</div>
            <div class="card"><span class="big">{formatNumber(line.relocations)}</span>{t('ws.indicativeRelocations')}</div>
            <div class="card"><span class="big">{formatEuros(line.relocations * EURO_PER_RELOCATION)}</span>{t('pool.fairShareEur')}</div>
            {account && <div class="card"><span class="big">{formatEuros(account.pledged.euroEquivalent)}</span>{t('whatif.pledgedEur')}</div>}
            {account && <div class="card"><span class="big">{account.compliance.ratio === null ? '–' : formatPercent(account.compliance.ratio, 0)}</span>{t('whatif.compliance')}</div>}
          </div>
        </section>
      )}
      {myPledges.length > 0 && (
        <DataTable
          caption={t('ws.yourPledges')}
          rows={myPledges}
          rowKey={(p) => p.id}
          columns={[
            { label: t('field.kind'), cell: (p) => t(`kind.${p.measure.kind}` as MessageKey) },
            { label: t('field.amount'), numeric: true, cell: (p) => ('persons' in p.measure ? formatNumber(p.measure.persons) : formatEuros(p.measure.euros)) },
            { label: t('ws.euroEquivalent'), numeric: true, cell: (p) => formatEuros('persons' in p.measure ? p.measure.persons * EURO_PER_RELOCATION : p.measure.euros) },
            { label: t('ws.binding'), cell: (p) => (p.binding ? t('ws.yes') : t('ws.no')) },
          ]}
        />
      )}
      <section aria-labelledby="ms-actions">
        <h2 id="ms-actions">{t('ws.actions')}</h2>
        {pledging && line && (
          <EventForm
            id={`ms-pledge-${code}`}
            type="pledge-made"
            title="ws.pledge"
            fields={measureFields(true)}
            toPayload={(v) => ({ state: code, measure: measureOf(v) })}
            live={(v) => {
              const before = account?.pledged.euroEquivalent ?? 0;
              const after = before + typedEuros(v);
              const fair = line.relocations * EURO_PER_RELOCATION;
              return (
                <p aria-live="polite" class="live">
                  {t('ws.pledgeLive', { euros: formatEuros(typedEuros(v)), total: formatEuros(after), ratio: fair ? formatPercent(after / fair, 0) : '–' })}{' '}
                  <strong>{after >= fair ? t('ws.meetsFairShare') : t('ws.belowFairShare')}</strong>
                </p>
              );
            }}
            onRecorded={pool.reload}
          />
        )}
        {pledging &&
          myPledges.map((p) => (
            <div key={p.id}>
              <EventForm
                id={`ms-amend-${p.id}`}
                type="pledge-amended"
                title="ws.amendPledge"
                initial={{ kind: p.measure.kind, amount: String('persons' in p.measure ? p.measure.persons : p.measure.euros), description: p.measure.kind === 'alternative' ? p.measure.description : '' }}
                fields={measureFields(true)}
                toPayload={(v) => ({ pledgeId: p.id, state: code, measure: measureOf(v) })}
                live={(v) => <p aria-live="polite">{t('ws.equivalent', { euros: formatEuros(typedEuros(v)) })}</p>}
                onRecorded={pool.reload}
              />
              <EventForm id={`ms-withdraw-${p.id}`} type="pledge-withdrawn" title="ws.withdrawPledge" fields={[]} toPayload={() => ({ pledgeId: p.id, state: code })} onRecorded={pool.reload} submitLabel="ws.withdrawPledge" />
            </div>
          ))}
        {afterAct && (
          <>
            <EventForm
              id={`ms-deduction-${code}`}
              type="deduction-requested"
              title="ws.requestDeduction"
              initial={{ article: categories.includes('significant-migratory-situation') && !categories.includes('migratory-pressure') ? '62' : '61' }}
              fields={[
                { name: 'article', kind: 'select', label: 'field.article', options: [{ value: '61', label: t('ws.art61') }, { value: '62', label: t('ws.art62') }] },
                { name: 'relocations', kind: 'persons', label: 'pledge.relocations', optional: true },
                { name: 'financialEur', kind: 'euros', label: 'pledge.financialEur', optional: true },
                { name: 'reasoning', kind: 'textarea', label: 'field.reasoning', optional: true },
              ]}
              toPayload={(v) => ({ state: code, article: Number(v.article), amounts: { relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur'), alternativeEur: 0, offsets: 0 }, ...(v.reasoning?.trim() ? { reasoning: v.reasoning } : {}) })}
              onRecorded={pool.reload}
            />
            {categories.includes('migratory-pressure') ? (
              <EventForm
                id={`ms-access-${code}`}
                type="access-requested"
                title="ws.requestAccess"
                fields={[
                  { name: 'relocations', kind: 'persons', label: 'field.neededRelocations' },
                  { name: 'financialEur', kind: 'euros', label: 'field.neededFinancial' },
                  { name: 'programmes', kind: 'textarea', label: 'field.programmes', optional: true },
                ]}
                toPayload={(v) => ({ state: code, needs: { relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur'), ...(v.programmes?.trim() ? { programmes: v.programmes } : {}) } })}
                onRecorded={pool.reload}
              />
            ) : (
              <EventForm
                id={`ms-notify-${code}`}
                type="self-notified"
                title="ws.selfNotify"
                fields={[
                  { name: 'relocations', kind: 'persons', label: 'field.neededRelocations' },
                  { name: 'financialEur', kind: 'euros', label: 'field.neededFinancial' },
                  { name: 'reasoning', kind: 'textarea', label: 'field.reasoning' },
                ]}
                toPayload={(v) => ({ state: code, needs: { relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur') }, reasoning: v.reasoning })}
                onRecorded={pool.reload}
              />
            )}
            <EventForm
              id={`ms-offset-${code}`}
              type="offset-requested"
              title="ws.requestOffsets"
              states={others}
              fields={[
                { name: 'contributing', kind: 'state', label: 'field.contributingState' },
                { name: 'persons', kind: 'persons', label: 'field.persons' },
              ]}
              toPayload={(v) => ({ state: code, contributing: v.contributing, persons: int(v, 'persons') })}
              onRecorded={pool.reload}
            />
            <EventForm
              id={`ms-offer-${code}`}
              type="offset-offered"
              title="ws.offerOffsets"
              states={others}
              fields={[
                { name: 'benefitting', kind: 'state', label: 'field.benefittingState' },
                { name: 'persons', kind: 'persons', label: 'field.persons' },
              ]}
              toPayload={(v) => ({ state: code, benefitting: v.benefitting, persons: int(v, 'persons') })}
              onRecorded={pool.reload}
            />
            {offsetsToReply.map((o) => (
              <EventForm
                key={o.id}
                id={`ms-reply-${o.id}`}
                type="offset-replied"
                title="ws.replyOffsets"
                initial={{ acceptedPersons: String(o.persons) }}
                fields={[{ name: 'acceptedPersons', kind: 'persons', label: 'field.acceptedPersons', hint: t('ws.offsetAsked', { persons: formatNumber(o.persons), from: stateName(o.initiative === 'request' ? o.benefitting : o.contributing) }) }]}
                toPayload={(v) => ({ requestId: o.id, state: code, acceptedPersons: int(v, 'acceptedPersons') })}
                onRecorded={pool.reload}
              />
            ))}
          </>
        )}
        {phase === 'implementation' && (
          <EventForm
            id={`ms-fulfil-${code}`}
            type="fulfilment-recorded"
            title="ws.recordFulfilment"
            states={others}
            fields={[...measureFields(false), { name: 'benefitting', kind: 'state', label: 'field.benefittingState', optional: true }, { name: 'note', kind: 'textarea', label: 'field.note', optional: true }]}
            toPayload={(v) => ({ state: code, kind: v.kind, amount: int(v, 'amount'), ...(v.benefitting ? { benefitting: v.benefitting } : {}), ...(v.note?.trim() ? { note: v.note } : {}) })}
            onRecorded={pool.reload}
          />
        )}
        {phase === 'closed' && (
          <EventForm
            id={`ms-confirm-${code}`}
            type="implementation-confirmed"
            title="ws.confirmImplementation"
            initial={account ? { relocations: String(account.implemented.relocations), financialEur: String(account.implemented.financialEur), alternativeEur: String(account.implemented.alternativeEur), offsets: String(account.implemented.offsets) } : {}}
            fields={[
              { name: 'relocations', kind: 'persons', label: 'pledge.relocations' },
              { name: 'financialEur', kind: 'euros', label: 'pledge.financialEur' },
              { name: 'alternativeEur', kind: 'euros', label: 'pledge.alternativeEur' },
              { name: 'offsets', kind: 'persons', label: 'pledge.offsets' },
            ]}
            toPayload={(v) => ({ state: code, amounts: { relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur'), alternativeEur: int(v, 'alternativeEur'), offsets: int(v, 'offsets') } })}
            live={(v) => <p aria-live="polite">{t('ws.equivalent', { euros: formatEuros(euroEquivalent({ relocations: int(v, 'relocations'), financialEur: int(v, 'financialEur'), alternativeEur: int(v, 'alternativeEur'), offsets: int(v, 'offsets') })) })}</p>}
            onRecorded={pool.reload}
          />
        )}
      </section>
      <Deadlines view={view} />
      <ImplementationPlanPanel code={code} />
      <RelocationTimersPanel code={code} />
      <ToolboxRequestPanel />
    </>
  );
}
