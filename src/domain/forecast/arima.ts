/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)[m], optionally with a constant (a mean when d + D = 0, a drift when d + D = 1), fitted
 * as R's `stats::arima` does by default (method "CSS-ML"): conditional sum of squares (CSS; Box, Jenkins & Reinsel,
 * "Time Series Analysis", ch. 7) for starting values, then exact Gaussian maximum likelihood of the ARMA part on the
 * differenced series by the Kalman filter (Gardner, Harvey & Phillips 1980; ./arma-likelihood.ts). CSS alone is still
 * available (auto.arima's approximation for long series). Stationarity and invertibility hold by construction
 * (partial-autocorrelation parametrisation). Forecasts by the difference equation; prediction variances by the
 * ψ-weights of the full (differenced) model.
 */
import { armaLikelihood } from './arma-likelihood.ts';
import { minimize } from './nelder-mead.ts';
import { difference, differencingPolynomial, hasRootWithin, lagPolynomial, multiply, toStationary } from './polynomial.ts';
import { normalIntervals, type PointForecast } from './types.ts';

export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  constant: boolean;
}

export interface ArimaFit {
  order: ArimaOrder;
  m: number;
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  mu: number;
  /**
   * Innovation variance for the intervals, as R forecast's `Arima` and `auto.arima` set it: the sum of squared
   * residuals over (differenced length − coefficients). For CSS-ML the residuals are the standardised innovations
   * v_t/√F_t, so this is R `arima`'s maximum-likelihood σ̂² (Σ v²/F over the differenced length) times n/(n − k).
   */
  sigma2: number;
  /** Exact log-likelihood for CSS-ML; the CSS (conditional) one for CSS. */
  loglik: number;
  aicc: number;
  method: ArimaMethod;
  /**
   * The series as given, the differenced series and its residuals (for forecasting): for CSS-ML the Kalman filter's
   * one-step prediction errors, which the difference equation then continues as the filter's own forecast would.
   */
  y: number[];
  w: number[];
  residuals: number[];
}

/** The model's name as R forecast writes it (`arima.string`), so that ours and R's can be compared as text. */
export function arimaName(o: ArimaOrder, m: number): string {
  const seasonal = o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${m}]` : '';
  const constant = o.constant ? (o.d + o.D === 0 ? ' with non-zero mean' : ' with drift') : o.d + o.D === 0 ? ' with zero mean' : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}${constant}`;
}

/** R's `arima` methods: "CSS-ML" (R's default) or "CSS" alone. */
export type ArimaMethod = 'CSS-ML' | 'CSS';

interface Operators {
  /** Coefficients a_i of w_t = Σ a_i w_{t−i} + e_t + Σ c_j e_{t−j}, index 0 unused. */
  a: number[];
  c: number[];
}

function operators(ar: number[], sar: number[], ma: number[], sma: number[], m: number): Operators {
  const arPoly = multiply(lagPolynomial(ar, 1, -1), lagPolynomial(sar, m, -1));
  const maPoly = multiply(lagPolynomial(ma, 1, 1), lagPolynomial(sma, m, 1));
  return { a: arPoly.map((v) => -v), c: maPoly };
}

/**
 * R forecast's `auto.arima` refuses a fitted model whose AR or MA polynomial (the product of the non-seasonal and
 * seasonal operators) has a root of modulus below 1.01 (`myarima`: "minroot < 1 + 1e-2"): such a model is nearly
 * non-stationary or non-invertible, and its forecasts swing on the near-unit root. Returns that test for a fit.
 */
export const MIN_ROOT_MODULUS = 1.01;
export function nearUnitRoot(fit: Pick<ArimaFit, 'ar' | 'ma' | 'sar' | 'sma' | 'm'>): boolean {
  const arPoly = multiply(lagPolynomial(fit.ar, 1, -1), lagPolynomial(fit.sar, fit.m, -1));
  const maPoly = multiply(lagPolynomial(fit.ma, 1, 1), lagPolynomial(fit.sma, fit.m, 1));
  return hasRootWithin(arPoly, MIN_ROOT_MODULUS) || hasRootWithin(maPoly, MIN_ROOT_MODULUS);
}

function residuals(w: readonly number[], mu: number, ops: Operators): number[] {
  const e = new Array<number>(w.length).fill(0);
  const p = ops.a.length - 1;
  // Seasonal polynomials are mostly zeros: loop over the non-zero lags only.
  const arLags: number[] = [];
  const maLags: number[] = [];
  for (let i = 1; i < ops.a.length; i++) if (ops.a[i] !== 0) arLags.push(i);
  for (let j = 1; j < ops.c.length; j++) if (ops.c[j] !== 0) maLags.push(j);
  for (let t = p; t < w.length; t++) {
    let v = w[t]! - mu;
    for (const i of arLags) v -= ops.a[i]! * (w[t - i]! - mu);
    for (const j of maLags) if (j <= t) v -= ops.c[j]! * e[t - j]!;
    e[t] = v;
  }
  return e;
}

/**
 * Fits one order. `conditioning` is the number of differenced observations left out of the CSS; auto.arima passes
 * the same value for every candidate fitted by CSS so that their AICc are computed on the same observations (the
 * exact likelihood always uses the whole differenced series, as R's does).
 */
export function fitArima(y: readonly number[], order: ArimaOrder, m = 12, conditioning?: number, method: ArimaMethod = 'CSS-ML'): ArimaFit | undefined {
  const delta = differencingPolynomial(order.d, order.D, m);
  const w = difference(y, delta);
  const own = order.p + m * order.P;
  const start = Math.max(conditioning ?? own, own);
  const nUsed = w.length - start;
  const k = order.p + order.q + order.P + order.Q + (order.constant ? 1 : 0) + 1;
  if (nUsed - k - 1 <= 0) return undefined;
  const wMean = w.reduce((s, v) => s + v, 0) / w.length;
  const wSd = Math.sqrt(w.reduce((s, v) => s + (v - wMean) ** 2, 0) / w.length) || 1;
  const split = (x: readonly number[]) => {
    let i = 0;
    const take = (n: number) => x.slice(i, (i += n));
    return {
      ar: toStationary(take(order.p)),
      ma: toStationary(take(order.q)).map((v) => -v),
      sar: toStationary(take(order.P)),
      sma: toStationary(take(order.Q)).map((v) => -v),
      mu: order.constant ? x[i]! * wSd + wMean : 0,
    };
  };
  const sse = (x: readonly number[]) => {
    const s = split(x);
    const e = residuals(w, s.mu, operators(s.ar, s.sar, s.ma, s.sma, m));
    let total = 0;
    for (let t = start; t < w.length; t++) total += e[t]! * e[t]!;
    return total;
  };
  const nPar = order.p + order.q + order.P + order.Q + (order.constant ? 1 : 0);
  const x0 = new Array<number>(nPar).fill(0);
  let best = minimize(sse, x0, { step: x0.map(() => 0.2), maxEvaluations: 250 * Math.max(1, nPar), tolerance: 1e-9 });
  if (nPar > 0) best = minimize(sse, best.x, { step: x0.map(() => 0.05), maxEvaluations: 100 * nPar, tolerance: 1e-9 });
  if (method === 'CSS') {
    const s = split(best.x);
    const e = residuals(w, s.mu, operators(s.ar, s.sar, s.ma, s.sma, m));
    const loglik = -0.5 * nUsed * (Math.log((2 * Math.PI * best.value) / nUsed) + 1);
    // The innovation variance for intervals as R forecast's `Arima`: Σe² over (differenced length − coefficients).
    const sigma2 = e.reduce((acc, v) => acc + v * v, 0) / (w.length - nPar);
    return result(order, m, s, sigma2, loglik, k, nUsed, y, w, e, method);
  }
  // Exact maximum likelihood from the CSS estimates, as R's "CSS-ML": the same parametrisation, the objective R's
  // `armafn` minimises (½ log σ̂² + ½ Σ log F_t / n, i.e. −log L / n up to a constant). R uses BFGS; Nelder–Mead is
  // restarted (at most twice) from its best point with a smaller simplex while that still improves, so that the
  // optimum does not depend on one simplex's collapse.
  const exact = (x: readonly number[]) => {
    const s = split(x);
    const ops = operators(s.ar, s.sar, s.ma, s.sma, m);
    return armaLikelihood(w, ops.a.slice(1), ops.c.slice(1), s.mu);
  };
  const objective = (x: readonly number[]) => {
    const l = exact(x);
    return l ? -l.loglik / w.length : Infinity;
  };
  const climb = (from: readonly number[]) => {
    let ml = { x: [...from], value: objective(from) };
    for (const step of nPar > 0 ? [0.1, 0.02, 0.005] : []) {
      const next = minimize(objective, ml.x, { step: x0.map(() => step), maxEvaluations: 200 * nPar, tolerance: 1e-10 });
      const gain = ml.value - next.value;
      if (gain > 0) ml = next;
      if (!(gain > 1e-9)) break;
    }
    return ml;
  };
  let ml = climb(best.x);
  // CSS often puts a partial autocorrelation on the boundary (a seasonal MA of −1 on a short series), where tanh is
  // flat and the simplex cannot leave it although the exact likelihood is higher inside (R's optimiser, which does
  // not bound MA coefficients, gets there). The likelihood is then climbed from the same start pulled inside as well,
  // and the higher maximum kept.
  const inside = best.x.map((v, i) => (i < nPar - (order.constant ? 1 : 0) ? Math.max(-1, Math.min(1, v)) : v));
  if (inside.some((v, i) => v !== best.x[i])) {
    const other = climb(inside);
    if (other.value < ml.value) ml = other;
  }
  const l = exact(ml.x);
  if (!l) return undefined;
  const sigma2 = (l.sigma2 * w.length) / (w.length - nPar);
  return result(order, m, split(ml.x), sigma2, l.loglik, k, w.length, y, w, l.innovations, method);
}

function result(
  order: ArimaOrder,
  m: number,
  s: { ar: number[]; ma: number[]; sar: number[]; sma: number[]; mu: number },
  sigma2: number,
  loglik: number,
  k: number,
  nUsed: number,
  y: readonly number[],
  w: number[],
  e: number[],
  method: ArimaMethod,
): ArimaFit {
  // AICc as R forecast's `Arima`/`auto.arima`: k counts the coefficients and σ², n the observations in the likelihood.
  const aic = -2 * loglik + 2 * k;
  return {
    order,
    m,
    ar: s.ar,
    ma: s.ma,
    sar: s.sar,
    sma: s.sma,
    mu: s.mu,
    sigma2,
    loglik,
    aicc: aic + (2 * k * (k + 1)) / (nUsed - k - 1),
    method,
    y: [...y],
    w,
    residuals: e,
  };
}

export function forecastArima(fit: ArimaFit, h: number): PointForecast {
  const { order, m } = fit;
  const ops = operators(fit.ar, fit.sar, fit.ma, fit.sma, m);
  const p = ops.a.length - 1;
  const q = ops.c.length - 1;
  const w = [...fit.w];
  const e = [...fit.residuals];
  for (let i = 0; i < h; i++) {
    const t = w.length;
    let v = fit.mu;
    for (let j = 1; j <= p; j++) v += ops.a[j]! * ((w[t - j] ?? fit.mu) - fit.mu);
    for (let j = 1; j <= q; j++) v += ops.c[j]! * (e[t - j] ?? 0);
    w.push(v);
    e.push(0);
  }
  // Undo the differencing: y_t = w_t − Σ_{i≥1} δ_i y_{t−i}.
  const delta = differencingPolynomial(order.d, order.D, m);
  const y = [...fit.y];
  const future = w.slice(fit.w.length);
  for (const wt of future) {
    let v = wt;
    for (let i = 1; i < delta.length; i++) v -= delta[i]! * y[y.length - i]!;
    y.push(v);
  }
  // ψ-weights of φ(B)Φ(B^m)(1−B)^d(1−B^m)^D y_t = θ(B)Θ(B^m) e_t.
  const full = multiply(ops.a.map((v, i) => (i === 0 ? 1 : -v)), delta).map((v, i) => (i === 0 ? 0 : -v));
  const psi = [1];
  for (let j = 1; j < h; j++) {
    let v = j < ops.c.length ? ops.c[j]! : 0;
    for (let i = 1; i <= Math.min(j, full.length - 1); i++) v += full[i]! * psi[j - i]!;
    psi.push(v);
  }
  const sd: number[] = [];
  let acc = 0;
  for (let j = 0; j < h; j++) {
    acc += psi[j]! ** 2;
    sd.push(Math.sqrt(fit.sigma2 * acc));
  }
  return normalIntervals(arimaName(order, m), y.slice(fit.y.length), sd);
}
