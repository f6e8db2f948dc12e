/** The forecast page's API on the real Frontex and sea-arrival files, on both backends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { tempFolder, type TempFolder } from '../../../test/helpers/data-folder.ts';
import { backtestStored, forecastCycle } from '../../cycle/forecast.ts';
import { readMonthlySeries } from '../../cycle/monthly-series.ts';
import { loadDataFolder } from '../../data/load.ts';
import { noteJson, noteText } from '../../notes/index.ts';
import type { Db } from '../../store/db.ts';
import { buildApp } from '../app.ts';

const ROUTES = 'frontex/ibc_detections_monthly_by_route.csv';
const SEA = 'iom_dtm/mediterranean_arrivals_monthly.csv';
const TP = 'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2024_08_vintage2024.csv';
const CENTRAL = 'irregular_crossings:Central Mediterranean Route';
const url = (id: string, query = '') => `/api/public/forecast/${encodeURIComponent(id)}${query}`;

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`forecast API on ${backend.name}`, () => {
    let app: FastifyInstance;
    let db: Db;
    let dispose: () => Promise<void>;
    const folders: TempFolder[] = [];
    beforeAll(async () => {
      const h = await backend.open();
      db = h.db as Db;
      dispose = h.dispose;
      folders.push(tempFolder([ROUTES]));
      await loadDataFolder(db, folders[0]!.dir);
      app = await buildApp({ db });
    }, 300_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
      for (const f of folders) f.remove();
    });

    it('gives anyone every series forecast to December of the cycle, the figures of `pactcycle forecast`', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/public/forecast?cycle=2026' });
      expect(res.statusCode).toBe(200);
      const j = res.json();
      const direct = await forecastCycle(db, { cycle: 2026 });
      expect(j.series.map((s: { id: string }) => s.id)).toEqual(direct.series.map((s) => s.id));
      expect(j.series).toContainEqual(expect.objectContaining({ id: CENTRAL, indicator: 'irregular_crossings', dims: { route: 'Central Mediterranean Route' } }));
      for (const s of j.series) {
        const d = direct.series.find((x) => x.id === s.id)!;
        expect(s.horizon).toEqual(d.horizon);
        expect(s.cycleYear).toEqual(d.cycleYear);
        expect(s.horizon.at(-1).period).toBe('2026-12');
        expect(s.horizon.length).toBeGreaterThanOrEqual(12);
        expect(s).not.toHaveProperty('fanChart');
      }
      // Without a cycle: the one the public pages show.
      expect((await app.inject({ method: 'GET', url: '/api/public/forecast' })).json()).toEqual(j);
    }, 300_000);

    it("gives one series' fan chart, and its backtest of the combination against seasonal naive", async () => {
      const res = await app.inject({ method: 'GET', url: url(CENTRAL, '?cycle=2026') });
      expect(res.statusCode).toBe(200);
      const j = res.json();
      const history = j.fanChart.filter((r: { actual?: number }) => r.actual !== undefined);
      const ahead = j.fanChart.filter((r: { actual?: number }) => r.actual === undefined);
      expect(history).toHaveLength(36);
      expect(history.at(-1).period).toBe(j.lastObserved);
      expect(ahead.map((r: { period: string }) => r.period)).toEqual(j.horizon.map((h: { period: string }) => h.period));
      ahead.forEach((r: { mean: number; lo95: number; hi95: number }, i: number) => {
        expect(Math.round(r.mean)).toBe(j.horizon[i].mean);
        expect(r.lo95).toBeGreaterThanOrEqual(j.horizon[i].lo95);
        expect(r.hi95).toBeLessThanOrEqual(j.horizon[i].hi95);
      });
      expect(j.backtest.models.map((m: { model: string }) => m.model)).toEqual(['combination', 'snaive']);
      const direct = await backtestStored(db, { series: [CENTRAL], models: ['combination', 'snaive'] });
      expect(j.backtest.origins).toBe(direct.series[0]!.origins);
      expect(j.backtest.origins).toBeGreaterThan(5);
      expect(j.backtest.models[0].mase).toBeCloseTo(direct.series[0]!.mase!, 12);
      // Every shock apart, in the declared order, with the same figures as the engine's; in the body's text too.
      const shocks = direct.series[0]!.shocks;
      expect(shocks.map((x) => x.label)).toEqual(['2015-16', '2020', '2022']);
      for (const m of j.backtest.models as { shocks: { label: string; years: number[]; points: number }[] }[]) {
        expect(m.shocks.map((x) => [x.label, x.years])).toEqual([['2015-16', [2015, 2016]], ['2020', [2020]], ['2022', [2022]]]);
      }
      expect(j.backtest.models[0].shocks.map((x: { points: number }) => x.points)).toEqual(shocks.map((x) => x.points));
      expect(res.body.indexOf('"label":"2015-16"')).toBeGreaterThan(0);
      expect(res.body.indexOf('"label":"2015-16"')).toBeLessThan(res.body.indexOf('"label":"2020"'));
      expect(res.body.indexOf('"label":"2020"')).toBeLessThan(res.body.indexOf('"label":"2022"'));
    }, 300_000);

    it.each([
      [url('irregular_crossings:Nowhere Route'), 404, /no monthly series "irregular_crossings:Nowhere Route"/],
      [url(CENTRAL, '?cycle=2025'), 400, /cycle/],
      ['/api/public/forecast?cycle=abc', 400, /cycle/],
    ])('answers %s with %i and a clear message', async (path, status, message) => {
      const res = await app.inject({ method: 'GET', url: path });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }, 300_000);

    it('forecasts the series a new data load brings, not what it kept from before', async () => {
      const before = (await app.inject({ method: 'GET', url: '/api/public/forecast?cycle=2026' })).json();
      expect(before.series.some((s: { id: string }) => s.id === 'sea_arrivals:IT')).toBe(false);
      expect((await app.inject({ method: 'GET', url: url('sea_arrivals:IT') })).statusCode).toBe(404);
      folders.push(tempFolder([SEA]));
      await loadDataFolder(db, folders[1]!.dir);
      const after = (await app.inject({ method: 'GET', url: '/api/public/forecast?cycle=2026' })).json();
      expect(after.series.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([...before.series.map((s: { id: string }) => s.id), 'sea_arrivals:IT']));
      const it = await app.inject({ method: 'GET', url: url('sea_arrivals:IT') });
      expect(it.statusCode).toBe(200);
      expect(it.json().geo).toBe('IT');
      // Malta's arrivals have gaps to the end: skipped, the reason a note as `pactcycle forecast --json` gives it.
      const direct = await forecastCycle(db, { cycle: 2026 });
      const mt = direct.skipped.find((k) => k.id === 'sea_arrivals:MT')!;
      expect(mt.reason.key).toBe('forecast.skip.gap');
      expect(after.skipped).toEqual(direct.skipped.map((k) => ({ id: k.id, reason: noteJson(k.reason) })));
      expect(after.skipped).toContainEqual({ id: 'sea_arrivals:MT', reason: { key: 'forecast.skip.gap', params: mt.reason.params, text: noteText(mt.reason) } });
      // Asked for by id: not found, with the reason in English.
      const one = await app.inject({ method: 'GET', url: url('sea_arrivals:MT') });
      expect(one.statusCode).toBe(404);
      expect(one.json().error.message).toBe(`the series "sea_arrivals:MT" cannot be forecast: ${noteText(mt.reason)}`);
    }, 300_000);

    it('answers where the data barely bound the forecast, and says the interval is too wide to inform', async () => {
      // Temporary protection since March 2022: 29 months of stocks that rose from almost nothing, forecast 28 months.
      folders.push(tempFolder([TP]));
      await loadDataFolder(db, folders.at(-1)!.dir);
      const res = await app.inject({ method: 'GET', url: '/api/public/forecast?cycle=2026' });
      expect(res.statusCode).toBe(200);
      const tp = res.json().series.find((s: { id: string }) => s.id === 'tp_beneficiaries:IT');
      expect(tp.cycleYear.measure).toBe('end of year');
      const end = tp.horizon.at(-1);
      expect(end.hi95).toBeGreaterThan(10 * end.mean);
      expect(tp.notes.map((n: { text: string }) => n.text).join(' ')).toMatch(/95 % interval for December 2026 reaches .* times the largest month observed: too wide to inform/);
      // The note is there exactly where the bound passes ten times the largest month the forecast was made from.
      const { series: stored } = await readMonthlySeries(db);
      let narrow = 0;
      for (const s of res.json().series as { id: string; notes: { key: string }[]; horizon: { hi95: number }[] }[]) {
        const peak = Math.max(...stored.find((x) => x.id === s.id)!.values);
        const wide = s.horizon.at(-1)!.hi95 > 10 * peak;
        expect(s.notes.some((n) => n.key === 'forecast.uninformative'), s.id).toBe(wide);
        if (!wide) narrow++;
      }
      expect(narrow).toBeGreaterThan(0);
    }, 300_000);
  });
}
