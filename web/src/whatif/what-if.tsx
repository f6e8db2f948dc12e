/**
 * What-if: change the pool's reference number, a state's pledge mix, or grant and refuse deductions, and watch the
 * totals, floors, offset triggers and each state's compliance recompute at once with the domain's own rules. A
 * scenario lives only in this page: it is never sent to the server, and it says so.
 */
import { useMemo, useState } from 'preact/hooks';
import { DataTable } from '../components/data-table.tsx';
import { formatEuros, formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { evaluateScenario, type PledgeMix, type Scenario, type ScenarioResult } from './scenario.ts';

export interface ShareLine {
  geo: string;
  share: number;
}

export function WhatIf({ shares, initial }: { shares: ShareLine[]; initial?: Partial<Scenario> }) {
  const start = (): Scenario => ({
    referenceRelocations: initial?.referenceRelocations ?? 30_000,
    proposalRelocations: initial?.proposalRelocations ?? initial?.referenceRelocations ?? 30_000,
    shares,
    pledges: initial?.pledges ?? Object.fromEntries(shares.map((s) => [s.geo, { relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 }])),
    deductions: initial?.deductions ?? {},
  });
  const [scenario, setScenario] = useState<Scenario>(start);
  const [geo, setGeo] = useState(shares[0]?.geo ?? '');
  const result = useMemo(() => evaluateScenario(scenario), [scenario]);
  const mix: PledgeMix = scenario.pledges[geo] ?? { relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 };
  const setMix = (field: keyof PledgeMix, value: number) =>
    setScenario((s) => ({ ...s, pledges: { ...s.pledges, [geo]: { ...mix, [field]: Math.max(0, Math.round(value || 0)) } } }));
  return (
    <section class="scenario" aria-labelledby="whatif-title">
      <h2 id="whatif-title">
        <span class="scenario-badge">{t('whatif.badge')}</span> {t('whatif.title')}
      </h2>
      <p>{t('whatif.notSaved')}</p>
      <div class="form">
        <label for="wi-reference">{t('whatif.reference')}</label>
        <input id="wi-reference" type="number" min={0} step={100} value={scenario.referenceRelocations}
          onInput={(e) => setScenario((s) => ({ ...s, referenceRelocations: Math.max(0, Math.round(Number(e.currentTarget.value) || 0)) }))} />
        <p class="hint">{t('whatif.referenceHint', { euros: formatEuros(scenario.referenceRelocations * 20_000) })}</p>
        <label for="wi-state">{t('whatif.state')}</label>
        <select id="wi-state" value={geo} onChange={(e) => setGeo(e.currentTarget.value)}>
          {shares.map((s) => <option key={s.geo} value={s.geo}>{stateName(s.geo)}</option>)}
        </select>
        <fieldset>
          <legend>{t('whatif.mixFor', { state: stateName(geo) })}</legend>
          {(['relocations', 'financialEur', 'alternativeEur', 'offsets'] as const).map((field) => (
            <div key={field}>
              <label for={`wi-${field}`}>{t(`pledge.${field}` as MessageKey)}</label>{' '}
              <input id={`wi-${field}`} type="number" min={0} step={field.endsWith('Eur') ? 100_000 : 1} value={mix[field]}
                onInput={(e) => setMix(field, Number(e.currentTarget.value))} />
            </div>
          ))}
          <label>
            <input type="checkbox" checked={scenario.reconvened === true}
              onChange={(e) => setScenario((s) => ({ ...s, reconvened: e.currentTarget.checked }))} />{' '}
            {t('whatif.reconvened')}
          </label>
          <label>
            <input type="checkbox" checked={scenario.deductions[geo] === true}
              onChange={(e) => setScenario((s) => ({ ...s, deductions: { ...s.deductions, [geo]: e.currentTarget.checked } }))} />{' '}
            {t('whatif.grantDeduction')}
          </label>
        </fieldset>
        <button type="button" class="secondary" onClick={() => setScenario(start())}>{t('whatif.reset')}</button>
      </div>
      {result.ok ? <ScenarioFigures result={result} /> : <p role="alert" class="error">{result.message}</p>}
    </section>
  );
}

function ScenarioFigures({ result }: { result: Extract<ScenarioResult, { ok: true }> }) {
  const { pool, states, triggers } = result;
  const floors = pool.actFloors ?? pool.proposalFloors;
  return (
    <>
      <div class="cards" aria-live="polite">
        <div class="card"><span class="big">{formatNumber(pool.pledged.relocations)}</span>{t('whatif.totalRelocations')}</div>
        <div class="card"><span class="big">{formatEuros(pool.pledged.financialEur)}</span>{t('whatif.totalFinancial')}</div>
        <div class="card"><span class="big">{formatEuros(pool.pledged.euroEquivalent)}</span>{t('whatif.totalEquivalent')}</div>
        <div class="card"><span class="big">{formatEuros(pool.pledged.euroEquivalent - pool.deducted.euroEquivalent)}</span>{t('whatif.afterDeductions')}</div>
      </div>
      <h3>{t('whatif.triggers')}</h3>
      <ul class="checks">
        {floors.map((f) => (
          <li key={f.article}>
            <span class={f.meets ? 'badge done' : 'badge due'}>{f.meets ? t('ws.meets') : t('ws.below')}</span> {f.explanation}
          </li>
        ))}
        {triggers.map((tr) => (
          <li key={tr.article}>
            <span class={tr.applies ? 'badge due' : 'badge done'}>{tr.applies ? t('whatif.met') : t('whatif.notMet')}</span> {tr.explanation}
          </li>
        ))}
      </ul>
      <DataTable
        caption={t('whatif.perState')}
        rows={states}
        rowKey={(r) => r.code}
        columns={[
          { label: t('common.memberState'), cell: (r) => stateName(r.code) },
          { label: t('fairShare.share'), numeric: true, cell: (r) => formatPercent(r.fairShare.share, 2) },
          { label: t('whatif.fairShareEur'), numeric: true, cell: (r) => formatEuros(r.fairShare.euroEquivalent) },
          { label: t('whatif.pledgedEur'), numeric: true, cell: (r) => formatEuros(r.pledged.euroEquivalent) },
          { label: t('whatif.compliance'), numeric: true, cell: (r) => (r.compliance.ratio === null ? '–' : formatPercent(r.compliance.ratio, 0)) },
          { label: t('whatif.deduction'), cell: (r) => (r.deducted.euroEquivalent > 0 ? t('whatif.granted') : '–') },
        ]}
      />
    </>
  );
}
