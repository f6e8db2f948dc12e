/**
 * The assessment methodology as data (`methodology/assessment-v<N>.json`): which indicators feed each category, how
 * they combine, the thresholds, and why — one file per version, checked in. The Regulation names the categories
 * (Art 11(1)) and what to consider (Arts 9–10) but no formula; the Commission's methodology compares each state with
 * the Union (recital 2 of Decision 2025/2323, domain.md §2.3), and so does this one.
 *
 * Combination: a category holds when any of its rules holds; a rule holds when all its conditions hold. A condition
 * compares one measure of one indicator in one period with a threshold (value ≥ threshold).
 */
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { assessmentIndicator } from './indicators.ts';

import { ASSESSMENT_CATEGORIES } from './categories.ts';

export { ASSESSMENT_CATEGORIES, type AssessmentCategory } from './categories.ts';

export const MEASURES = ['absolute', 'perThousand', 'perBillionGdp', 'disproportionality', 'change', 'activeMonths'] as const;
export type MeasureName = (typeof MEASURES)[number];

const text = z.string().min(1);

const Condition = z.strictObject({
  indicator: z.string().min(1),
  measure: z.enum(MEASURES),
  period: z.enum(['current', 'previous', 'cumulative']),
  threshold: z.number({ error: 'threshold must be a number' }).refine(Number.isFinite, 'threshold must be finite'),
  rationale: text,
});

const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'rule ids are lower-case words joined by hyphens'),
  /** `art-11-3-sar`: the mandatory ground of Art 11(3), kept distinct from the general ground of Art 2(24). */
  ground: z.enum(['general', 'art-11-3-sar']).default('general'),
  rationale: text,
  all: z.array(Condition).min(1),
});

const CategorySpec = z.strictObject({
  article: text,
  rationale: text,
  rules: z.array(Rule).min(1),
});

/** The methodology document's shape (also the public API's answer for it). */
export const MethodologySchema = z.strictObject({
  id: z.literal('assessment'),
  version: z.number().int().positive(),
  title: text,
  status: z.enum(['assumption', 'official']),
  why: text,
  parameters: z.strictObject({
    lookBackYears: z.number().int().min(1).max(20),
    lookBackRationale: text,
    maxSubstitutionMonths: z.number().int().min(0).max(60),
    substitutionRationale: text,
  }),
  categories: z.strictObject({
    'under-pressure': CategorySpec,
    'at-risk': CategorySpec,
    'significant-situation': CategorySpec,
  }),
  sources: z.array(text).default([]),
}).meta({ id: 'Methodology' });

export type Methodology = z.infer<typeof MethodologySchema>;
export type MethodologyRule = z.infer<typeof Rule>;
export type MethodologyCondition = z.infer<typeof Condition>;

/** Validates a parsed methodology; an error names the file and the field (`categories.at-risk.rules.0.all.1.indicator`). */
export function parseMethodology(json: unknown, file = 'methodology'): Methodology {
  const parsed = MethodologySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  const m = parsed.data;
  for (const category of ASSESSMENT_CATEGORIES) {
    m.categories[category].rules.forEach((rule, r) => {
      rule.all.forEach((c, i) => {
        const field = `categories.${category}.rules.${r}.all.${i}`;
        const ind = assessmentIndicator(c.indicator);
        if (!ind) throw new InputError(`unknown indicator "${c.indicator}"`, { file, field: `${field}.indicator` });
        if (ind.kind === 'ratio' && c.measure !== 'absolute' && c.measure !== 'change') {
          throw new InputError(`${c.indicator} is a rate: only its value (measure "absolute") or its change can be compared`, { file, field: `${field}.measure` });
        }
        if (c.period === 'cumulative' && ind.kind === 'stock') throw new InputError(`${c.indicator} is a stock: it has no cumulative value; use period "current"`, { file, field: `${field}.period` });
        if (c.measure === 'activeMonths' && ind.kind !== 'flow') throw new InputError(`activeMonths applies to flows only, not ${c.indicator}`, { file, field: `${field}.measure` });
        if (c.measure === 'change' && c.period !== 'current') throw new InputError('a change compares the reference period with the previous 12 months: period must be "current"', { file, field: `${field}.period` });
        const t = c.threshold;
        const bad =
          c.measure === 'change' ? t <= -1 : c.measure === 'activeMonths' ? t < 0 || t > 12 || !Number.isInteger(t) : t < 0;
        if (bad) {
          const expected = c.measure === 'change' ? 'above -1 (a fall of 100 %)' : c.measure === 'activeMonths' ? 'a whole number of months from 0 to 12' : 'zero or more';
          throw new InputError(`invalid threshold ${t} for ${c.measure}: expected ${expected}`, { file, field: `${field}.threshold` });
        }
      });
    });
  }
  return m;
}
