import { readFileSync } from 'node:fs';
import { note, type Note } from '../note.ts';
import { noteText } from '../../notes/index.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRouteAttribution } from '../route-attribution.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../member-states.ts';
import { computeIndicators, type IndicatorInputs, type KeyRow } from './compute.ts';
import { assessmentIndicator, type AssessmentIndicator } from './indicators.ts';
import { referencePeriods } from './reference-periods.ts';
import type { SeriesPoint } from './resolve.ts';

const en = (notes: readonly Note[]) => notes.map(noteText);

const routeTable = parseRouteAttribution(JSON.parse(readFileSync(new URL('../../../methodology/route-attribution-v1.json', import.meta.url), 'utf8')));
const firstTime = assessmentIndicator('first_time_applications')!;
const returns = assessmentIndicator('returns')!;
const sea = assessmentIndicator('sea_arrivals')!;
const irregular = assessmentIndicator('irregular_arrivals')!;

/** A key where each state's share is given and population and GDP follow it (any units). */
function keyOf(weights: number[], popUnit = 1, gdpUnit = 1): KeyRow[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return SOLIDARITY_STATES.map((code, i) => ({ code, share: weights[i]! / total, population: weights[i]! * 1000 * popUnit, gdpMeur: weights[i]! * 10 * gdpUnit }));
}

function inputs(key: KeyRow[], indicators: AssessmentIndicator[], annual: Partial<Record<MemberStateCode, number>>, series = 'asylum_applicants_first_time', routes = new Map<string, SeriesPoint[]>()): IndicatorInputs {
  const byGeo = new Map<string, SeriesPoint[]>(Object.entries(annual).map(([geo, v]) => [geo, [2020, 2021, 2022, 2023, 2024].map((y) => ({ period: String(y), value: v! }))]));
  return { periods: referencePeriods(2026), key, indicators, series: new Map([[series, byGeo]]), routes, routeTable, maxGapMonths: 12 };
}

const current = (r: ReturnType<typeof computeIndicators>, code: MemberStateCode, id = 'first_time_applications', period = 'current') =>
  r.byState.get(code)!.find((f) => f.indicator === id && f.period === period)!;

const weights = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 26, maxLength: 26 });

describe('indicators per state and the disproportionality index', () => {
  it('property: a state carrying exactly its fair share has index 1, in every period', () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 1, max: 1000 }), (w, scale) => {
        const key = keyOf(w);
        const values = Object.fromEntries(key.map((k) => [k.code, k.share * 1e6 * scale]));
        const r = computeIndicators(inputs(key, [firstTime], values));
        for (const k of key) for (const p of ['current', 'previous', 'cumulative']) expect(current(r, k.code, firstTime.id, p).disproportionality).toBeCloseTo(1, 9);
      }),
    );
  });

  it('property: the index is invariant under scaling the figures and the units of population and GDP', () => {
    fc.assert(
      fc.property(weights, fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 26, maxLength: 26 }), fc.integer({ min: 2, max: 1000 }), (w, v, c) => {
        fc.pre(v.some((x) => x > 0));
        const a = computeIndicators(inputs(keyOf(w), [firstTime], Object.fromEntries(SOLIDARITY_STATES.map((s, i) => [s, v[i]!]))));
        const b = computeIndicators(inputs(keyOf(w, c, 1 / c), [firstTime], Object.fromEntries(SOLIDARITY_STATES.map((s, i) => [s, v[i]! * c]))));
        for (const s of SOLIDARITY_STATES) {
          expect(current(b, s).disproportionality).toBeCloseTo(current(a, s).disproportionality!, 9);
          // Per GDP is not scale-free: figures ×c over GDP ×1/c gives ×c² (relative comparison, floating point).
          const [pa, pb] = [current(a, s).perBillionGdp!, current(b, s).perBillionGdp!];
          expect(pa === 0 ? pb : Math.abs(pb / (pa * c * c) - 1)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('normalises per 1,000 inhabitants and per EUR billion of GDP (GDP stored in million euro)', () => {
    const key = keyOf(SOLIDARITY_STATES.map(() => 1));
    const r = computeIndicators(inputs(key, [firstTime], { DE: 500 }));
    const de = current(r, 'DE');
    expect(de).toMatchObject({ value: 500, window: '2024', exact: false, basis: 'years', series: 'asylum_applicants_first_time' });
    expect(de.perThousand).toBeCloseTo(500, 9); // population 1,000
    expect(de.perBillionGdp).toBeCloseTo(50_000, 9); // GDP EUR 10 million = 0.01 billion
  });

  it('property: a state without data is missing, never zero — stated, and left out of the Union total', () => {
    fc.assert(
      fc.property(weights, fc.subarray([...SOLIDARITY_STATES], { minLength: 1, maxLength: 25 }), (w, withData) => {
        const key = keyOf(w);
        const r = computeIndicators(inputs(key, [returns], Object.fromEntries(withData.map((s) => [s, 100])), 'returns'));
        const union = r.union.find((u) => u.indicator === 'returns' && u.period === 'current')!;
        expect(union).toMatchObject({ indicator: 'returns', period: 'current', total: 100 * withData.length, statesWithData: withData.length });
        const population = key.filter((k) => withData.includes(k.code)).reduce((a, k) => a + k.population, 0);
        expect(union.perThousand).toBeCloseTo((100 * withData.length * 1000) / population, 9);
        for (const s of SOLIDARITY_STATES) {
          const f = current(r, s, 'returns');
          if (withData.includes(s)) {
            expect(f.value).toBe(100);
            // Equal figures over the states with data: index = 1 / (share renormalised to those states × n).
            const covered = key.filter((k) => withData.includes(k.code)).reduce((a, k) => a + k.share, 0);
            expect(f.disproportionality).toBeCloseTo(1 / withData.length / (key.find((k) => k.code === s)!.share / covered), 9);
          } else {
            expect(f).toMatchObject({ value: null, perThousand: null, disproportionality: null });
            expect(f.missing).toEqual(note('assessment.missing', { indicator: 'returns', period: 'current', span: '2024-07/2025-06', reasons: [note('assessment.sourceReason', { source: 'returns', reason: note('resolve.noData', {}) })] }));
            expect(en(r.notes.get(s)!)).toContain('returns (reference period July 2024 – June 2025): missing (returns: no data); not counted as zero.');
          }
        }
      }),
    );
  });

  it('states every substitution per state and indicator', () => {
    const r = computeIndicators(inputs(keyOf(SOLIDARITY_STATES.map(() => 1)), [firstTime], { IT: 10 }));
    expect(en(r.notes.get('IT')!)).toContain('first_time_applications (reference period July 2024 – June 2025): annual data for 2024 used for July 2024 – June 2025 (nearest available period).');
    expect(en(r.notes.get('IT')!)).toContain('first_time_applications (look-back July 2020 – June 2025): annual data for 2020 – 2024 used for July 2020 – June 2025 (nearest available period).');
  });

  it('a proxy counts only from when it means the indicator: UNHCR refugees from Ukraine stand for TP from March 2022', () => {
    const tp = assessmentIndicator('tp_beneficiaries')!;
    const key = keyOf(SOLIDARITY_STATES.map(() => 1));
    const series = new Map([['refugees_stock{origin=UKR}', new Map([['PL', [{ period: '2015', value: 2_000 }, { period: '2024', value: 950_000 }]]])]]);
    const run = (cycle: number) => computeIndicators({ ...inputs(key, [tp], {}), periods: referencePeriods(cycle), series });
    expect(current(run(2026), 'PL', 'tp_beneficiaries')).toMatchObject({ value: 950_000, window: '2024-12', series: 'refugees_stock{origin=UKR}', exact: false });
    expect(current(run(2016), 'PL', 'tp_beneficiaries')).toMatchObject({ value: null });
    expect(run(2026).byState.get('PL')!.some((f) => f.indicator === 'tp_beneficiaries' && f.period === 'cumulative')).toBe(false);
  });

  it("states the source's flags and known limits with the figure", () => {
    const key = keyOf(SOLIDARITY_STATES.map(() => 1));
    const r = computeIndicators(inputs(key, [sea], { BG: 50, IT: 100 }, 'sea_arrivals'));
    expect(en(r.notes.get('BG')!).some((n) => n.startsWith('sea_arrivals (reference period') && n.includes('IOM DTM counts apprehensions for Bulgaria'))).toBe(true);
    expect(en(r.notes.get('IT')!).some((n) => n.includes('apprehensions'))).toBe(false);
    const flagged = new Map([['asylum_applicants_first_time', new Map([['PL', [{ period: '2024', value: 5, flags: 'rounded_100', source: 'eurostat:x', vintage: 'v' }]]])]]);
    const f = computeIndicators({ ...inputs(key, [firstTime], {}), series: flagged });
    expect(noteText(f.notes.get('PL')![0]!)).toBe('first_time_applications (reference period July 2024 – June 2025): annual data for 2024 used for July 2024 – June 2025 (nearest available period); flagged "rounded_100" by its source.');
    expect(current(f, 'PL')).toMatchObject({ sources: ['eurostat:x'], vintages: ['v'], flags: ['rounded_100'] });
  });

  it('a frontline source: states outside it have no figure and no index; the Union total is the source total', () => {
    const key = keyOf(SOLIDARITY_STATES.map(() => 1));
    const r = computeIndicators(inputs(key, [sea], { IT: 300, EL: 100 }, 'sea_arrivals'));
    expect(current(r, 'IT', 'sea_arrivals').disproportionality).toBeCloseTo((300 / 400) / (1 / 26), 9);
    expect(current(r, 'DE', 'sea_arrivals')).toMatchObject({ value: null, missing: note('assessment.outsideCoverage', {}) });
    expect(en(r.notes.get('DE')!).some((n) => n.startsWith('sea_arrivals'))).toBe(false);
    expect(en(r.generalNotes).some((n) => n.startsWith('sea_arrivals: the sources cover Greece and Italy only'))).toBe(true);
  });

  it('Frontex routes are attributed by the route table; a route without a figure is left out, not read as zero', () => {
    const key = keyOf(SOLIDARITY_STATES.map(() => 1));
    const monthly = (v: number) => Array.from({ length: 72 }, (_, i) => ({ period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value: v }));
    const routes = new Map<string, SeriesPoint[]>([
      ['Western African Route', monthly(10)],
      ['Eastern Mediterranean Route', monthly(100)],
      ['Black Sea Route', [{ period: '2019', value: 2 }]],
      ['Eastern Borders Route', monthly(8)],
    ]);
    const r = computeIndicators({ ...inputs(key, [irregular], {}), routes });
    expect(current(r, 'ES', 'irregular_arrivals')).toMatchObject({ value: 120, exact: true, window: '2024-07/2025-06' });
    expect(current(r, 'DE', 'irregular_arrivals').value).toBe(0);
    // BG: Eastern Mediterranean (weight 0.29 of 1,200) counted; the Black Sea route has no figure and is said to be left out.
    expect(current(r, 'BG', 'irregular_arrivals').value).toBe(348);
    expect(en(r.notes.get('BG')!).some((n) => n.includes('no figure for the period on Black Sea Route'))).toBe(true);
    expect(en(r.notes.get('EE')!).some((n) => n.includes('Eastern Borders Route shared equally'))).toBe(true);
  });
});
