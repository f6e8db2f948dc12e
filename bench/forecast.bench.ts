/**
 * Forecast accuracy against the field's reference implementation (issue 7): R's forecast package, `auto.arima` and
 * `ets`, on exactly the series, origins and horizons of Pactcycle's backtest (src/domain/forecast/backtest.ts,
 * DEFAULT_BACKTEST: origins every December after ≥ 48 months, horizons 1–12). Prints per series and overall:
 * the MASE ratio ours / R's best (target ≤ 1.0), the time ratio, our MASE against seasonal naive (target ≥ 10 %
 * better) and, for annual totals one year ahead, the share within 10 % of the outcome.
 *
 * Series (kept moderate, R's auto.arima takes seconds per fit): the Frontex monthly detections by route and the IOM
 * DTM monthly sea arrivals of IT, EL and ES, from ../shared/data through the real loader. Both sides model
 * log(1 + x) and back-transform (medians), as Pactcycle does. R (Debian r-cran-forecast) is installed here when
 * absent, never by the product.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accuracy, maseScale, type ForecastPoint } from '../src/domain/forecast/accuracy.ts';
import { backtest, DEFAULT_BACKTEST, origins, shockOf, SHOCKS } from '../src/domain/forecast/backtest.ts';
import { addMonths } from '../src/domain/period.ts';
import { loadDataFolder } from '../src/data/load.ts';
import { readMonthlySeries, type StoredSeries } from '../src/cycle/monthly-series.ts';
import { openMemoryStore } from '../src/store/db.ts';
import { tempFolder } from '../test/helpers/data-folder.ts';

const FILES = ['frontex/ibc_detections_monthly_by_route.csv', 'iom_dtm/mediterranean_arrivals_monthly.csv'];
const SEA = ['sea_arrivals:IT', 'sea_arrivals:EL', 'sea_arrivals:ES'];
const R_SCRIPT = path.resolve(import.meta.dirname, 'forecast-r.R');
const H = DEFAULT_BACKTEST.horizon;

function ensureR(): string {
  const probe = () => spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast)); cat(as.character(packageVersion("forecast")), R.version$major, R.version$minor)'], { encoding: 'utf8' });
  let p = probe();
  if (p.status !== 0) {
    console.log('R forecast package absent: apt-get install -y r-cran-forecast');
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'r-cran-forecast'], { stdio: 'inherit' });
    if (install.status !== 0) {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'r-cran-forecast'], { stdio: 'inherit' });
    }
    p = probe();
    if (p.status !== 0) throw new Error(`R's forecast package could not be loaded: ${p.stderr}`);
  }
  const [version, major, minor] = p.stdout.trim().split(' ');
  return `R ${major}.${minor}, forecast ${version}`;
}

export async function benchSeries(): Promise<StoredSeries[]> {
  const folder = tempFolder(FILES);
  const db = await openMemoryStore();
  try {
    await loadDataFolder(db, folder.dir);
    const { series } = await readMonthlySeries(db);
    return series.filter((s) => (s.indicator === 'irregular_crossings' && s.dims?.route) || SEA.includes(s.id));
  } finally {
    await db.close();
    folder.remove();
  }
}

interface RRow { id: string; n: number; model: 'ets' | 'auto.arima'; h: number; mean: number; lo80: number; hi80: number; lo95: number; hi95: number; seconds: number }

function runR(series: readonly StoredSeries[]): { rows: RRow[]; wall: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-bench-r-'));
  try {
    const input = path.join(dir, 'series.tsv');
    const output = path.join(dir, 'forecasts.csv');
    writeFileSync(
      input,
      series.map((s) => [s.id, s.start.slice(0, 4), String(Number(s.start.slice(5, 7))), origins(s, DEFAULT_BACKTEST).join(','), s.values.join(',')].join('\t')).join('\n') + '\n',
    );
    const t0 = performance.now();
    execFileSync('Rscript', [R_SCRIPT, input, output], { stdio: 'inherit' });
    const wall = (performance.now() - t0) / 1000;
    const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1).map((line) => {
      const m = /^"(.*)",(.*)$/.exec(line)!;
      const [n, model, h, mean, lo80, hi80, lo95, hi95, seconds] = m[2]!.split(',');
      return { id: m[1]!, n: Number(n), model: model as RRow['model'], h: Number(h), mean: Number(mean), lo80: Number(lo80), hi80: Number(hi80), lo95: Number(lo95), hi95: Number(hi95), seconds: Number(seconds) };
    });
    return { rows, wall };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** R's forecasts as the backtest's points: the same outcomes, the same MASE scale (in-sample at the origin). */
function rPoints(s: StoredSeries, rows: readonly RRow[], model: RRow['model']) {
  const points: ForecastPoint[] = [];
  const annual: { actual: number; forecast: number }[] = [];
  let seconds = 0;
  for (const n of origins(s, DEFAULT_BACKTEST)) {
    const mine = rows.filter((r) => r.id === s.id && r.n === n && r.model === model).sort((a, b) => a.h - b.h);
    if (mine.length === 0) continue;
    seconds += mine.reduce((a, r) => a + r.seconds, 0);
    const scale = maseScale(s.values.slice(0, n));
    const h = Math.min(H, s.values.length - n);
    const origin = addMonths(s.start, n - 1);
    for (let i = 0; i < h; i++) {
      const r = mine[i]!;
      points.push({ period: addMonths(origin, i + 1), horizon: i + 1, actual: s.values[n + i]!, mean: r.mean, lo80: r.lo80, hi80: r.hi80, lo95: r.lo95, hi95: r.hi95, scale });
    }
    if (h === H) annual.push({ actual: s.values.slice(n, n + H).reduce((a, b) => a + b, 0), forecast: mine.slice(0, H).reduce((a, r) => a + r.mean, 0) });
  }
  return { points, annual, seconds };
}

const within10 = (annual: readonly { actual: number; forecast: number }[]) => {
  const ok = annual.filter((a) => a.actual > 0);
  return ok.length ? ok.filter((a) => Math.abs(a.forecast - a.actual) / a.actual <= 0.1).length / ok.length : null;
};
const f2 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));
const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)} %`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

export async function run(): Promise<void> {
  const rVersion = ensureR();
  const series = await benchSeries();
  const nOrigins = series.reduce((a, s) => a + origins(s, DEFAULT_BACKTEST).length, 0);
  console.log(`${series.length} series, ${nOrigins} origins (every December after ≥ 48 months), horizons 1–${H}; ${rVersion}`);

  // Ours: the combination (ETS + Theta + seasonal naive) is the product's default; its fits serve ets and theta too.
  // ARIMA is not a component but is fitted as well, to compare the implementations with R's auto.arima.
  const ours = new Map<string, { result: ReturnType<typeof backtest>; seconds: number }>();
  for (const s of series) {
    const t0 = performance.now();
    const result = backtest([s], { models: ['combination', 'ets', 'theta', 'arima', 'snaive'] });
    ours.set(s.id, { result, seconds: (performance.now() - t0) / 1000 });
  }
  const r = runR(series);

  type Line = { id: string; origins: number; ours: number | null; ourEts: number | null; ourArima: number | null; ourTheta: number | null; snaive: number | null; rEts: number | null; rArima: number | null; rBest: number | null; best: string; tOurs: number; tR: number; annualOurs: number | null; annualR: number | null };
  const lines: Line[] = [];
  const pooled = { ours: [] as ForecastPoint[], snaive: [] as ForecastPoint[], ourEts: [] as ForecastPoint[], ourArima: [] as ForecastPoint[], ourTheta: [] as ForecastPoint[], rEts: [] as ForecastPoint[], rArima: [] as ForecastPoint[], rBest: [] as ForecastPoint[] };
  const annualPool = { ours: [] as { actual: number; forecast: number }[], rBest: [] as { actual: number; forecast: number }[], snaive: [] as { actual: number; forecast: number }[] };
  let tOurs = 0;
  let tR = 0;
  for (const s of series) {
    const o = ours.get(s.id)!;
    const pts = (model: string) => o.result.points.filter((p) => p.model === model).map((p) => p.point);
    const ann = (model: string) => o.result.annualPoints.filter((p) => p.model === model).map((p) => p.point);
    const re = rPoints(s, r.rows, 'ets');
    const ra = rPoints(s, r.rows, 'auto.arima');
    const mEts = accuracy(re.points).mase;
    const mArima = accuracy(ra.points).mase;
    const bestIsEts = (mEts ?? Infinity) <= (mArima ?? Infinity);
    const best = bestIsEts ? re : ra;
    pooled.ours.push(...pts('combination'));
    pooled.snaive.push(...pts('snaive'));
    pooled.ourEts.push(...pts('ets'));
    pooled.ourArima.push(...pts('arima'));
    pooled.ourTheta.push(...pts('theta'));
    pooled.rEts.push(...re.points);
    pooled.rArima.push(...ra.points);
    pooled.rBest.push(...best.points);
    annualPool.ours.push(...ann('combination'));
    annualPool.snaive.push(...ann('snaive'));
    annualPool.rBest.push(...best.annual);
    tOurs += o.seconds;
    tR += re.seconds + ra.seconds;
    lines.push({
      id: s.id,
      origins: origins(s, DEFAULT_BACKTEST).length,
      ours: accuracy(pts('combination')).mase,
      ourEts: accuracy(pts('ets')).mase,
      ourArima: accuracy(pts('arima')).mase,
      ourTheta: accuracy(pts('theta')).mase,
      snaive: accuracy(pts('snaive')).mase,
      rEts: mEts,
      rArima: mArima,
      rBest: bestIsEts ? mEts : mArima,
      best: bestIsEts ? 'ets' : 'auto.arima',
      tOurs: o.seconds,
      tR: re.seconds + ra.seconds,
      annualOurs: within10(ann('combination')),
      annualR: within10(best.annual),
    });
  }

  console.log('\nper series: MASE (ours = combination), ratio ours / R best, ours / seasonal naive, fit time, annual totals within 10 %');
  console.log(['series', 'orig', 'ours', 'our ets', 'our theta', 'our arima', 'R ets', 'R arima', 'ours/R best', 'ours/snaive', 't ours s', 't R s', 't ratio', 'yr±10% ours', 'yr±10% R'].join(' | '));
  for (const l of lines) {
    console.log(
      [l.id, l.origins, f2(l.ours), f2(l.ourEts), f2(l.ourTheta), f2(l.ourArima), f2(l.rEts), f2(l.rArima), `${f3(ratio(l.ours, l.rBest))} (${l.best})`, f3(ratio(l.ours, l.snaive)), l.tOurs.toFixed(1), l.tR.toFixed(1), f2(ratio(l.tOurs, l.tR)), pct(l.annualOurs), pct(l.annualR)].join(' | '),
    );
  }
  const m = (p: ForecastPoint[]) => accuracy(p).mase;
  const overallRatio = ratio(m(pooled.ours), m(pooled.rBest));
  const vsNaive = ratio(m(pooled.ours), m(pooled.snaive));
  console.log(`\noverall (points pooled over ${series.length} series, ${pooled.ours.length} forecasts each):`);
  console.log(`  MASE ours (combination) ${f3(m(pooled.ours))}; R best per series ${f3(m(pooled.rBest))} (R ets ${f3(m(pooled.rEts))}, R auto.arima ${f3(m(pooled.rArima))})`);
  console.log(`  MASE ratio ours / R best: ${f3(overallRatio)}  (target ≤ 1.0: ${overallRatio !== null && overallRatio <= 1 ? 'met' : 'NOT met'})`);
  console.log(`  implementations: our ets / R ets ${f3(ratio(m(pooled.ourEts), m(pooled.rEts)))}; our arima / R auto.arima ${f3(ratio(m(pooled.ourArima), m(pooled.rArima)))}; our theta ${f3(m(pooled.ourTheta))} (/ R best ${f3(ratio(m(pooled.ourTheta), m(pooled.rBest)))})`);
  console.log(`  coverage of the 80 % / 95 % intervals: ours ${pct(accuracy(pooled.ours).coverage80)} / ${pct(accuracy(pooled.ours).coverage95)}, R best ${pct(accuracy(pooled.rBest).coverage80)} / ${pct(accuracy(pooled.rBest).coverage95)}`);
  console.log(`  MASE ours / seasonal naive: ${f3(vsNaive)} (seasonal naive ${f3(m(pooled.snaive))}; target ≤ 0.90, i.e. ≥ 10 % better: ${vsNaive !== null && vsNaive <= 0.9 ? 'met' : 'NOT met'})`);
  // The shocks are reported apart (issue 7): the same comparison outside the shock years and within them.
  const split = (p: ForecastPoint[], inShock: boolean) => p.filter((x) => (shockOf(x.period) !== undefined) === inShock);
  for (const [label, inShock] of [['outside the shock years', false], [`in the shock years (${SHOCKS.map((x) => x.label).join(', ')})`, true]] as const) {
    const o = m(split(pooled.ours, inShock));
    console.log(
      `  ${label}: ${split(pooled.ours, inShock).length} forecasts; MASE ours ${f3(o)}, seasonal naive ${f3(m(split(pooled.snaive, inShock)))}, R best ${f3(m(split(pooled.rBest, inShock)))}; ` +
        `ours / seasonal naive ${f3(ratio(o, m(split(pooled.snaive, inShock))))}, ours / R best ${f3(ratio(o, m(split(pooled.rBest, inShock))))}`,
    );
  }
  console.log(`  time: ours ${tOurs.toFixed(1)} s (ETS, Theta, seasonal naive and their combination, and ARIMA for the comparison, in process), R ${tR.toFixed(1)} s (ets + auto.arima, fits only; Rscript wall ${r.wall.toFixed(1)} s); ratio ours / R ${f2(ratio(tOurs, tR))}`);
  console.log(`  annual totals one year ahead within 10 % of the outcome: ours ${pct(within10(annualPool.ours))}, R best ${pct(within10(annualPool.rBest))}, seasonal naive ${pct(within10(annualPool.snaive))} (${annualPool.ours.length} totals)`);
}
