/**
 * The cycle at a glance for the public: the 26 states, their categories once the Commission's Art 11 decision is
 * recorded (nothing before), and the reference period. Categories and the pool's phase come from the cycle's
 * ledger; until a decision is recorded the map shows none.
 */
import { SOLIDARITY_STATES } from '../../domain/member-states.ts';
import type { Queryable } from '../../store/db.ts';
import { runAssessment } from '../../cycle/assess.ts';
import { InputError } from '../../domain/errors.ts';

export type Category = 'migratory-pressure' | 'risk-of-migratory-pressure' | 'significant-migratory-situation';

/** What the assessment's evidence supports; `under-pressure-sar` is the Art 11(3) search-and-rescue ground. */
export type ComputedCategory = 'under-pressure' | 'under-pressure-sar' | 'at-risk' | 'significant-situation';

export interface CycleOverview {
  year: number;
  referencePeriod: { from: string; to: string } | null;
  decisionAdopted: boolean;
  states: { geo: string; categories: Category[]; grounds: string | null; computedCategories: ComputedCategory[]; evidence: { indicator: string; value: number; ratio: number | null; detail?: string }[] }[];
  pool: { phase: string; adopted: boolean } | null;
}

/** Art 9(1), 9(4): the Report adopted in year N−1 covers July N−2 to June N−1 (2026 cycle: July 2024 – June 2025). */
export function referencePeriodOf(cycle: number): { from: string; to: string } {
  return { from: `${cycle - 2}-07-01`, to: `${cycle - 1}-06-30` };
}

/**
 * The computed evidence offered beside the decision: the assessment of the cycle (src/cycle/assess.ts, the same
 * engine as `pactcycle assess`), each indicator of the reference period with its disproportionality index (the
 * state's share of the Union total ÷ its fair share; 1 = its fair share), and the categories the evidence supports.
 * Categories in force are the Commission's decision; they come from the cycle's ledger (`GET /api/cycles/:cycle`).
 */
export async function cycleOverview(db: Queryable, cycle: number): Promise<CycleOverview> {
  const assessment = await runAssessment(db, { cycle }).catch((err: unknown) => {
    if (err instanceof InputError) return null;
    throw err;
  });
  const byCode = new Map(assessment?.states.map((s) => [s.code, s]));
  return {
    year: cycle,
    referencePeriod: referencePeriodOf(cycle),
    decisionAdopted: false,
    states: SOLIDARITY_STATES.map((geo) => {
      const a = byCode.get(geo);
      return {
        geo,
        categories: [],
        grounds: null,
        computedCategories: a ? a.categories.map((c) => (c === 'under-pressure' && a.sarGround ? 'under-pressure-sar' : c)) : [],
        evidence: (a?.indicators ?? [])
          .filter((i) => i.period === 'current' && i.value !== null)
          .map((i) => ({ indicator: i.indicator, value: i.value!, ratio: i.disproportionality, ...(i.window ? { detail: i.window } : {}) })),
      };
    }),
    pool: null,
  };
}
