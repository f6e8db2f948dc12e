/**
 * The Commission: data status, the Art 11 decision with grounds, the proposal (Art 12), implementation start,
 * assessment of deduction requests (Arts 61(3), 62(3)), Art 59(4) decisions, systemic shortcomings (Art 60(3)); the
 * review of the implementation milestones and the decisions on Toolbox requests, at-risk Member States first.
 */
import { useState } from 'preact/hooks';
import { EURO_PER_RELOCATION } from '../../../src/domain/pool/measures.ts';
import { indicativeLines } from '../../../src/domain/pool/proposal.ts';
import { ApiError } from '../api/client.ts';
import { recordEvent } from '../api/cycle.ts';
import { CATEGORIES, fetchFairShares, type Category, type FairShares } from '../api/public.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatEuros, formatNumber, formatPercent, stateName, t } from '../i18n/i18n.ts';
import { categoryLabel } from '../pages/dashboard.tsx';
import { AssessmentPanel } from './assessment.tsx';
import { DataStatus } from './data-status.tsx';
import { Deadlines } from './deadlines.tsx';
import { EventForm, int, stateOptions } from './event-form.tsx';
import { AccountsTable, PoolChecks } from './figures.tsx';
import { PhaseLine } from './phase.tsx';
import { ImplementationReviewPanel, ToolboxQueuePanel } from './procedures.tsx';
import { usePool } from './use-pool.ts';

export function CommissionWorkspace() {
  const pool = usePool();
  const shares = useAsync(fetchFairShares, []);
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (!pool.data || shares.loading) return <Loading />;
  const { view, accounting } = pool.data;
  const phase = view?.phase ?? 'empty';
  const codes = shares.data?.rows.map((r) => r.geo) ?? [];
  const pendingAssessments = (view?.deductionRequests ?? []).filter((d) => !d.assessment);
  const pendingNotifications = (view?.selfNotifications ?? []).filter((n) => !n.decision);
  return (
    <>
      <PhaseLine view={view} />
      <p><a href="/accounts">{t('accounts.manage')}</a></p>
      <DataStatus canLoad />
      <AssessmentPanel />
      {phase === 'empty' && shares.data && <ProposalForm shares={shares.data} onRecorded={pool.reload} />}
      {(phase === 'drafted' || phase === 'forum') && <ClassificationForm codes={codes} onRecorded={pool.reload} />}
      {accounting?.pool && <PoolChecks pool={accounting.pool} />}
      {accounting && accounting.states.length > 0 && <AccountsTable accounts={accounting.states} caption={t('ws.accountsAll')} />}
      <section aria-labelledby="com-actions">
        <h2 id="com-actions">{t('ws.actions')}</h2>
        {phase === 'adopted' && (
          <EventForm id="com-start" type="implementation-started" title="ws.startImplementation" fields={[]} toPayload={() => ({})} onRecorded={pool.reload} submitLabel="ws.startImplementation" />
        )}
        {pendingAssessments.map((d) => (
          <EventForm
            key={d.id}
            id={`com-assess-${d.id}`}
            type="deduction-assessed"
            title="ws.assessDeduction"
            fields={[
              { name: 'favourable', kind: 'boolean', label: 'field.favourable' },
              { name: 'reason', kind: 'textarea', label: 'field.reason', hint: t('ws.deductionAsked', { state: stateName(d.state), article: String(d.article), euros: formatEuros(d.amounts.relocations * EURO_PER_RELOCATION + d.amounts.financialEur + d.amounts.alternativeEur + d.amounts.offsets * EURO_PER_RELOCATION) }) },
            ]}
            toPayload={(v) => ({ requestId: d.id, favourable: v.favourable === 'true', reason: v.reason })}
            onRecorded={pool.reload}
          />
        ))}
        {pendingNotifications.map((n) => (
          <EventForm
            key={n.state}
            id={`com-notif-${n.state}`}
            type="self-notification-decided"
            title="ws.decideNotification"
            fields={[
              { name: 'granted', kind: 'boolean', label: 'field.granted' },
              { name: 'reason', kind: 'textarea', label: 'field.reason', hint: `${stateName(n.state)}: ${n.reasoning}` },
            ]}
            toPayload={(v) => ({ state: n.state, granted: v.granted === 'true', reason: v.reason })}
            onRecorded={pool.reload}
          />
        ))}
        {(phase === 'adopted' || phase === 'implementation') && (
          <>
            <EventForm
              id="com-shortcomings"
              type="systemic-shortcomings-found"
              title="ws.systemicShortcomings"
              states={codes}
              fields={[
                { name: 'state', kind: 'state', label: 'field.benefittingState' },
                { name: 'decision', kind: 'textarea', label: 'field.decision' },
              ]}
              toPayload={(v) => ({ state: v.state, decision: v.decision })}
              onRecorded={pool.reload}
            />
            {(view?.systemicShortcomings ?? []).map((s) => (
              <EventForm
                key={s.code}
                id={`com-lift-${s.code}`}
                type="systemic-shortcomings-lifted"
                title="ws.liftShortcomings"
                fields={[{ name: 'decision', kind: 'textarea', label: 'field.decision', hint: stateName(s.code) }]}
                toPayload={(v) => ({ state: s.code, decision: v.decision })}
                onRecorded={pool.reload}
              />
            ))}
          </>
        )}
        {phase === 'implementation' && (
          <EventForm id="com-close" type="year-closed" title="ws.closeYear" fields={[]} toPayload={() => ({})} onRecorded={pool.reload} submitLabel="ws.closeYear" />
        )}
      </section>
      <Deadlines view={view} />
      <ImplementationReviewPanel />
      <ToolboxQueuePanel decide />
    </>
  );
}

/** Art 12(2)–(3): reference numbers (at least 30,000 / EUR 600 million, ratio kept) apportioned by the Art 66 key. */
function ProposalForm({ shares, onRecorded }: { shares: FairShares; onRecorded: () => void }) {
  const lines = (relocations: number) => indicativeLines(shares.rows.map((r) => ({ code: r.geo, share: r.share })), relocations, relocations * EURO_PER_RELOCATION);
  return (
    <EventForm
      id="com-proposal"
      type="proposal-drafted"
      title="ws.draftProposal"
      initial={{ referenceRelocations: '30000' }}
      fields={[{ name: 'referenceRelocations', kind: 'persons', label: 'field.referenceRelocations', hint: t('ws.proposalHint') }]}
      toPayload={(v) => {
        const n = int(v, 'referenceRelocations');
        return { cycle: 2026, referenceRelocations: n, referenceFinancialEur: n * EURO_PER_RELOCATION, states: lines(n) };
      }}
      live={(v) => {
        const n = /^\d+$/.test(v.referenceRelocations ?? '') ? int(v, 'referenceRelocations') : 0;
        const rows = lines(n);
        return (
          <>
            <p aria-live="polite">{t('ws.proposalLive', { relocations: formatNumber(n), euros: formatEuros(n * EURO_PER_RELOCATION) })}</p>
            {n < 30_000 && <p class="error">{t('ws.belowFloor')}</p>}
            <details>
              <summary>{t('ws.proposalLines')}</summary>
              <DataTable
                caption={t('ws.proposalLines')}
                rows={rows}
                rowKey={(r) => r.code}
                columns={[
                  { label: t('common.memberState'), cell: (r) => stateName(r.code) },
                  { label: t('fairShare.share'), numeric: true, cell: (r) => formatPercent(r.share, 2) },
                  { label: t('pledge.relocations'), numeric: true, cell: (r) => formatNumber(r.relocations) },
                  { label: t('pledge.financialEur'), numeric: true, cell: (r) => formatEuros(r.financialEur) },
                ]}
              />
            </details>
          </>
        );
      }}
      onRecorded={onRecorded}
    />
  );
}

/** Art 11(1): the decision on the categories, with the grounds; a state may be in more than one category. */
function ClassificationForm({ codes, onRecorded }: { codes: string[]; onRecorded: () => void }) {
  const [decision, setDecision] = useState('');
  const [chosen, setChosen] = useState<Record<string, Category[]>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const toggle = (code: string, c: Category, on: boolean) =>
    setChosen((m) => ({ ...m, [code]: on ? [...(m[code] ?? []), c] : (m[code] ?? []).filter((x) => x !== c) }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!decision.trim()) return setError(t('ws.decisionRequired'));
    try {
      await recordEvent('classification-recorded', { decision, states: codes.map((code) => ({ code, categories: chosen[code] ?? [] })) });
      setError(undefined);
      setDone(true);
      onRecorded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form class="form wide" onSubmit={submit} noValidate aria-labelledby="classification-title" data-event="classification-recorded">
      <h3 id="classification-title">{t('ws.recordDecision')}</h3>
      <label for="classification-decision">{t('field.decisionGrounds')}</label>
      <textarea id="classification-decision" rows={3} value={decision} onInput={(e) => setDecision(e.currentTarget.value)} aria-invalid={error && !decision.trim() ? 'true' : undefined} />
      <div class="table-wrap">
        <table>
          <caption>{t('ws.categoriesPerState')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.memberState')}</th>
              {CATEGORIES.map((c) => <th scope="col" key={c}>{categoryLabel(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => (
              <tr key={code}>
                <th scope="row">{stateName(code)}</th>
                {CATEGORIES.map((c) => (
                  <td key={c}>
                    <input type="checkbox" aria-label={`${stateName(code)}: ${categoryLabel(c)}`} checked={(chosen[code] ?? []).includes(c)} onChange={(e) => toggle(code, c, e.currentTarget.checked)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {done && <p role="status" class="ok">{t('common.saved')}</p>}
      <button type="submit">{t('ws.recordDecision')}</button>
    </form>
  );
}

export { stateOptions };
