/**
 * How many differences a series needs, as R `forecast`'s `ndiffs` (KPSS test, level stationarity, α = 5 %) and
 * `nsdiffs` (seasonal strength of an STL decomposition above 0.64).
 */
import { seasonalStrength } from './stl.ts';
import { difference, differencingPolynomial } from './polynomial.ts';

/** KPSS statistic for level stationarity (Kwiatkowski et al. 1992) with Bartlett weights and lag ⌊3√n/13⌋. */
export function kpssStatistic(x: readonly number[]): number {
  const n = x.length;
  const mu = x.reduce((a, b) => a + b, 0) / n;
  const e = x.map((v) => v - mu);
  let cum = 0;
  let s2 = 0;
  for (const v of e) {
    cum += v;
    s2 += cum * cum;
  }
  const lags = Math.floor((3 * Math.sqrt(n)) / 13);
  let lrv = e.reduce((a, v) => a + v * v, 0) / n;
  for (let l = 1; l <= lags; l++) {
    let acc = 0;
    for (let t = l; t < n; t++) acc += e[t]! * e[t - l]!;
    lrv += (2 * (1 - l / (lags + 1)) * acc) / n;
  }
  return lrv > 0 ? s2 / (n * n * lrv) : 0;
}

/** 5 % critical value of the level-stationarity KPSS test (Kwiatkowski et al. 1992, Table 1). */
const KPSS_CRITICAL_5 = 0.463;

export function ndiffs(x: readonly number[], maxD = 2): number {
  let d = 0;
  let y = [...x];
  const constant = (v: readonly number[]) => v.every((a) => a === v[0]);
  while (d < maxD && y.length > 2 && !constant(y) && kpssStatistic(y) > KPSS_CRITICAL_5) {
    y = difference(y, differencingPolynomial(1, 0, 1));
    d++;
  }
  return d;
}

export function nsdiffs(x: readonly number[], m: number): number {
  return seasonalStrength(x, m) > 0.64 ? 1 : 0;
}
