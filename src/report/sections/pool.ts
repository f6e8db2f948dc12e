/**
 * The Annual Solidarity Pool's tables: before adoption the proposal's indicative lines (confidential, Art 12(6));
 * after adoption each state's fair share, pledges, deductions and implementation (Art 57, 60, 64).
 */
import type { PoolReport } from '../../cycle/pool-report.ts';
import { col, type ReportTable } from '../table.ts';

export function proposalTable(p: PoolReport): ReportTable {
  return {
    id: 'pool-proposal',
    columns: [col('state', 'state'), col('fair_share', 'share'), col('relocations', 'integer'), col('financial_eur', 'integer')],
    rows: p.proposal.states.map((s) => ({ state: s.code, fair_share: s.share, relocations: s.relocations, financial_eur: s.financialEur })),
  };
}

export function accountsTable(p: Extract<PoolReport, { adopted: true }>): ReportTable {
  return {
    id: 'pool-accounts',
    columns: [
      col('state', 'state'),
      col('fair_share_eur', 'integer'),
      col('pledged_relocations', 'integer'),
      col('pledged_financial_eur', 'integer'),
      col('pledged_eur', 'integer'),
      col('deducted_eur', 'integer'),
      col('implemented_eur', 'integer'),
      col('outstanding_eur', 'integer'),
    ],
    rows: p.states.map((a) => ({
      state: a.code,
      fair_share_eur: a.fairShare.euroEquivalent,
      pledged_relocations: a.pledged.relocations,
      pledged_financial_eur: a.pledged.financialEur,
      pledged_eur: a.pledged.euroEquivalent,
      deducted_eur: a.deducted.euroEquivalent,
      implemented_eur: a.implemented.euroEquivalent,
      outstanding_eur: a.outstanding.euroEquivalent,
    })),
  };
}
