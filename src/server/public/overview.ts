/**
 * The cycle at a glance for the public: the 26 states, their categories once the Commission's Art 11 decision is
 * recorded (nothing before), and the reference period. Categories and the pool's phase come from the cycle's
 * ledger; until a decision is recorded the map shows none.
 */
import { SOLIDARITY_STATES } from '../../domain/member-states.ts';
import type { Queryable } from '../../store/db.ts';

export type Category = 'migratory-pressure' | 'risk-of-migratory-pressure' | 'significant-migratory-situation';

export interface CycleOverview {
  year: number;
  referencePeriod: { from: string; to: string } | null;
  decisionAdopted: boolean;
  states: { geo: string; categories: Category[]; grounds: string | null; evidence: { indicator: string; value: number; ratio: number | null; detail?: string }[] }[];
  pool: { phase: string; adopted: boolean } | null;
}

/** Art 9(1), 9(4): the Report adopted in year N−1 covers July N−2 to June N−1 (2026 cycle: July 2024 – June 2025). */
export function referencePeriodOf(cycle: number): { from: string; to: string } {
  return { from: `${cycle - 2}-07-01`, to: `${cycle - 1}-06-30` };
}

export async function cycleOverview(_db: Queryable, cycle: number): Promise<CycleOverview> {
  return {
    year: cycle,
    referencePeriod: referencePeriodOf(cycle),
    decisionAdopted: false,
    states: SOLIDARITY_STATES.map((geo) => ({ geo, categories: [], grounds: null, evidence: [] })),
    pool: null,
  };
}
