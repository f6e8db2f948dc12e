/**
 * The Commission's pool proposal for a cycle (Art 12) from the store: the cycle's fair shares (Art 66) applied to the
 * Union reference numbers. Confidential until the Council adopts the pool (Art 12(6)).
 */
import type { Queryable } from '../store/db.ts';
import { computeProposal, type ComputedProposal } from '../domain/pool/proposal.ts';
import { sarIndicativePercentage, type SarPercentage } from '../domain/pool/sar-percentage.ts';
import type { Assessment } from './assess.ts';
import { fairSharesForCycle, type CycleFairShares, type FairShareOptions } from './fair-share.ts';

export interface ProposeOptions extends FairShareOptions {
  relocations?: number;
  financialEur?: number;
  exceptionalSituation?: string;
  /** Given explicitly, or derived from the assessment's states under pressure on the Art 11(3) ground. */
  sarPercentage?: number;
  assessment?: Assessment;
}

export interface CycleProposal {
  proposal: ComputedProposal;
  fairShares: CycleFairShares;
  /** How the Art 12(5) percentage was derived, when it was. */
  sar?: SarPercentage;
}

/** Art 12(5) from the assessment: the computed under-pressure states, their arrivals in the reference period. */
export function sarFromAssessment(a: Assessment): SarPercentage | undefined {
  const underPressure = a.states
    .filter((s) => s.categories.includes('under-pressure'))
    .map((s) => ({ code: s.code, sarGround: s.sarGround, arrivals: s.indicators.find((i) => i.indicator === 'irregular_arrivals' && i.period === 'current')?.value ?? null }));
  const sar = sarIndicativePercentage(underPressure);
  return sar && { ...sar, basis: `${sar.basis}; states under pressure as computed by methodology ${a.methodology.id} v${a.methodology.version}` };
}

export async function proposeForCycle(db: Queryable, opts: ProposeOptions): Promise<CycleProposal> {
  const fairShares = await fairSharesForCycle(db, opts);
  const sar = opts.sarPercentage === undefined && opts.assessment ? sarFromAssessment(opts.assessment) : undefined;
  const sarPercentage = opts.sarPercentage ?? sar?.percentage;
  const proposal = computeProposal({
    cycle: opts.cycle,
    shares: fairShares.states,
    ...(opts.relocations !== undefined ? { referenceRelocations: opts.relocations } : {}),
    ...(opts.financialEur !== undefined ? { referenceFinancialEur: opts.financialEur } : {}),
    ...(opts.exceptionalSituation ? { exceptionalSituation: opts.exceptionalSituation } : {}),
    ...(sarPercentage !== undefined ? { sarPercentage } : {}),
  });
  return { proposal, fairShares, ...(sar ? { sar } : {}) };
}
