/**
 * The benchmarks every forecast must beat (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed.,
 * §5.2 and §5.5 for their intervals): seasonal naive (next January = last January), naive (the random walk: every
 * month = the last one) and drift (a straight line from the first to the last observation).
 */
import { normalIntervals, type PointForecast } from './types.ts';

/** Seasonal naive with period m; residual sd from the in-sample seasonal differences. */
export function seasonalNaive(y: readonly number[], h: number, m = 12): PointForecast {
  if (y.length < m + 1) throw new RangeError(`seasonal naive needs more than ${m} observations, got ${y.length}`);
  const n = y.length;
  const resid: number[] = [];
  for (let t = m; t < n; t++) resid.push(y[t]! - y[t - m]!);
  const sigma = Math.sqrt(resid.reduce((s, e) => s + e * e, 0) / resid.length);
  const mean: number[] = [];
  const sd: number[] = [];
  for (let i = 1; i <= h; i++) {
    const k = Math.floor((i - 1) / m) + 1;
    mean.push(y[n - m + ((i - 1) % m)]!);
    sd.push(sigma * Math.sqrt(k));
  }
  return normalIntervals('SNAIVE', mean, sd);
}

/** Naive (random walk): the last value; residual sd from the in-sample one-step differences, growing with sqrt(h). */
export function naive(y: readonly number[], h: number): PointForecast {
  if (y.length < 2) throw new RangeError(`naive needs at least 2 observations, got ${y.length}`);
  const f = seasonalNaive(y, h, 1);
  return { ...f, model: 'NAIVE' };
}

/** Random walk with drift; intervals include the uncertainty of the estimated drift (FPP3 Table 5.2). */
export function drift(y: readonly number[], h: number): PointForecast {
  const n = y.length;
  if (n < 2) throw new RangeError(`drift needs at least 2 observations, got ${n}`);
  const slope = (y[n - 1]! - y[0]!) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t]! - y[t - 1]! - slope) ** 2;
  const sigma = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let i = 1; i <= h; i++) {
    mean.push(y[n - 1]! + i * slope);
    sd.push(sigma * Math.sqrt(i * (1 + i / (n - 1))));
  }
  return normalIntervals('DRIFT', mean, sd);
}
