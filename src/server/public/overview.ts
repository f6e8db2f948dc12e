/**
 * The cycle at a glance for the public: the 26 states, their categories once the Commission's Art 11 decision is
 * recorded (nothing before), and the reference period. Categories and the pool's phase come from the cycle's
 * ledger; until a decision is recorded the map shows none.
 */
import { SOLIDARITY_STATES } from '../../domain/member-states.ts';
import type { Queryable } from '../../store/db.ts';
import { fairSharesTable } from './series.ts';

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

/**
 * The computed evidence offered beside the decision: each indicator's latest complete year as a multiple of the
 * state's fair share of the Union's total (1 = its fair share), the comparison recital 2 of Decision 2025/2323
 * describes. Categories are the Commission's to decide; they come from the cycle's ledger (`GET /api/cycles/:cycle`).
 */
export async function cycleOverview(db: Queryable, cycle: number): Promise<CycleOverview> {
  const shares = await fairSharesTable(db, cycle);
  const rows = new Map(shares?.rows.map((r) => [r.geo, r]));
  return {
    year: cycle,
    referencePeriod: referencePeriodOf(cycle),
    decisionAdopted: false,
    states: SOLIDARITY_STATES.map((geo) => ({
      geo,
      categories: [],
      grounds: null,
      evidence: (shares?.indicators ?? []).map((indicator) => {
        const a = rows.get(geo)!.actual[indicator]!;
        return { indicator, value: a.value, ratio: a.fairShareValue > 0 ? a.value / a.fairShareValue : null, detail: shares!.indicatorPeriods[indicator]! };
      }),
    })),
    pool: null,
  };
}
