import { readFileSync } from 'node:fs';
import { noteText } from '../../notes/index.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { classify } from './classify.ts';
import type { IndicatorFigure } from './compute.ts';
import { ASSESSMENT_CATEGORIES, parseMethodology, type Methodology } from './methodology.ts';

const FILE = new URL('../../../methodology/assessment-v1.json', import.meta.url);
const raw = () => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown> & { categories: Record<string, { rules: { all: Record<string, unknown>[] }[] }> };
const v1 = parseMethodology(raw(), 'assessment-v1.json');

const fig = (indicator: string, period: IndicatorFigure['period'], value: number, extra: Partial<IndicatorFigure> = {}): IndicatorFigure => ({
  indicator,
  period,
  value,
  perThousand: value,
  perBillionGdp: value,
  disproportionality: value,
  window: period === 'previous' ? '2023-07/2024-06' : '2024-07/2025-06',
  basis: 'months',
  exact: true,
  series: indicator,
  ...extra,
});

describe('the assessment methodology as data', () => {
  it('the committed v1 is valid, explains every threshold and keeps the Art 11(3) ground distinct', () => {
    expect(v1).toMatchObject({ id: 'assessment', version: 1, parameters: { lookBackYears: 5 } });
    for (const c of ASSESSMENT_CATEGORIES) {
      for (const rule of v1.categories[c].rules) for (const cond of rule.all) expect(cond.rationale.length).toBeGreaterThan(10);
    }
    expect(v1.categories['under-pressure'].rules.filter((r) => r.ground === 'art-11-3-sar').map((r) => r.id)).toEqual(['search-and-rescue']);
  });

  it('refuses an unknown indicator, naming the file and the field', () => {
    const bad = raw();
    bad.categories['at-risk']!.rules[1]!.all[0]!.indicator = 'asylum_vibes';
    expect(() => parseMethodology(bad, 'm.json')).toThrow(InputError);
    expect(() => parseMethodology(bad, 'm.json')).toThrow('m.json, field categories.at-risk.rules.1.all.0.indicator: unknown indicator "asylum_vibes"');
  });

  it('refuses invalid thresholds, naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [-1, /field categories.under-pressure.rules.0.all.0.threshold: invalid threshold -1 for disproportionality/],
      ['2', /field categories.under-pressure.rules.0.all.0.threshold: threshold must be a number/],
      [null, /field categories.under-pressure.rules.0.all.0.threshold/],
    ];
    for (const [threshold, message] of cases) {
      const bad = raw();
      bad.categories['under-pressure']!.rules[0]!.all[0]!.threshold = threshold;
      expect(() => parseMethodology(bad, 'm.json')).toThrow(message);
    }
    const months = raw();
    months.categories['under-pressure']!.rules[3]!.all[1]!.threshold = 13;
    expect(() => parseMethodology(months, 'm.json')).toThrow(/rules.3.all.1.threshold: invalid threshold 13 for activeMonths/);
  });

  it('refuses a stock summed over the look-back and an unknown field', () => {
    const bad = raw();
    bad.categories['significant-situation']!.rules[2]!.all[0]!.period = 'cumulative';
    expect(() => parseMethodology(bad, 'm.json')).toThrow(/rules.2.all.0.period: tp_beneficiaries is a stock/);
    const extra = raw();
    (extra as Record<string, unknown>).thresholds = {};
    expect(() => parseMethodology(extra, 'm.json')).toThrow(InputError);
  });
});

describe('the classification engine', () => {
  it('flags each category independently, with the triggering evidence; SAR on its own ground', () => {
    const figures = new Map([
      ['IT' as const, [fig('sar_arrivals', 'current', 5, { activeMonths: 12 }), fig('first_time_applications', 'current', 1.2), fig('first_time_applications', 'previous', 0.9), fig('first_time_applications', 'cumulative', 1.6)]],
      ['DE' as const, [fig('first_time_applications', 'current', 1.1), fig('first_time_applications', 'previous', 1.0), fig('first_time_applications', 'cumulative', 1.2)]],
    ]);
    const [it_, de] = classify(v1, figures);
    expect(it_!.categories).toEqual(['under-pressure', 'at-risk', 'significant-situation']);
    expect(it_!.sarGround).toBe(true);
    expect(it_!.evidence.filter((e) => e.category === 'under-pressure')).toEqual([
      { category: 'under-pressure', indicator: 'sar_arrivals', value: 5, threshold: 2, period: '2024-07/2025-06', measure: 'disproportionality', rule: 'search-and-rescue', ground: 'art-11-3-sar' },
      { category: 'under-pressure', indicator: 'sar_arrivals', value: 12, threshold: 10, period: '2024-07/2025-06', measure: 'activeMonths', rule: 'search-and-rescue', ground: 'art-11-3-sar' },
    ]);
    const rising = it_!.evidence.find((e) => e.measure === 'change')!;
    expect(rising.period).toBe('2023-07/2024-06 → 2024-07/2025-06');
    expect(rising.value).toBeCloseTo(1.2 / 0.9 - 1, 12);
    expect(de!.categories).toEqual([]);
    expect(de!.notes.map(noteText).some((n) => n.startsWith('under migratory pressure: not assessable for lack of data under rule irregular-arrivals'))).toBe(true);
  });

  it('property: every piece of evidence meets its threshold, and a category is flagged exactly when it has evidence', () => {
    const indicators = ['irregular_arrivals', 'sea_arrivals', 'sar_arrivals', 'first_time_applications', 'pending_cases', 'tp_beneficiaries'];
    const value = fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value, fc.integer({ min: 0, max: 12 })), { minLength: 6, maxLength: 6 }), (vals) => {
        const figs = indicators.flatMap((id, i) => {
          const [cur, prev, cum, months] = vals[i]!;
          const out: IndicatorFigure[] = [];
          if (cur !== null) out.push(fig(id, 'current', cur, { activeMonths: months }));
          if (prev !== null) out.push(fig(id, 'previous', prev));
          if (cum !== null) out.push(fig(id, 'cumulative', cum));
          return out;
        });
        const [c] = classify(v1 as Methodology, new Map([['EL' as const, figs]]));
        for (const e of c!.evidence) expect(e.value).toBeGreaterThanOrEqual(e.threshold);
        for (const cat of ASSESSMENT_CATEGORIES) expect(c!.categories.includes(cat)).toBe(c!.evidence.some((e) => e.category === cat));
        expect(c!.sarGround).toBe(c!.evidence.some((e) => e.ground === 'art-11-3-sar'));
      }),
    );
  });
});
