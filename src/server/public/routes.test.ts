/** The public routes on real Eurostat figures: series, fair shares, exports, and nothing confidential. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openMemoryStore, type Db } from '../../store/db.ts';
import { seedPublishedFigures } from '../../../test/helpers/published-figures.ts';
import type { FairSharesTable, StateSeries } from './series.ts';
import type { CycleOverview } from './overview.ts';
import { loadMethodology, runAssessment } from '../../cycle/assess.ts';
import type { Methodology } from '../../domain/assessment/methodology.ts';

let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openMemoryStore();
  await seedPublishedFigures(db);
  app = await buildApp({ db, webDist: '/nonexistent/' });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('public routes', () => {
  it('offers the assessment engine’s evidence beside the (not yet recorded) decision in the overview', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/overview' });
    expect(res.statusCode).toBe(200);
    const o = res.json<CycleOverview>();
    const assessment = await runAssessment(db, { cycle: 2026 });
    const italy = assessment.states.find((s) => s.code === 'IT')!;
    const shown = o.states.find((s) => s.geo === 'IT')!;
    expect(shown.categories).toEqual([]); // no decision recorded: nothing is shown as decided
    expect(shown.computedCategories).toEqual(italy.categories.map((c) => (c === 'under-pressure' && italy.sarGround ? 'under-pressure-sar' : c)));
    const current = italy.indicators.filter((i) => i.period === 'current' && i.value !== null);
    expect(current.length).toBeGreaterThan(0);
    expect(shown.evidence).toEqual(current.map((i) => ({ indicator: i.indicator, value: i.value, ratio: i.disproportionality, ...(i.window ? { detail: i.window } : {}) })));
  });

  it('publishes the methodology the evidence is computed with, every threshold with its rationale', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/methodology' });
    expect(res.statusCode).toBe(200);
    const m = res.json<Methodology>();
    expect(m).toEqual(loadMethodology());
    const rules = Object.values(m.categories).flatMap((c) => c.rules);
    expect(rules.length).toBeGreaterThan(3);
    expect(rules.flatMap((r) => r.all).every((c) => Number.isFinite(c.threshold) && c.rationale.length > 0)).toBe(true);
  });

  it('gives a state its series normalised per 1,000 inhabitants and per € billion of GDP', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/states/IT/series' });
    expect(res.statusCode).toBe(200);
    const s = res.json<StateSeries>();
    const first = s.indicators.find((i) => i.indicator === 'asylum_applicants_first_time')!;
    const y2022 = first.points.find((p) => p.period === '2022')!;
    // Eurostat: 77,200 first-time applicants in Italy in 2022 (migr_asyappctza as in ../shared/data).
    expect(y2022.value).toBe(77_200);
    expect(y2022.perThousand).toBeCloseTo((77_200 / s.population!.value) * 1000, 0);
    expect(y2022.perBillionGdp).not.toBeNull();
    expect(y2022.fairShareValue).toBeGreaterThan(0);
    expect(s.fairShare).toBeGreaterThan(0.1);
  });

  it('answers 404 for a code that is not a state of the Pact, and 400 for a malformed one', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/public/states/XX/series' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/public/states/italy/series' })).json().error.code).toBe('invalid-request');
  });

  it('computes the Art 66 key over the 26 states: shares add up to 1', async () => {
    const f = (await app.inject({ method: 'GET', url: '/api/public/fair-shares' })).json<FairSharesTable>();
    expect(f.rows).toHaveLength(26);
    expect(f.rows.map((r) => r.geo)).not.toContain('DK');
    expect(f.rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 12);
    for (const i of f.indicators) {
      const actual = f.rows.reduce((a, r) => a + r.actual[i]!.value, 0);
      expect(f.rows.reduce((a, r) => a + r.actual[i]!.fairShareValue, 0)).toBeCloseTo(actual, 3);
    }
  });

  it('exports the published observations as CSV and JSON', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/public/export/observations.csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('indicator,geo,period,dims,value,unit,flags,source,vintage');
    expect(csv.body).toContain('asylum_applicants_first_time,IT,2022,,77200,');
    const json = await app.inject({ method: 'GET', url: '/api/public/export/fair-shares.json' });
    expect(json.json<FairSharesTable>().rows).toHaveLength(26);
    expect((await app.inject({ method: 'GET', url: '/api/public/export/secrets.csv' })).statusCode).toBe(400);
  });

});

describe('data status', () => {
  it('counts the rows, periods and vintages of each indicator held', async () => {
    const { indicators } = (await app.inject({ method: 'GET', url: '/api/public/data-status' })).json<{ indicators: { indicator: string; rows: number; firstPeriod: string }[] }>();
    const population = indicators.find((i) => i.indicator === 'population')!;
    expect(population.rows).toBeGreaterThan(500);
    expect(population.firstPeriod).toMatch(/^\d{4}$/);
  });
});
