/**
 * A held-out choice of the default combination's components (issue 7). The components are chosen on a SELECTION set
 * of monthly flow series that are not in bench/forecast.bench.ts, by a rule fixed below; then only the chosen
 * candidate and the current default are measured once on the bench's 10 series.
 *
 * Selection set (from ../shared/data through the real loader, each series built by the product's `buildSeries`:
 * a trailing partial month dropped, forecast from the consecutive months since the last gap):
 *  - Frontex monthly detections by route AND nationality (frontex/ibc_detections_monthly_by_route_nationality.csv).
 *    The file lists no zero months, so a month without a row is a gap and the series starts after the last one.
 *    These series are parts of the bench's route totals over the same years: held out as series, not independent.
 *  - IOM DTM monthly sea arrivals of the states other than IT, EL and ES (the bench's), without ES's two sub-areas
 *    (Canary Islands, mainland/Balearic/Ceuta/Melilla: together they are the bench's ES, and nearly the Frontex
 *    Western African and Western Mediterranean routes of the bench).
 *  Left out: Italy MoI monthly sea arrivals (other/) — the same quantity as the bench's IOM sea arrivals to Italy over
 *  the same months; Eurostat monthly TP decisions and non-Ukrainian applicants (2022-03 to 2024-08, too short for one
 *  origin); first-instance decisions (quarterly); stocks (pending cases, TP beneficiaries, reception presences).
 *  Only series with at least one origin under DEFAULT_BACKTEST are used.
 *
 * Candidates (declared before any result was seen): the equal-weight mean on log(1 + x), back-transformed as the
 * product does, of every subset of 2–4 of {ETS, Theta, seasonal naive, naive (random walk), drift, ARIMA} that holds
 * ETS or Theta — 39 candidates, the current default (ETS, Theta, seasonal naive) among them. Each component is fitted
 * exactly as src/domain/forecast/models.ts fits it (seasonal at every origin, all having ≥ 48 months).
 *
 * Rule: the candidate with the lowest pooled MASE ratio against seasonal naive on the selection set (MASE pooled over
 * every point of every series, as bench/forecast.bench.ts computes it); ties broken by fewer components, then by the
 * order declared.
 */
import { accuracy, maseScale, type ForecastPoint } from '../src/domain/forecast/accuracy.ts';
import { DEFAULT_BACKTEST, origins, shockOf, SHOCKS } from '../src/domain/forecast/backtest.ts';
import { combine } from '../src/domain/forecast/combination.ts';
import { fitSingle, forecastCountsWith, MIN_SEASONAL } from '../src/domain/forecast/models.ts';
import { toCountScale, toModelScale } from '../src/domain/forecast/transform.ts';
import type { PointForecast } from '../src/domain/forecast/types.ts';
import { addMonths } from '../src/domain/period.ts';
import { loadDataFolder } from '../src/data/load.ts';
import { readMonthlySeries, readSeriesByDims, type StoredSeries } from '../src/cycle/monthly-series.ts';
import { noteText } from '../src/notes/index.ts';
import { openMemoryStore } from '../src/store/db.ts';
import { tempFolder } from '../test/helpers/data-folder.ts';
import { benchSeries } from './forecast.bench.ts';

const H = DEFAULT_BACKTEST.horizon;
const SELECTION_FILES = ['frontex/ibc_detections_monthly_by_route_nationality.csv', 'iom_dtm/mediterranean_arrivals_monthly.csv'];
/** The bench's sea-arrival states. */
const BENCH_SEA_GEOS = ['IT', 'EL', 'ES'];

export const COMPONENTS = ['ets', 'theta', 'snaive', 'naive', 'drift', 'arima'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Every subset of 2–4 components holding ETS or Theta, in a fixed order (by size, then lexicographic on COMPONENTS). */
export const CANDIDATES: readonly (readonly Component[])[] = (() => {
  const out: Component[][] = [];
  for (let size = 2; size <= 4; size++) {
    const pick = (from: number, acc: Component[]) => {
      if (acc.length === size) {
        if (acc.includes('ets') || acc.includes('theta')) out.push([...acc]);
        return;
      }
      for (let i = from; i < COMPONENTS.length; i++) pick(i + 1, [...acc, COMPONENTS[i]!]);
    };
    pick(0, []);
  }
  return out;
})();
const DEFAULT: readonly Component[] = ['ets', 'theta', 'snaive'];
const key = (c: readonly Component[]) => c.join('+');

/** One component on the model scale, as models.ts fits it for a series of ≥ MIN_SEASONAL months. */
const fitComponent = (c: Component, y: readonly number[], h: number): PointForecast => fitSingle(c, y, h, true);

interface Run {
  /** Pooled points per candidate key, plus `snaive` and each single component under its own name. */
  points: Map<string, ForecastPoint[]>;
  seconds: number;
}

/** Rolling-origin forecasts of the given candidates, exactly as backtest() lays out origins, horizons and scales. */
function evaluate(series: readonly StoredSeries[], candidates: readonly (readonly Component[])[], check?: (train: readonly number[], byKey: Map<string, PointForecast>) => void, label = ''): Run {
  const needed = COMPONENTS.filter((c) => c === 'snaive' || candidates.some((k) => k.includes(c)));
  const points = new Map<string, ForecastPoint[]>();
  const push = (k: string, p: ForecastPoint) => {
    let a = points.get(k);
    if (!a) points.set(k, (a = []));
    a.push(p);
  };
  const t0 = performance.now();
  series.forEach((s, si) => {
    const ts = performance.now();
    for (const n of origins(s, DEFAULT_BACKTEST)) {
      if (n < MIN_SEASONAL) throw new Error(`${s.id}: origin with ${n} months, below ${MIN_SEASONAL}`);
      const train = s.values.slice(0, n);
      const y = toModelScale(train);
      const h = Math.min(H, s.values.length - n);
      const origin = addMonths(s.start, n - 1);
      const scale = maseScale(train);
      const parts = new Map(needed.map((c) => [c, fitComponent(c, y, H)] as const));
      const forecasts = new Map<string, PointForecast>();
      for (const c of needed) forecasts.set(c, toCountScale(parts.get(c)!));
      for (const k of candidates) forecasts.set(key(k), toCountScale(combine(k.map((c) => parts.get(c)!))));
      check?.(train, forecasts);
      for (const [k, f] of forecasts) {
        for (let i = 0; i < h; i++) {
          push(k, { period: addMonths(origin, i + 1), horizon: i + 1, actual: s.values[n + i]!, mean: f.mean[i]!, lo80: f.lo80[i]!, hi80: f.hi80[i]!, lo95: f.lo95[i]!, hi95: f.hi95[i]!, scale });
        }
      }
    }
    console.log(`  ${label}${si + 1}/${series.length} ${s.id}: ${origins(s, DEFAULT_BACKTEST).length} origins, ${((performance.now() - ts) / 1000).toFixed(1)} s`);
  });
  return { points, seconds: (performance.now() - t0) / 1000 };
}

/** A series the bench leaves out, and why, in English (the product's reasons as their notes' English text). */
interface NotUsed {
  id: string;
  reason: string;
}

async function selectionSeries(): Promise<{ series: StoredSeries[]; skipped: NotUsed[] }> {
  const folder = tempFolder(SELECTION_FILES);
  const db = await openMemoryStore();
  try {
    await loadDataFolder(db, folder.dir);
    const skipped: NotUsed[] = [];
    const series: StoredSeries[] = [];
    // Route × nationality: readMonthlySeries leaves breakdowns by nationality out; the same reader as the routes'.
    const byNationality = await readSeriesByDims(db, 'irregular_crossings', ['route', 'nationality']);
    series.push(...byNationality.series);
    skipped.push(...byNationality.skipped.map((s) => ({ id: s.id, reason: noteText(s.reason) })));
    const stored = await readMonthlySeries(db);
    skipped.push(...stored.skipped.filter((s) => s.id.startsWith('sea_arrivals:')).map((s) => ({ id: s.id, reason: noteText(s.reason) })));
    series.push(...stored.series.filter((s) => s.indicator === 'sea_arrivals' && !BENCH_SEA_GEOS.includes(s.geo) && !s.dims));
    for (const s of stored.series.filter((s) => s.indicator === 'sea_arrivals' && (BENCH_SEA_GEOS.includes(s.geo) || s.dims))) {
      skipped.push({ id: s.id, reason: s.dims ? "a sub-area of the bench's ES" : 'a bench series' });
    }
    const usable = series.filter((s) => origins(s, DEFAULT_BACKTEST).length > 0);
    for (const s of series.filter((s) => origins(s, DEFAULT_BACKTEST).length === 0)) {
      skipped.push({ id: s.id, reason: `${s.values.length} consecutive months since ${s.start}: no origin under DEFAULT_BACKTEST` });
    }
    return { series: usable, skipped };
  } finally {
    await db.close();
    folder.remove();
  }
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)} %`);
const mase = (p: readonly ForecastPoint[]) => accuracy(p).mase;
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const split = (p: readonly ForecastPoint[], inShock: boolean) => p.filter((x) => (shockOf(x.period) !== undefined) === inShock);

/** Ratios against seasonal naive: overall, outside the shock years, in them. */
function ratios(run: Run, k: string) {
  const p = run.points.get(k)!;
  const sn = run.points.get('snaive')!;
  return {
    mase: mase(p),
    all: ratio(mase(p), mase(sn)),
    normal: ratio(mase(split(p, false)), mase(split(sn, false))),
    shock: ratio(mase(split(p, true)), mase(split(sn, true))),
    points: p.length,
    coverage80: accuracy(p).coverage80,
    coverage95: accuracy(p).coverage95,
  };
}

/** The fixed rule: lowest pooled ratio; ties by fewer components, then declaration order. */
export function choose(scored: readonly { candidate: readonly Component[]; ratio: number }[]): readonly Component[] {
  let best = scored[0]!;
  for (const s of scored.slice(1)) {
    const better = s.ratio < best.ratio - 1e-12 || (Math.abs(s.ratio - best.ratio) <= 1e-12 && s.candidate.length < best.candidate.length);
    if (better) best = s;
  }
  return best.candidate;
}

export async function run(): Promise<void> {
  // 1. The selection set.
  const { series: sel, skipped } = await selectionSeries();
  const selOrigins = sel.reduce((a, s) => a + origins(s, DEFAULT_BACKTEST).length, 0);
  console.log(`selection set: ${sel.length} series, ${selOrigins} origins (every December after ≥ 48 months), horizons 1–${H}`);
  for (const s of sel) console.log(`  ${s.id}: ${s.start} to ${addMonths(s.start, s.values.length - 1)}, ${s.values.length} months, ${origins(s, DEFAULT_BACKTEST).length} origins${s.notes.length ? ` (${s.notes.map(noteText).join('; ')})` : ''}`);
  console.log(`not used: ${skipped.length} series (too short after the last gap, no origin, or bench series); sea arrivals among them:`);
  for (const s of skipped.filter((x) => x.id.startsWith('sea_arrivals:'))) console.log(`  ${s.id}: ${s.reason}`);

  // 2. Every candidate on the selection set.
  console.log(`\n${CANDIDATES.length} candidates declared: ${CANDIDATES.map(key).join(', ')}`);
  const selRun = evaluate(sel, CANDIDATES, undefined, 'selection ');
  const scored = CANDIDATES.map((c) => ({ candidate: c, ratio: ratios(selRun, key(c)).all! }));
  const chosen = choose(scored);
  console.log(`\nselection set: pooled MASE ratio against seasonal naive (MASE seasonal naive ${f3(mase(selRun.points.get('snaive')!))}, ${selRun.points.get('snaive')!.length} forecasts; fits ${selRun.seconds.toFixed(0)} s)`);
  console.log(['rank', 'candidate', 'k', 'MASE', 'ratio', 'outside shocks', 'in shocks'].join(' | '));
  [...scored].sort((a, b) => a.ratio - b.ratio).forEach((s, i) => {
    const r = ratios(selRun, key(s.candidate));
    const mark = key(s.candidate) === key(DEFAULT) ? ' (current default)' : key(s.candidate) === key(chosen) ? ' (chosen)' : '';
    console.log([i + 1, key(s.candidate) + mark, s.candidate.length, f3(r.mase), f3(r.all), f3(r.normal), f3(r.shock)].join(' | '));
  });
  console.log('single components, for reference (not candidates):');
  for (const c of COMPONENTS) {
    const r = ratios(selRun, c);
    console.log(`  ${c}: MASE ${f3(r.mase)}, ratio ${f3(r.all)}, outside shocks ${f3(r.normal)}, in shocks ${f3(r.shock)}`);
  }
  console.log(`\nchosen by the rule: ${key(chosen)}`);

  // 3. Only the chosen candidate and the current default on the bench's series, once.
  const bench = await benchSeries();
  const benchOrigins = bench.reduce((a, s) => a + origins(s, DEFAULT_BACKTEST).length, 0);
  console.log(`\nbench: ${bench.length} series (${bench.map((s) => s.id).join(', ')}), ${benchOrigins} origins`);
  const finals = key(chosen) === key(DEFAULT) ? [DEFAULT] : [chosen, DEFAULT];
  // The default rebuilt here must be the product's `combination` (and seasonal naive the product's): checked at every origin.
  let worst = 0;
  const check = (train: readonly number[], byKey: Map<string, PointForecast>) => {
    const product = forecastCountsWith(train, H, ['combination', 'snaive']);
    for (const [mine, theirs] of [[byKey.get(key(DEFAULT))!, product.combination!], [byKey.get('snaive')!, product.snaive!]] as const) {
      for (let i = 0; i < H; i++) worst = Math.max(worst, Math.abs(mine.mean[i]! - theirs.mean[i]!) / Math.max(1, Math.abs(theirs.mean[i]!)));
    }
  };
  const benchRun = evaluate(bench, finals, check, 'bench ');
  if (worst > 1e-9) throw new Error(`the default rebuilt here differs from the product's combination by ${worst}`);
  console.log(`\nbench (the default rebuilt here equals the product's combination: largest relative difference ${worst.toExponential(1)}):`);
  console.log(`  seasonal naive MASE ${f3(mase(benchRun.points.get('snaive')!))}, ${benchRun.points.get('snaive')!.length} forecasts`);
  for (const k of finals) {
    const r = ratios(benchRun, key(k));
    console.log(
      `  ${key(k)}${key(k) === key(DEFAULT) ? ' (current default)' : ' (chosen on the selection set)'}: MASE ${f3(r.mase)}; ratio against seasonal naive ${f3(r.all)} ` +
        `(target ≤ 0.90: ${r.all !== null && r.all <= 0.9 ? 'met' : 'NOT met'}); outside the shock years ${f3(r.normal)} (${split(benchRun.points.get(key(k))!, false).length} forecasts); ` +
        `in the shock years (${SHOCKS.map((x) => x.label).join(', ')}) ${f3(r.shock)} (${split(benchRun.points.get(key(k))!, true).length} forecasts); ` +
        `coverage of the 80 % / 95 % intervals ${pct(r.coverage80)} / ${pct(r.coverage95)}`,
    );
  }
}
