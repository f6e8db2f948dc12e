/**
 * Equal-weight combination of forecasts on the model scale (FPP3 §13.4: combinations are often more accurate than
 * any component). Interval bounds are averaged quantile by quantile ("Vincentization"), which keeps the bounds
 * ordered and the intervals no narrower than the components' typical width.
 */
import type { PointForecast } from './types.ts';

export function combine(parts: readonly PointForecast[]): PointForecast {
  if (parts.length === 0) throw new RangeError('nothing to combine');
  const h = parts[0]!.mean.length;
  const avg = (pick: (f: PointForecast) => number[]) => Array.from({ length: h }, (_, i) => parts.reduce((s, f) => s + pick(f)[i]!, 0) / parts.length);
  return {
    model: `COMBINATION(${parts.map((p) => p.model).join(', ')})`,
    mean: avg((f) => f.mean),
    lo80: avg((f) => f.lo80),
    hi80: avg((f) => f.hi80),
    lo95: avg((f) => f.lo95),
    hi95: avg((f) => f.hi95),
  };
}
