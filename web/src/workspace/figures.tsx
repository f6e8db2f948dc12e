/** Tables shared by the workspaces: the four figures per state, the floors and the offset triggers. */
import type { Accounting, StateAccount } from '../api/cycle.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatEuros, formatPercent, stateName, t, type MessageKey } from '../i18n/i18n.ts';

export function AccountsTable({ accounts, caption }: { accounts: StateAccount[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={accounts}
      rowKey={(a) => a.code}
      columns={[
        { label: t('common.memberState'), cell: (a) => stateName(a.code) },
        { label: t('fairShare.share'), numeric: true, cell: (a) => formatPercent(a.fairShare.share, 2) },
        { label: t('pool.fairShareEur'), numeric: true, cell: (a) => formatEuros(a.fairShare.euroEquivalent) },
        { label: t('whatif.pledgedEur'), numeric: true, cell: (a) => formatEuros(a.pledged.euroEquivalent) },
        { label: t('whatif.compliance'), numeric: true, cell: (a) => (a.compliance.ratio === null ? '–' : formatPercent(a.compliance.ratio, 0)) },
        { label: t('pool.deductedEur'), numeric: true, cell: (a) => formatEuros(a.deducted.euroEquivalent) },
        { label: t('pool.implementedEur'), numeric: true, cell: (a) => formatEuros(a.implemented.euroEquivalent) },
        { label: t('ws.outstanding'), numeric: true, cell: (a) => formatEuros(a.outstanding.euroEquivalent) },
        { label: t('ws.exempt'), cell: (a) => (a.exempt ? t(`ws.exempt.${a.exempt}` as MessageKey) : '–') },
      ]}
    />
  );
}

/** Floors (Art 12(2), 57(1)) and offset triggers (Art 63) as the domain decided them, with its explanation. */
export function PoolChecks({ pool }: { pool: NonNullable<Accounting['pool']> }) {
  const floors = pool.actFloors ?? pool.proposalFloors;
  return (
    <section aria-labelledby="checks-title">
      <h2 id="checks-title">{t('whatif.triggers')}</h2>
      <ul class="checks">
        {floors.map((f) => (
          <li key={f.article}>
            <span class={f.meets ? 'badge done' : 'badge due'}>{f.meets ? t('ws.meets') : t('ws.below')}</span> {f.explanation}
          </li>
        ))}
        {pool.offsetTriggers.pool.map((o) => (
          <li key={o.article}>
            <span class={o.applies ? 'badge due' : 'badge done'}>{o.applies ? t('whatif.met') : t('whatif.notMet')}</span> {o.explanation}
          </li>
        ))}
      </ul>
    </section>
  );
}
