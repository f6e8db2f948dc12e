/**
 * The classification engine: per state, the categories the evidence supports under a methodology, each with the
 * conditions that triggered it (indicator, value, threshold, period). Independent flags (domain.md §5.3); the
 * Art 11(3) search-and-rescue ground is kept apart from the general ground of Art 2(24).
 *
 * This is evidence for the Commission's decision (Art 11 is a human decision informed by qualitative grounds,
 * Art 10(2)); it is never the decision itself, which is recorded separately (decision records).
 */
import type { MemberStateCode } from '../member-states.ts';
import { note, type Note } from '../note.ts';
import type { IndicatorFigure } from './compute.ts';
import { ASSESSMENT_CATEGORIES, type AssessmentCategory, type MeasureName, type Methodology, type MethodologyCondition } from './methodology.ts';

export interface Evidence {
  category: AssessmentCategory;
  indicator: string;
  value: number;
  threshold: number;
  /** The months the value covers, as used (a substituted period shows as itself). */
  period: string;
  measure: MeasureName;
  rule: string;
  ground: 'general' | 'art-11-3-sar';
}

export interface StateClassification {
  code: MemberStateCode;
  categories: AssessmentCategory[];
  evidence: Evidence[];
  /** Under pressure on the Art 11(3) ground (recurring search-and-rescue disembarkations). */
  sarGround: boolean;
  /** Rules that could not be assessed for lack of data. */
  notes: Note[];
}

function figureOf(figs: readonly IndicatorFigure[], indicator: string, period: IndicatorFigure['period']) {
  return figs.find((f) => f.indicator === indicator && f.period === period);
}

/** The measure's value and the period it covers; null when the data do not give it. */
export function measureValue(figs: readonly IndicatorFigure[], c: Pick<MethodologyCondition, 'indicator' | 'measure' | 'period'>): { value: number; period: string } | null {
  const f = figureOf(figs, c.indicator, c.period);
  if (!f || f.value === null) return null;
  switch (c.measure) {
    case 'absolute':
      return { value: f.value, period: f.window! };
    case 'perThousand':
      return f.perThousand === null ? null : { value: f.perThousand, period: f.window! };
    case 'perBillionGdp':
      return f.perBillionGdp === null ? null : { value: f.perBillionGdp, period: f.window! };
    case 'disproportionality':
      return f.disproportionality === null ? null : { value: f.disproportionality, period: f.window! };
    case 'activeMonths':
      return f.activeMonths === undefined ? null : { value: f.activeMonths, period: f.window! };
    case 'change': {
      const prev = figureOf(figs, c.indicator, 'previous');
      if (!prev || prev.value === null || prev.value === 0) return null;
      // Two substituted figures on the same window are no trend.
      if (prev.window === f.window) return null;
      return { value: f.value / prev.value - 1, period: `${prev.window} → ${f.window}` };
    }
  }
}

export function classify(methodology: Methodology, figures: ReadonlyMap<MemberStateCode, readonly IndicatorFigure[]>): StateClassification[] {
  const out: StateClassification[] = [];
  for (const [code, figs] of figures) {
    const result: StateClassification = { code, categories: [], evidence: [], sarGround: false, notes: [] };
    for (const category of ASSESSMENT_CATEGORIES) {
      const unassessable: Note[] = [];
      for (const rule of methodology.categories[category].rules) {
        const values = rule.all.map((c) => ({ c, v: measureValue(figs, c) }));
        const missing = values.filter((x) => x.v === null);
        if (missing.length) {
          unassessable.push(note('assessment.ruleMissing', { rule: rule.id, conditions: missing.map((x) => note('assessment.condition', { indicator: x.c.indicator, measure: x.c.measure, period: x.c.period })) }));
          continue;
        }
        if (!values.every((x) => x.v!.value >= x.c.threshold)) continue;
        if (!result.categories.includes(category)) result.categories.push(category);
        if (rule.ground === 'art-11-3-sar') result.sarGround = true;
        for (const { c, v } of values) {
          result.evidence.push({ category, indicator: c.indicator, value: v!.value, threshold: c.threshold, period: v!.period, measure: c.measure, rule: rule.id, ground: rule.ground });
        }
      }
      if (unassessable.length && !result.categories.includes(category)) {
        result.notes.push(note('assessment.notAssessable', { category, rules: unassessable }));
      }
    }
    out.push(result);
  }
  return out;
}
