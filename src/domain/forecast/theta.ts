/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, "The theta model: a decomposition approach to forecasting",
 * IJF 16(4)), in the form Hyndman & Billah (2003, IJF 19(2)) showed equivalent to simple exponential smoothing with a
 * drift of half the slope of a fitted straight line, and as R `forecast`'s `thetaf` computes it: when the lag-m
 * autocorrelation is significant (one-sided 90 %), the series is seasonally adjusted by a classical multiplicative
 * decomposition and the forecasts re-seasonalised. It won the M3 competition's monthly data and remains a benchmark
 * in M4 — which is why it is one of the combination's components.
 */
import { decompose } from './decompose.ts';
import { fitEts } from './ets.ts';
import { normalIntervals, type PointForecast } from './types.ts';

/** Standard normal 95 % quantile: thetaf's one-sided test of the lag-m autocorrelation. */
const Z_ONE_SIDED_90 = 1.6448536269514722;

/** Sample autocorrelations r_1…r_maxLag, as R's `acf` (denominator n, demeaned). */
export function autocorrelations(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  const mu = x.reduce((a, b) => a + b, 0) / n;
  const d = x.map((v) => v - mu);
  const c0 = d.reduce((a, v) => a + v * v, 0);
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += d[t]! * d[t - k]!;
    out.push(c0 > 0 ? c / c0 : 0);
  }
  return out;
}

/** thetaf's seasonality test: |r_m| beyond the 90 % one-sided bound of Bartlett's standard error. */
export function thetaSeasonal(x: readonly number[], m: number): boolean {
  const n = x.length;
  if (m <= 1 || n <= 2 * m || x.every((v) => v === x[0])) return false;
  const r = autocorrelations(x, m);
  const stat = Math.sqrt((1 + 2 * r.slice(0, m - 1).reduce((a, v) => a + v * v, 0)) / n);
  return Math.abs(r[m - 1]!) / stat > Z_ONE_SIDED_90;
}

/** Theta forecasts h steps ahead of y (period m), with thetaf's normal intervals. */
export function theta(y: readonly number[], h: number, m = 12): PointForecast {
  const n = y.length;
  if (n < 3) throw new RangeError(`the Theta method needs at least 3 observations, got ${n}`);
  let x = [...y];
  let indices: number[] | undefined;
  if (thetaSeasonal(y, m)) {
    const { seasonal } = decompose(y, m, 'multiplicative');
    // As thetaf: seasonal indices near zero would blow the adjusted series up; fall back to no seasonal adjustment.
    // Runs of zeros (log(1 + 0) = 0) can make a ratio 0/0: those indices are not finite, with the same fallback.
    if (seasonal.every((s) => Number.isFinite(s) && Math.abs(s) >= 1e-4)) {
      indices = seasonal;
      x = y.map((v, t) => v / seasonal[t % m]!);
    }
  }
  const ses = fitEts(x, { error: 'A', trend: 'N', season: 'N' }, m);
  if (!ses) throw new RangeError(`simple exponential smoothing cannot be fitted to ${n} observations`);
  const alpha = Math.max(1e-10, ses.alpha);
  // Half the least-squares slope of x on 0…n−1: the θ = 2 line's contribution, extrapolated by its θ = 0 drift.
  const mt = (n - 1) / 2;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - mt) * (x[t]! - mx);
    sxx += (t - mt) ** 2;
  }
  const halfSlope = sxy / sxx / 2;
  const shift = (1 - (1 - alpha) ** n) / alpha;
  const mean: number[] = [];
  const sd: number[] = [];
  const sigma = Math.sqrt(ses.sigma2);
  for (let i = 0; i < h; i++) {
    const season = indices ? indices[(n - m + (i % m)) % m]! : 1;
    mean.push((ses.level + halfSlope * (i + shift)) * season);
    sd.push(sigma * Math.sqrt(i * alpha * alpha + 1));
  }
  return normalIntervals('THETA', mean, sd);
}
