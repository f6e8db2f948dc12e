/**
 * The Commission's pool proposal for a cycle (Art 12) from the store: the cycle's fair shares (Art 66) applied to the
 * Union reference numbers. Confidential until the Council adopts the pool (Art 12(6)).
 */
import type { Queryable } from '../store/db.ts';
import { computeProposal, type ComputedProposal } from '../domain/pool/proposal.ts';
import { fairSharesForCycle, type CycleFairShares, type FairShareOptions } from './fair-share.ts';

export interface ProposeOptions extends FairShareOptions {
  relocations?: number;
  financialEur?: number;
  exceptionalSituation?: string;
  sarPercentage?: number;
}

export interface CycleProposal {
  proposal: ComputedProposal;
  fairShares: CycleFairShares;
}

export async function proposeForCycle(db: Queryable, opts: ProposeOptions): Promise<CycleProposal> {
  const fairShares = await fairSharesForCycle(db, opts);
  const proposal = computeProposal({
    cycle: opts.cycle,
    shares: fairShares.states,
    ...(opts.relocations !== undefined ? { referenceRelocations: opts.relocations } : {}),
    ...(opts.financialEur !== undefined ? { referenceFinancialEur: opts.financialEur } : {}),
    ...(opts.exceptionalSituation ? { exceptionalSituation: opts.exceptionalSituation } : {}),
    ...(opts.sarPercentage !== undefined ? { sarPercentage: opts.sarPercentage } : {}),
  });
  return { proposal, fairShares };
}
