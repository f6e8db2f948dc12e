/**
 * `forecast` and `backtest` on the real Frontex and IOM DTM files: the JSON shape, forecasts that tie to the stored
 * file and to the forecasting core, the text output, the backtest's MASE recomputed by hand, and the bad inputs.
 * Expected values are read from ../shared/data directly, never through the loader or the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHomeWithData, runCli, tempHome } from '../../../test/helpers/cli.ts';
import { realText, tempFolder, type TempFolder } from '../../../test/helpers/data-folder.ts';
import { forecastCounts, type ModelId } from '../../domain/forecast/models.ts';

const FRONTEX = 'frontex/ibc_detections_monthly_by_route.csv';
const IOM = 'iom_dtm/mediterranean_arrivals_monthly.csv';
const EMR = 'irregular_crossings:Eastern Mediterranean Route';
const CMR = 'irregular_crossings:Central Mediterranean Route';
const IT = 'sea_arrivals:IT';

// Month arithmetic of its own, so that the expectations do not lean on the code under test.
const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const plus = (m: string, n: number) => month(idx(m) + n);

/** Every monthly series the two files hold, keyed by the CLI's series id: month → value (Frontex summed over land/sea). */
function seriesFromFiles(iomText = realText(IOM)): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (id: string, m: string, v: number) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = new Map()));
    s.set(m, (s.get(m) ?? 0) + v);
  };
  for (const line of realText(FRONTEX).trim().split('\n').slice(1)) {
    const [route, , m, v] = line.split(',');
    add(`irregular_crossings:${route}`, m!, Number(v));
  }
  for (const line of iomText.trim().split('\n').slice(1)) {
    const [geo, , m, v, type] = line.split(',');
    if (type !== 'monthly') continue;
    add(geo!.startsWith('ES_') ? `sea_arrivals:ES:${geo}` : `sea_arrivals:${geo}`, m!, Number(v));
  }
  return out;
}

/** The months after the last gap: what a series is forecast from. */
function trailingRun(s: Map<string, number>): { start: string; values: number[] } {
  const months = [...s.keys()].sort();
  let i = months.length - 1;
  while (i > 0 && idx(months[i]!) - idx(months[i - 1]!) === 1) i--;
  return { start: months[i]!, values: months.slice(i).map((m) => s.get(m)!) };
}

interface Band { period: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }
interface Series { id: string; indicator: string; geo: string; model: string; requestedModel: string; fallback?: { key: string; text: string }; notes: { key: string; params: Record<string, unknown>; text: string }[]; lastObserved: string; horizon: Band[]; cycleYear: { year: number; measure: string; observedMonths: number; value: number } }
interface NoteJson { key: string; params: Record<string, unknown>; text: string }
interface Forecast { cycle: number; series: Series[]; skipped: { id: string; reason: NoteJson }[] }

async function forecastJson(...args: string[]): Promise<Forecast> {
  const r = await runCli('forecast', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Forecast;
}

/** What the CLI prints for one series: the core's forecast on the same months, rounded as the CLI rounds (bounds outward). */
function expectedHorizon(values: number[], last: string, h: number, model: ModelId): Band[] {
  const f = forecastCounts(values, h, model);
  return f.mean.map((m, i) => ({ period: plus(last, i + 1), mean: Math.round(m), lo80: Math.floor(f.lo80[i]!), hi80: Math.ceil(f.hi80[i]!), lo95: Math.floor(f.lo95[i]!), hi95: Math.ceil(f.hi95[i]!) }));
}

describe('pactcycle forecast and backtest on the real Frontex and IOM DTM files', () => {
  cliHomeWithData([FRONTEX, IOM], 300_000);
  const files = seriesFromFiles();
  let all: Forecast | undefined;
  const forecast2026 = async () => (all ??= await forecastJson('--cycle', '2026'));

  it('forecast --json: every series of the files, each to December 2026 from the month after its last observation, bounds ordered', async () => {
    const j = await forecast2026();
    expect(Object.keys(j)).toEqual(['cycle', 'series', 'skipped']);
    expect(j.cycle).toBe(2026);
    // Every series of the files is either forecast or skipped with a reason, none silently dropped.
    expect([...j.series.map((s) => s.id), ...j.skipped.map((s) => s.id)].sort()).toEqual([...files.keys()].sort());
    expect(j.series.length).toBeGreaterThanOrEqual(12);
    expect(j.series.map((s) => s.id)).toEqual(expect.arrayContaining([EMR, CMR, IT, 'sea_arrivals:ES:ES_CANARY_WAAR']));
    // Each with its reason as a note: key, parameters and the English text.
    for (const k of j.skipped) {
      expect(k.reason.key).toBe('forecast.skip.gap');
      expect(k.reason.text).toMatch(/^gap: .* missing; too few consecutive months follow it to forecast from \(\d+ since .*, at least 24 needed\)$/);
    }
    for (const s of j.series) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'indicator', 'geo', 'model', 'horizon', 'notes', 'cycleYear']));
      expect(s.indicator).toBe(s.id.split(':')[0]);
      expect(s.geo).toBe(s.indicator === 'irregular_crossings' ? 'EU27_2020' : s.id.split(':')[1]);
      expect(s.requestedModel).toBe('combination');
      expect(s).not.toHaveProperty('fanChart'); // the chart's data stay out of the JSON
      // No fallback on these series (all have three years or more after any gap): the combination of all three.
      expect(s.fallback).toBeUndefined();
      expect(s.model).toMatch(/^COMBINATION\(ETS\([AM],(N|A|Ad),[NAM]\), THETA, SNAIVE\)$/);
      const last = [...files.get(s.id)!.keys()].sort().at(-1)!;
      expect(s.lastObserved).toBe(last);
      const months = Math.max(12, idx('2026-12') - idx(last));
      expect(months).toBeGreaterThanOrEqual(12);
      expect(s.horizon.map((h) => h.period)).toEqual(Array.from({ length: months }, (_, i) => plus(last, i + 1)));
      expect(s.horizon.at(-1)!.period).toBe('2026-12');
      for (const h of s.horizon) {
        expect(Object.keys(h)).toEqual(['period', 'mean', 'lo80', 'hi80', 'lo95', 'hi95']);
        expect(h.lo95).toBeGreaterThanOrEqual(0);
        expect(h.lo95 <= h.lo80 && h.lo80 <= h.mean && h.mean <= h.hi80 && h.hi80 <= h.hi95).toBe(true);
      }
      // A flow: the cycle-year figure is the sum of the twelve forecast months of 2026.
      expect(s.cycleYear).toEqual({ year: 2026, measure: 'sum', observedMonths: 0, value: s.horizon.filter((h) => h.period.startsWith('2026-')).reduce((a, h) => a + h.mean, 0) });
    }
  }, 120_000);

  it('forecasts a Frontex route exactly as forecastCounts does on the consecutive months of the stored file, after a gap too', async () => {
    const j = await forecast2026();
    for (const id of [EMR, CMR]) {
      const run = trailingRun(files.get(id)!);
      const last = plus(run.start, run.values.length - 1);
      const s = j.series.find((x) => x.id === id)!;
      expect(s.horizon).toEqual(expectedHorizon(run.values, last, idx('2026-12') - idx(last), 'combination'));
      expect(s.model).toBe(forecastCounts(run.values, 12).model);
    }
    // The Central Mediterranean file lacks February 2010: the forecast starts in March 2010 and says so.
    expect(files.get(CMR)!.has('2010-02')).toBe(false);
    expect(trailingRun(files.get(CMR)!).start).toBe('2010-03');
    expect(j.series.find((x) => x.id === CMR)!.notes.filter((n) => n.key === 'series.gap')).toEqual([
      { key: 'series.gap', params: { from: '2010-02', to: '2010-02', months: 182, since: '2010-03' }, text: 'gap: February 2010 to February 2010 missing; forecast from the 182 consecutive months since March 2010' },
    ]);
    expect(j.series.find((x) => x.id === EMR)!.notes).toEqual([]);
  }, 120_000);

  it('--series filters, --model snaive repeats last year, and cycle 2025 counts the observed months of 2025 into its total', async () => {
    const two = await forecastJson('--cycle', '2026', '--series', `${IT},${EMR}`);
    expect(two.series.map((s) => s.id)).toEqual([IT, EMR]);
    expect(two.skipped).toEqual([]);
    const full = await forecast2026();
    expect(two.series).toEqual([IT, EMR].map((id) => full.series.find((s) => s.id === id)));

    const sn = await forecastJson('--cycle', '2026', '--series', EMR, '--model', 'snaive');
    const emr = files.get(EMR)!;
    expect(sn.series[0]!.model).toBe('SNAIVE');
    expect(sn.series[0]!.requestedModel).toBe('snaive');
    for (const h of sn.series[0]!.horizon.slice(0, 12)) expect(h.mean).toBe(emr.get(plus(h.period, -12)));

    // Frontex ends in April 2025: for the 2025 cycle the horizon is still 12 months (to April 2026), and the 2025
    // total is January–April as observed plus May–December as forecast.
    const y25 = await forecastJson('--cycle', '2025', '--series', EMR);
    const s = y25.series[0]!;
    expect(s.horizon.map((h) => h.period)).toEqual(Array.from({ length: 12 }, (_, i) => plus('2025-04', i + 1)));
    const observed = ['2025-01', '2025-02', '2025-03', '2025-04'].reduce((a, m) => a + emr.get(m)!, 0);
    const forecast = s.horizon.filter((h) => h.period.startsWith('2025-')).reduce((a, h) => a + h.mean, 0);
    expect(s.cycleYear).toEqual({ year: 2025, measure: 'sum', observedMonths: 4, value: observed + forecast });
  }, 120_000);

  it('an unknown series is a data error (exit 2) naming it; an unknown model a usage error (exit 1) naming it', async () => {
    const series = await runCli('forecast', '--cycle', '2026', '--series', `${EMR},sea_arrivals:XX`, '--json');
    expect(series.code).toBe(2);
    expect(series.stdout).toBe('');
    expect(series.stderr).toMatch(/no monthly series "sea_arrivals:XX" in the store; known series include irregular_crossings:/);
    const model = await runCli('forecast', '--cycle', '2026', '--model', 'prophet', '--json');
    expect(model.code).toBe(1);
    expect(model.stdout).toBe('');
    expect(model.stderr).toMatch(/unknown model "prophet"; one of combination, ets, theta, arima, snaive, naive, drift/);
    // A series named but unusable is refused with the reason, not skipped: Malta's arrivals have gaps to the end.
    const mt = await runCli('forecast', '--cycle', '2026', '--series', 'sea_arrivals:MT', '--json');
    expect(mt.code).toBe(2);
    expect(mt.stderr).toMatch(/series sea_arrivals:MT has a gap/);
    const cycle = await runCli('forecast', '--cycle', '26', '--json');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/unknown cycle "26"/);
  });

  it('the text output names each series with its model, its notes and its 2026 total, and each skipped series', async () => {
    const j = await forecast2026();
    const r = await runCli('forecast', '--cycle', '2026');
    expect(r.code).toBe(0);
    const blocks = r.stdout.trim().split('\n\n');
    expect(j.skipped.length).toBeGreaterThan(0);
    expect(blocks).toHaveLength(j.series.length + 1);
    j.series.forEach((s, i) => {
      const lines = blocks[i]!.split('\n');
      expect(lines[0]).toBe(`${s.id} — ${s.model}; observed to ${s.lastObserved}; forecast ${s.horizon[0]!.period} to 2026-12`);
      for (const n of s.notes) expect(lines).toContain(`  note: ${n.text}`);
      expect(lines).toContain(`  2026 total: ${s.cycleYear.value.toLocaleString('en-GB')}`);
      // The first forecast month's row, with thousands separators.
      const h = s.horizon[0]!;
      expect(blocks[i]).toMatch(new RegExp(`${h.period} +${[h.mean, h.lo80, h.hi80, h.lo95, h.hi95].map((v) => v.toLocaleString('en-GB')).join(' +')}`));
    });
    expect(blocks.at(-1)!.split('\n')).toEqual(j.skipped.map((k) => `skipped ${k.id}: ${k.reason.text}`));
  }, 120_000);

  describe('backtest', () => {
    interface Shock { label: string; years: number[]; mase: number | null; points: number }
    interface Row { id: string; model: string; origins: number; points: number; mase: number | null; mape: number | null; coverage80: number | null; coverage95: number | null; normal: { mase: number | null }; shocks: Shock[] }
    interface Backtest { series: Row[]; overall: (Row & { series: number })[]; skipped: unknown[]; notes: unknown[] }
    let bt: Backtest | undefined;
    let stdout = '';
    const run = async (): Promise<Backtest> => {
      if (bt) return bt;
      const r = await runCli('backtest', '--models', 'snaive,naive,combination', '--series', `${EMR},${IT}`, '--json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      stdout = r.stdout;
      return (bt = JSON.parse(r.stdout) as Backtest);
    };
    const shock = (row: Row, label: string) => row.shocks.find((s) => s.label === label)!;

    /**
     * By hand: origins every December with at least 48 months of training and an outcome after; forecasts 1–12
     * months ahead; seasonal naive repeats the month a year before, naive the origin's month; the MASE scale is the
     * training data's mean absolute difference at lag 12.
     */
    function points(id: string, model: 'snaive' | 'naive') {
      const s = files.get(id)!;
      const months = [...s.keys()].sort();
      const v = months.map((m) => s.get(m)!);
      expect(idx(months.at(-1)!) - idx(months[0]!)).toBe(v.length - 1); // no gap in these two series
      const out: { period: string; error: number }[] = [];
      for (let n = 48; n < v.length; n++) {
        if (!months[n - 1]!.endsWith('-12')) continue;
        let scale = 0;
        for (let t = 12; t < n; t++) scale += Math.abs(v[t]! - v[t - 12]!);
        scale /= n - 12;
        for (let k = 1; k <= 12 && n + k - 1 < v.length; k++) {
          const f = model === 'snaive' ? v[n + k - 1 - 12]! : v[n - 1]!;
          out.push({ period: months[n + k - 1]!, error: Math.abs(v[n + k - 1]! - f) / scale });
        }
      }
      return out;
    }
    const meanOf = (p: { error: number }[]) => (p.length ? p.reduce((a, x) => a + x.error, 0) / p.length : null);
    const SHOCK_YEARS: Record<string, string[]> = { '2015-16': ['2015', '2016'], '2020': ['2020'], '2022': ['2022'] };

    it('has a row per series and model and an overall row per model, with the accuracy fields', async () => {
      const j = await run();
      expect(Object.keys(j)).toEqual(['series', 'overall', 'skipped', 'notes']);
      expect(j.series.map((s) => [s.id, s.model])).toEqual([EMR, IT].flatMap((id) => ['snaive', 'naive', 'combination'].map((m) => [id, m])));
      expect(j.overall.map((o) => o.model)).toEqual(['snaive', 'naive', 'combination']);
      for (const row of [...j.series, ...j.overall]) {
        expect(Object.keys(row)).toEqual(expect.arrayContaining(['model', 'mase', 'mape', 'coverage80', 'coverage95', 'normal', 'shocks']));
        expect(row.mase).toBeGreaterThan(0);
        expect(row.mape).toBeGreaterThan(0);
        for (const c of [row.coverage80!, row.coverage95!]) expect(c >= 0 && c <= 1).toBe(true);
        expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80!);
        expect(row.shocks.map((s) => s.label)).toEqual(['2015-16', '2020', '2022']);
      }
      for (const o of j.overall) expect(o.series).toBe(2);
      expect(j.skipped).toEqual([]);
      expect(j.notes).toEqual([]);
    }, 120_000);

    it('scores seasonal naive and naive as recomputed by hand from the file, the shock years apart', async () => {
      const j = await run();
      for (const model of ['snaive', 'naive'] as const) {
        for (const id of [EMR, IT]) {
          const p = points(id, model);
          const row = j.series.find((s) => s.id === id && s.model === model)!;
          expect(row.points).toBe(p.length);
          expect(row.mase).toBeCloseTo(meanOf(p)!, 9);
          for (const [label, years] of Object.entries(SHOCK_YEARS)) {
            const inShock = p.filter((x) => years.includes(x.period.slice(0, 4)));
            expect(shock(row, label).years.map(String)).toEqual(years);
            expect(shock(row, label).points).toBe(inShock.length);
            if (inShock.length) expect(shock(row, label).mase).toBeCloseTo(meanOf(inShock)!, 9);
            else expect(shock(row, label).mase).toBeNull();
          }
          const normal = p.filter((x) => !Object.values(SHOCK_YEARS).flat().includes(x.period.slice(0, 4)));
          expect(row.normal.mase).toBeCloseTo(meanOf(normal)!, 9);
        }
        const pooled = [...points(EMR, model), ...points(IT, model)];
        expect(j.overall.find((o) => o.model === model)!.mase).toBeCloseTo(meanOf(pooled)!, 9);
      }
      // Italy's IOM series starts in 2014: its first origin (48 months) is December 2017, so no 2015–16 forecast.
      expect(shock(j.series.find((s) => s.id === IT && s.model === 'snaive')!, '2015-16').points).toBe(0);
      expect(shock(j.series.find((s) => s.id === EMR && s.model === 'snaive')!, '2015-16').points).toBe(24);
    }, 120_000);

    it('writes the shocks in their chronological order, 2015-16 before 2020 and 2022, in every row of the JSON', async () => {
      await run();
      // The text itself, not only the parsed value: an object keyed by label would print "2020" and "2022" first.
      const rows = stdout.split(/"shocks": \[/).slice(1);
      expect(rows).toHaveLength(3 * 2 + 3);
      for (const row of rows) {
        const labels = [...row.slice(0, row.indexOf('"maseByHorizon"')).matchAll(/"label": "([^"]+)"/g)].map((m) => m[1]);
        expect(labels).toEqual(['2015-16', '2020', '2022']);
      }
    }, 120_000);

    it('prints a table with the shock years as columns', async () => {
      const r = await runCli('backtest', '--models', 'snaive', '--series', IT);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/MASE 2015-16 +MASE 2020 +MASE 2022/);
      expect(r.stdout).toMatch(/overall \(all series pooled; MASE outside the shock years in "normal"\)/);
      expect(r.stdout).toMatch(new RegExp(`${IT} +snaive +${meanOf(points(IT, 'snaive'))!.toFixed(2)} `));
    }, 120_000);

    it.each([
      [['--min-train', '12'], /--min-train must be at least 13 months/],
      [['--step', '0'], /--step must be a positive whole number, got "0"/],
      [['--models', 'snaive,magic'], /unknown model "magic"/],
    ])('exits 1 on %j', async (args, message) => {
      const r = await runCli('backtest', '--series', IT, ...args, '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  });
});

/**
 * The real IOM DTM file with rows taken out (values untouched): Italy loses November–December 2022 (24 months
 * follow), Cyprus loses January 2024 (9 follow), Greece keeps only December 2024, Spain only July–December 2024.
 */
function cutIom(): string {
  const [header, ...rows] = realText(IOM).trim().split('\n');
  const keep = (line: string) => {
    const [geo, , m, , type] = line.split(',');
    if (type !== 'monthly') return true;
    if (geo === 'IT') return m !== '2022-11' && m !== '2022-12';
    if (geo === 'CY') return m !== '2024-01';
    if (geo === 'EL') return m === '2024-12';
    if (geo === 'ES') return m! >= '2024-07';
    return true;
  };
  return [header, ...rows.filter(keep)].join('\n') + '\n';
}

describe('pactcycle forecast on series with gaps and too few months', () => {
  const text = cutIom();
  const files = seriesFromFiles(text);
  let home: ReturnType<typeof tempHome> | undefined;
  let folder: TempFolder | undefined;
  beforeAll(async () => {
    home = tempHome();
    folder = tempFolder([IOM], { [IOM]: text });
    const r = await runCli('data', 'load', '--from', folder.dir, '--json');
    if (r.code !== 0) throw new Error(`data load failed (${r.code}): ${r.stderr}`);
  }, 120_000);
  afterAll(() => {
    folder?.remove();
    home?.restore();
  });

  it('forecasts from the months after the last gap and says so; skips a series too short, with the reason', async () => {
    const j = await forecastJson('--cycle', '2026');
    const it_ = j.series.find((s) => s.id === IT)!;
    expect(it_.notes.filter((n) => n.key === 'series.gap').map((n) => n.text)).toEqual(['gap: November 2022 to December 2022 missing; forecast from the 24 consecutive months since January 2023']);
    const run = trailingRun(files.get(IT)!);
    expect(run).toMatchObject({ start: '2023-01' });
    expect(run.values).toHaveLength(24);
    expect(it_.horizon).toEqual(expectedHorizon(run.values, '2024-12', 24, 'combination'));
    // Two years are too few for seasonal models: stated, and seasonal naive is left out of the combination.
    expect(it_.fallback?.text).toBe('only 24 months (fewer than 36): non-seasonal combination fitted');
    expect(it_.model).toMatch(/^COMBINATION\(ETS\([^)]*\), THETA\)$/);

    const es = j.series.find((s) => s.id === 'sea_arrivals:ES')!;
    expect(es.fallback?.text).toBe('only 6 months (fewer than 10): drift used instead of combination');
    expect(es.model).toBe('DRIFT');
    expect(es.horizon).toEqual(expectedHorizon(trailingRun(files.get('sea_arrivals:ES')!).values, '2024-12', 24, 'combination'));

    expect(j.skipped).toEqual([
      {
        id: 'sea_arrivals:CY',
        reason: {
          key: 'forecast.skip.gap',
          params: { from: '2024-01', to: '2024-01', months: 9, since: '2024-02', min: 24 },
          text: 'gap: January 2024 to January 2024 missing; too few consecutive months follow it to forecast from (9 since February 2024, at least 24 needed)',
        },
      },
      { id: 'sea_arrivals:EL', reason: { key: 'forecast.skip.tooShort', params: { months: 1, since: '2024-12', min: 2 }, text: 'too few months to forecast from (1 since December 2024, at least 2 needed)' } },
      {
        id: 'sea_arrivals:MT',
        reason: {
          key: 'forecast.skip.gap',
          params: { from: '2024-11', to: '2024-11', months: 1, since: '2024-12', min: 24 },
          text: 'gap: November 2024 to November 2024 missing; too few consecutive months follow it to forecast from (1 since December 2024, at least 24 needed)',
        },
      },
    ]);
    // Everything else is forecast.
    const sea = [...files.keys()].filter((id) => id.startsWith('sea_arrivals:'));
    expect(sea).toHaveLength(8);
    expect(j.series.map((s) => s.id).sort()).toEqual(sea.filter((id) => !j.skipped.some((k) => k.id === id)).sort());
  }, 120_000);

  it('refuses a too-short series named with --series (exit 2), and the backtest skips what has no origin, keeping the gap note', async () => {
    const el = await runCli('forecast', '--cycle', '2026', '--series', 'sea_arrivals:EL', '--json');
    expect(el.code).toBe(2);
    expect(el.stderr).toMatch(/series sea_arrivals:EL has only 1 month \(2024-12\)/);
    const r = await runCli('backtest', '--models', 'snaive', '--series', IT, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.series).toEqual([]);
    expect(j.skipped).toEqual([
      {
        id: IT,
        reason: {
          key: 'backtest.skip.noOrigin',
          params: { months: 24, last: '2024-12', train: 48, origin: '2026-12' },
          text: 'too short to backtest: the first forecast origin with 48 months of data would be December 2026, and no month after it is observed (the 24 months end in December 2024)',
        },
      },
    ]);
    // The text output says the same in English.
    const text = await runCli('backtest', '--models', 'snaive', '--series', IT);
    expect(text.stdout).toContain(`skipped ${IT}: too short to backtest: the first forecast origin with 48 months of data would be December 2026`);
    expect(j.notes).toEqual([{ id: IT, notes: [{ key: 'series.gap', params: { from: '2022-11', to: '2022-12', months: 24, since: '2023-01' }, text: 'gap: November 2022 to December 2022 missing; forecast from the 24 consecutive months since January 2023' }] }]);
  }, 120_000);
});
