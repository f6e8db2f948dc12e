/**
 * The adopted Annual Solidarity Pool: public only once the Council has adopted it (Art 57(1)); before that the page
 * says which phase the cycle is in and nothing else (Art 12(6)). What it shows is the server's projection for the
 * public, never filtered here.
 */
import type { PoolView } from '../api/cycle.ts';
import { fetchPublicCycle } from '../api/pool.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, formatEuros, formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { WhatIf } from '../whatif/lazy-what-if.tsx';

export function PoolPage() {
  const pool = useAsync(() => fetchPublicCycle(), []);
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (pool.loading) return <Loading />;
  const p = pool.data;
  if (!p?.councilAct) {
    return (
      <>
        <h1>{t('pool.title')}</h1>
        <p>{p ? t('pool.notAdopted', { year: String(p.cycle), phase: t(`phase.${p.phase}` as MessageKey) }) : t('phase.none')}</p>
        <p class="muted">{t('pool.confidential')}</p>
      </>
    );
  }
  return <AdoptedPool pool={p} act={p.councilAct} />;
}

function AdoptedPool({ pool, act }: { pool: PoolView; act: NonNullable<PoolView['councilAct']> }) {
  const pledged = act.lines.reduce((a, l) => a + l.pledgedEuroEquivalent, 0);
  return (
    <>
      <h1>{t('pool.titleYear', { year: String(pool.cycle) })}</h1>
      <p class="lead">{t('pool.adoptedLead', { act: `${act.act} (${formatDate(act.adoptedAt)})`, phase: t(`phase.${pool.phase}` as MessageKey) })}</p>
      <div class="cards">
        <div class="card"><span class="big">{formatNumber(act.referenceRelocations)}</span>{t('pool.referenceRelocations')}</div>
        <div class="card"><span class="big">{formatEuros(act.referenceFinancialEur)}</span>{t('pool.referenceFinancial')}</div>
        <div class="card"><span class="big">{formatEuros(pledged)}</span>{t('pool.totalPledged')}</div>
        {act.sarPercentage !== undefined && <div class="card"><span class="big">{formatPercent(act.sarPercentage / 100, 0)}</span>{t('pool.sarShare')}</div>}
      </div>
      <DataTable
        caption={t('pool.tableCaption', { year: String(pool.cycle) })}
        rows={act.lines}
        rowKey={(r) => r.code}
        columns={[
          { label: t('common.memberState'), cell: (r) => <a href={`/state/${r.code}`}>{stateName(r.code)}</a> },
          { label: t('fairShare.share'), numeric: true, cell: (r) => formatPercent(r.line.share, 2) },
          { label: t('pool.fairShareEur'), numeric: true, cell: (r) => formatEuros(r.line.relocations * 20_000) },
          { label: t('pledge.relocations'), numeric: true, cell: (r) => formatNumber(r.pledged.relocations) },
          { label: t('pledge.financialEur'), numeric: true, cell: (r) => formatEuros(r.pledged.financialEur) },
          { label: t('pledge.alternativeEur'), numeric: true, cell: (r) => formatEuros(r.pledged.alternativeEur) },
          { label: t('pledge.offsets'), numeric: true, cell: (r) => formatNumber(r.pledged.offsets) },
          { label: t('whatif.pledgedEur'), numeric: true, cell: (r) => formatEuros(r.pledgedEuroEquivalent) },
          { label: t('pool.deductedEur'), numeric: true, cell: (r) => formatEuros(r.deducted.relocations * 20_000 + r.deducted.financialEur + r.deducted.alternativeEur + r.deducted.offsets * 20_000) },
        ]}
      />
      <WhatIf
        shares={act.lines.map((l) => ({ geo: l.code, share: l.line.share }))}
        initial={{
          referenceRelocations: act.referenceRelocations,
          pledges: Object.fromEntries(act.lines.map((l) => [l.code, { ...l.pledged }])),
          deductions: Object.fromEntries(act.lines.map((l) => [l.code, l.deducted.relocations + l.deducted.financialEur + l.deducted.alternativeEur + l.deducted.offsets > 0])),
        }}
      />
    </>
  );
}
