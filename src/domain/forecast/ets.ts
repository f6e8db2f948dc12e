/**
 * Exponential smoothing state space models ETS(error, trend, season) (Hyndman, Koehler, Ord & Snyder 2008,
 * "Forecasting with Exponential Smoothing"; the recursions of R `forecast`'s etscalc): additive or multiplicative
 * error, no / additive / additive damped trend, no / additive / multiplicative season. Smoothing parameters, damping
 * and the initial level and slope are estimated by maximum likelihood; the initial seasonal states come from a
 * classical decomposition of the first three years (as R's `initstate`) and are counted as estimated parameters in
 * the AICc so that the comparison with R's penalties is like for like. The model with the lowest AICc is chosen among
 * the 15 combinations R's `ets` considers by default (no multiplicative trend; no additive error with multiplicative
 * season). Intervals are simulated from the fitted model with a fixed seed.
 */
import { decompose } from './decompose.ts';
import { minimize } from './nelder-mead.ts';
import { quantileSorted, seededNormal } from './random.ts';
import type { PointForecast } from './types.ts';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

export interface EtsFit {
  spec: EtsSpec;
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** States after the last observation: level, slope, and seasonal indices by position in the cycle. */
  level: number;
  slope: number;
  seasonal: number[];
  /** Position in the cycle of the next observation. */
  nextPosition: number;
  sigma2: number;
  loglik: number;
  aicc: number;
  n: number;
}

export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
}

interface State {
  level: number;
  slope: number;
  seasonal: number[];
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const LOWER = 1e-4;

/** One step of the state recursion: returns the one-step forecast and updates the state in place with y. */
function step(spec: EtsSpec, p: Params, s: State, position: number, y: number | undefined, e?: number): { forecast: number; y: number } {
  const phib = spec.trend === 'N' ? 0 : spec.trend === 'A' ? s.slope : p.phi * s.slope;
  const q = s.level + phib;
  const season = spec.season === 'N' ? undefined : s.seasonal[position]!;
  const forecast = season === undefined ? q : spec.season === 'A' ? q + season : q * season;
  const actual = y ?? (spec.error === 'A' ? forecast + (e ?? 0) : forecast * (1 + (e ?? 0)));
  const deseasonalised = season === undefined ? actual : spec.season === 'A' ? actual - season : actual / season;
  const oldLevel = s.level;
  s.level = q + p.alpha * (deseasonalised - q);
  if (spec.trend !== 'N') {
    const phi = spec.trend === 'Ad' ? p.phi : 1;
    s.slope = phi * s.slope + (p.beta / p.alpha) * (s.level - oldLevel - phi * s.slope);
  }
  if (season !== undefined) {
    const t = spec.season === 'A' ? actual - q : actual / q;
    s.seasonal[position] = season + p.gamma * (t - season);
  }
  return { forecast, y: actual };
}

interface Filtered {
  /** −2 log-likelihood up to a constant, as R's ets: n log(Σe²) + 2 Σ log|ŷ| for multiplicative errors. */
  lik: number;
  sse: number;
  state: State;
}

function filter(spec: EtsSpec, p: Params, y: readonly number[], seasonal0: readonly number[], m: number): Filtered | undefined {
  const s: State = { level: p.l0, slope: p.b0, seasonal: [...seasonal0] };
  let sse = 0;
  let logs = 0;
  for (let t = 0; t < y.length; t++) {
    const { forecast } = step(spec, p, s, t % m, y[t]);
    if (!Number.isFinite(forecast)) return undefined;
    if (spec.error === 'M') {
      if (forecast <= 1e-10) return undefined;
      sse += ((y[t]! - forecast) / forecast) ** 2;
      logs += Math.log(Math.abs(forecast));
    } else {
      sse += (y[t]! - forecast) ** 2;
    }
  }
  const n = y.length;
  return { lik: n * Math.log(Math.max(sse, 1e-300)) + 2 * logs, sse, state: s };
}

function initialStates(spec: EtsSpec, y: readonly number[], m: number): { seasonal: number[]; l0: number; b0: number } {
  let seasonal = new Array<number>(m).fill(spec.season === 'M' ? 1 : 0);
  let adjusted = [...y];
  if (spec.season !== 'N') {
    const d = decompose(y.slice(0, 3 * m), m, spec.season === 'A' ? 'additive' : 'multiplicative');
    seasonal = d.seasonal;
    adjusted = y.map((v, t) => (spec.season === 'A' ? v - seasonal[t % m]! : v / seasonal[t % m]!));
  }
  const k = Math.min(Math.max(10, 2 * m), adjusted.length);
  if (spec.trend === 'N') return { seasonal, l0: adjusted.slice(0, k).reduce((a, b) => a + b, 0) / k, b0: 0 };
  // Least-squares line through the first k seasonally adjusted values; level at t = 0.
  const xs = Array.from({ length: k }, (_, i) => i + 1);
  const mx = (k + 1) / 2;
  const my = adjusted.slice(0, k).reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (xs[i]! - mx) * (adjusted[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b0 = sxy / sxx;
  return { seasonal, l0: my - b0 * mx, b0 };
}

/** Fits one ETS model by maximum likelihood; undefined when the model cannot be fitted to these data. */
export function fitEts(y: readonly number[], spec: EtsSpec, m = 12): EtsFit | undefined {
  const seasonalModel = spec.season !== 'N';
  if (seasonalModel && y.length < 3 * m) return undefined;
  if ((spec.error === 'M' || spec.season === 'M') && Math.min(...y) <= 0) return undefined;
  const init = initialStates(spec, y, m);
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  // Unconstrained coordinates: R's "usual" region 0 < β < α < 1, 0 < γ < 1 − α, 0.8 < φ < 0.98.
  const decode = (x: readonly number[]): Params => {
    let i = 0;
    const alpha = LOWER + (1 - 2 * LOWER) * logistic(x[i++]!);
    const beta = hasTrend ? alpha * logistic(x[i++]!) : 0;
    const gamma = seasonalModel ? (1 - alpha) * logistic(x[i++]!) : 0;
    const phi = damped ? 0.8 + 0.18 * logistic(x[i++]!) : 1;
    const l0 = x[i++]!;
    const b0 = hasTrend ? x[i++]! : 0;
    return { alpha, beta, gamma, phi, l0, b0 };
  };
  const alpha0 = seasonalModel ? 0.3 : 0.5;
  const start = [logit(alpha0)];
  if (hasTrend) start.push(logit(0.2));
  if (seasonalModel) start.push(logit(0.1));
  if (damped) start.push(logit((0.97 - 0.8) / 0.18));
  start.push(init.l0);
  if (hasTrend) start.push(init.b0);
  const scale = Math.max(1e-3, Math.abs(init.l0) * 0.05);
  const steps = start.map((_, i) => (i < start.length - (hasTrend ? 2 : 1) ? 1 : scale));
  const objective = (x: readonly number[]) => filter(spec, decode(x), y, init.seasonal, m)?.lik ?? Infinity;
  let best = minimize(objective, start, { step: steps, maxEvaluations: 500 });
  // One restart from the optimum: the simplex often stalls on the flat likelihood ridges of smoothing parameters.
  best = minimize(objective, best.x, { step: steps.map((s) => s / 2), maxEvaluations: 500 });
  const params = decode(best.x);
  const result = filter(spec, params, y, init.seasonal, m);
  if (!result) return undefined;
  const n = y.length;
  const np = 1 + (hasTrend ? 1 : 0) + (seasonalModel ? 1 : 0) + (damped ? 1 : 0) + 1 + (hasTrend ? 1 : 0) + (seasonalModel ? m - 1 : 0);
  const k = np + 1; // R counts σ² as a parameter too.
  if (n - k - 1 <= 0) return undefined;
  const loglik = -0.5 * result.lik;
  const aic = -2 * loglik + 2 * k;
  const aicc = aic + (2 * k * (k + 1)) / (n - k - 1);
  return {
    spec,
    m,
    alpha: params.alpha,
    beta: params.beta,
    gamma: params.gamma,
    phi: params.phi,
    level: result.state.level,
    slope: result.state.slope,
    seasonal: result.state.seasonal,
    nextPosition: n % m,
    sigma2: result.sse / (n - np),
    loglik,
    aicc,
    n,
  };
}

/** The model combinations R's `ets` tries by default, restricted to those the data allow. */
export function etsCandidates(seasonal: boolean): EtsSpec[] {
  const out: EtsSpec[] = [];
  for (const error of ['A', 'M'] as const)
    for (const trend of ['N', 'A', 'Ad'] as const)
      for (const season of seasonal ? (['N', 'A', 'M'] as const) : (['N'] as const)) {
        if (error === 'A' && season === 'M') continue; // infinite-variance models, excluded as in R (restrict = TRUE)
        out.push({ error, trend, season });
      }
  return out;
}

/** Fits every candidate and keeps the lowest AICc. */
export function autoEts(y: readonly number[], m = 12, seasonal = y.length >= 3 * m): EtsFit {
  let best: EtsFit | undefined;
  for (const spec of etsCandidates(seasonal)) {
    const fit = fitEts(y, spec, m);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  if (!best) throw new RangeError(`no ETS model can be fitted to ${y.length} observations`);
  return best;
}

/** Point forecasts by the state recursion with zero errors; intervals by 2,000 simulated paths (seeded). */
export function forecastEts(fit: EtsFit, h: number, paths = 2000, seed = 20240611): PointForecast {
  const p: Params = { alpha: fit.alpha, beta: fit.beta, gamma: fit.gamma, phi: fit.phi, l0: 0, b0: 0 };
  const fresh = (): State => ({ level: fit.level, slope: fit.slope, seasonal: [...fit.seasonal] });
  const mean: number[] = [];
  const s = fresh();
  for (let i = 0; i < h; i++) mean.push(step(fit.spec, p, s, (fit.nextPosition + i) % fit.m, undefined, 0).forecast);
  const normal = seededNormal(seed);
  const sigma = Math.sqrt(fit.sigma2);
  const sims: number[][] = Array.from({ length: h }, () => []);
  for (let k = 0; k < paths; k++) {
    const st = fresh();
    for (let i = 0; i < h; i++) sims[i]!.push(step(fit.spec, p, st, (fit.nextPosition + i) % fit.m, undefined, sigma * normal()).y);
  }
  const q = (i: number, level: number) => quantileSorted(sims[i]!, level);
  sims.forEach((col) => col.sort((a, b) => a - b));
  return {
    model: etsName(fit.spec),
    mean,
    lo80: mean.map((_, i) => q(i, 0.1)),
    hi80: mean.map((_, i) => q(i, 0.9)),
    lo95: mean.map((_, i) => q(i, 0.025)),
    hi95: mean.map((_, i) => q(i, 0.975)),
  };
}
