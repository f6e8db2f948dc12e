/**
 * Counts are modelled on log(1 + x) and brought back with exp(·) − 1, so that no forecast or interval bound is
 * negative and the intervals widen with the level. Back-transformed means are medians on the count scale (no bias
 * adjustment), which is what a "most likely figure" should be for skewed counts.
 */
import type { PointForecast } from './types.ts';

export const toModelScale = (x: readonly number[]): number[] => x.map((v) => Math.log1p(v));

const back = (v: number) => Math.max(0, Math.expm1(v));

export function toCountScale(f: PointForecast): PointForecast {
  return { model: f.model, mean: f.mean.map(back), lo80: f.lo80.map(back), hi80: f.hi80.map(back), lo95: f.lo95.map(back), hi95: f.hi95.map(back) };
}
