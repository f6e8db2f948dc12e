/** The adopted Annual Solidarity Pool and its implementation: public only once the Council has adopted it (Art 57). */
import { fetchPublicPool, type PublicPool } from '../api/pool.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/status.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatEuros, formatNumber, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';
import { WhatIf } from '../whatif/what-if.tsx';

export function PoolPage() {
  const pool = useAsync(fetchPublicPool, []);
  if (pool.error) return <ErrorNote error={pool.error} />;
  if (pool.loading) return <Loading />;
  const p = pool.data;
  if (!p || !p.adopted) {
    return (
      <>
        <h1>{t('pool.title')}</h1>
        <p>{p ? t('pool.notAdopted', { year: String(p.cycle), phase: t(`phase.${p.phase}` as MessageKey) }) : t('phase.none')}</p>
        <p class="muted">{t('pool.confidential')}</p>
      </>
    );
  }
  return <AdoptedPool pool={p} />;
}

function AdoptedPool({ pool }: { pool: PublicPool }) {
  return (
    <>
      <h1>{t('pool.titleYear', { year: String(pool.cycle) })}</h1>
      <p class="lead">{t('pool.adoptedLead', { act: pool.act ?? '', phase: t(`phase.${pool.phase}` as MessageKey) })}</p>
      <div class="cards">
        <div class="card"><span class="big">{formatNumber(pool.referenceRelocations ?? 0)}</span>{t('pool.referenceRelocations')}</div>
        <div class="card"><span class="big">{formatEuros(pool.referenceFinancialEur ?? 0)}</span>{t('pool.referenceFinancial')}</div>
        <div class="card"><span class="big">{formatEuros(pool.totals?.pledgedEur ?? 0)}</span>{t('pool.totalPledged')}</div>
        <div class="card"><span class="big">{formatEuros(pool.totals?.implementedEur ?? 0)}</span>{t('pool.totalImplemented')}</div>
      </div>
      <DataTable
        caption={t('pool.tableCaption', { year: String(pool.cycle) })}
        rows={pool.states}
        rowKey={(r) => r.geo}
        columns={[
          { label: t('common.memberState'), cell: (r) => <a href={`/state/${r.geo}`}>{stateName(r.geo)}</a> },
          { label: t('fairShare.share'), numeric: true, cell: (r) => formatPercent(r.share, 2) },
          { label: t('pool.fairShareEur'), numeric: true, cell: (r) => formatEuros(r.fairShareEur) },
          { label: t('pledge.relocations'), numeric: true, cell: (r) => formatNumber(r.pledged.relocations) },
          { label: t('pledge.financialEur'), numeric: true, cell: (r) => formatEuros(r.pledged.financialEur) },
          { label: t('pledge.alternativeEur'), numeric: true, cell: (r) => formatEuros(r.pledged.alternativeEur) },
          { label: t('pledge.offsets'), numeric: true, cell: (r) => formatNumber(r.pledged.offsets) },
          { label: t('pool.deductedEur'), numeric: true, cell: (r) => formatEuros(r.deductedEur) },
          { label: t('pool.implementedEur'), numeric: true, cell: (r) => formatEuros(r.implementedEur) },
        ]}
      />
      <WhatIf
        shares={pool.states.map((s) => ({ geo: s.geo, share: s.share }))}
        initial={{
          referenceRelocations: pool.referenceRelocations ?? 0,
          pledges: Object.fromEntries(pool.states.map((s) => [s.geo, { ...s.pledged }])),
          deductions: Object.fromEntries(pool.states.map((s) => [s.geo, s.deductedEur > 0])),
        }}
      />
    </>
  );
}
