/**
 * What every model returns: point forecasts and 80 % / 95 % prediction intervals, h steps ahead. Models work on the
 * scale they are given (Pactcycle gives them log(1 + count), see `transform.ts`).
 */
export interface PointForecast {
  /** Short description of the fitted model, e.g. `ETS(A,Ad,A)` or `ARIMA(0,1,1)(0,1,1)[12]`. */
  model: string;
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/** Standard normal quantiles of the two-sided 80 % and 95 % intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Normal intervals around `mean` with the given standard deviations. */
export function normalIntervals(model: string, mean: number[], sd: readonly number[]): PointForecast {
  return {
    model,
    mean,
    lo80: mean.map((m, i) => m - Z80 * sd[i]!),
    hi80: mean.map((m, i) => m + Z80 * sd[i]!),
    lo95: mean.map((m, i) => m - Z95 * sd[i]!),
    hi95: mean.map((m, i) => m + Z95 * sd[i]!),
  };
}
