/** Test helper: the reference results computed with R's forecast package (test/data/forecast/reference.R). */
import { readFileSync } from 'node:fs';

export interface RReference {
  frequency: number;
  y: number[];
  ets: { model: string; aicc: number; mean: number[]; lo95: number[]; hi95: number[] };
  arima: { model: string; mean: number[]; lo80: number[]; hi95: number[] };
  css: { model: string; coef: number[]; sigma2: number; mean: number[]; lo95: number[]; hi95: number[] };
  snaive: { mean: number[]; lo80: number[]; hi95: number[] };
  drift: { mean: number[]; lo80: number[]; hi95: number[] };
  naive: { mean: number[]; lo80: number[]; hi95: number[] };
}

export function rReference(name: 'log_AirPassengers' | 'log_USAccDeaths' | 'WWWusage'): RReference {
  const all = JSON.parse(readFileSync(new URL('../data/forecast/r-reference.json', import.meta.url), 'utf8')) as Record<string, RReference>;
  return all[name]!;
}

/** Largest relative difference between two equally long arrays. */
export function maxRelativeDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!) / Math.max(1e-12, Math.abs(b[i]!))));
}
