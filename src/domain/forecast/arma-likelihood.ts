/**
 * Exact Gaussian log-likelihood of a stationary ARMA(p, q) with a mean, by the Kalman filter on Harvey's state-space
 * form (Gardner, Harvey & Phillips 1980, "An algorithm for exact maximum likelihood estimation of autoregressive-moving
 * average models by means of Kalman filtering", Applied Statistics 29, AS 154; Harvey 1989, "Forecasting, Structural
 * Time Series Models and the Kalman Filter", §3.4), as R's `stats::arima` computes it for method "ML" / "CSS-ML"
 * (src/library/stats/src/arima.c, `ARIMA_Like`). Used on the differenced series: the seasonal ARMA is passed expanded
 * (its multiplied-out polynomials), so p and q may be large (p + m·P, q + m·Q) but the coefficients are mostly zero.
 *
 * Model: w_t − μ = Σ_{i=1}^{p} φ_i (w_{t−i} − μ) + e_t + Σ_{j=1}^{q} θ_j e_{t−j}, e_t ~ N(0, σ²).
 * State (dimension r = max(p, q + 1)): α_{t+1} = T α_t + R e_{t+1}, w_t − μ = α_t[0], with T's first column φ, ones
 * on its superdiagonal, and R = (1, θ_1, …, θ_{r−1}). The filter starts from the stationary distribution (α_1 ~ N(0,
 * σ² P₀), P₀ = T P₀ T' + R R', the solution of the Lyapunov equation that R's `getQ0` computes by Gardner's method).
 * σ² is concentrated out, as R does: σ̂² = (1/n) Σ v_t²/F_t and log L = −½ [n log(2π σ̂²) + Σ log F_t + n].
 *
 * The covariance recursion is not run on the r × r matrix (O(r²) per observation, r up to 30 for monthly seasonal
 * models, which made auto.arima's search many times slower) but by the Chandrasekhar recursions (Morf, Sidhu &
 * Kailath 1974, IEEE Trans. Automatic Control 19; Harvey 1989 §3.3.4): for a time-invariant model started from its
 * stationary P₀, P_{t+1} − P_t has rank one, W_t M_t W_t', so the gain and F_t update in O(r) per observation and only
 * the first column of P₀ is needed. The result is the same filter (checked against R below and in the tests).
 */

export interface ArmaLikelihood {
  /** Exact log-likelihood with σ² concentrated out. */
  loglik: number;
  /** Maximum-likelihood innovation variance, Σ v_t²/F_t over n (R's `arima` `sigma2`). */
  sigma2: number;
  /** Number of observations in the likelihood. */
  n: number;
  /** One-step prediction errors v_t (not standardised): the innovations the forecasts continue from. */
  innovations: number[];
}

/** ψ-weights of the MA(∞) representation, ψ_0 … ψ_count−1. */
function psiWeights(phi: readonly number[], theta: readonly number[], count: number): number[] {
  const psi = new Array<number>(count).fill(0);
  if (count > 0) psi[0] = 1;
  for (let j = 1; j < count; j++) {
    let v = j <= theta.length ? theta[j - 1]! : 0;
    for (let i = 1; i <= Math.min(j, phi.length); i++) v += phi[i - 1]! * psi[j - i]!;
    psi[j] = v;
  }
  return psi;
}

/**
 * Autocovariances γ(0) … γ(maxLag) of the ARMA with σ² = 1 (Brockwell & Davis 1991, "Time Series: Theory and Methods",
 * §3.3, third method): γ(k) − Σ φ_i γ(k−i) = Σ_{j≥k} θ_j ψ_{j−k} for k = 0 … p solved as a linear system, then the
 * same difference equation for larger lags. Returns undefined when the AR part is (numerically) not stationary.
 */
export function armaAutocovariances(phi: readonly number[], theta: readonly number[], maxLag: number): number[] | undefined {
  const p = phi.length;
  const q = theta.length;
  const psi = psiWeights(phi, theta, q + 1);
  const th = (j: number) => (j === 0 ? 1 : j <= q ? theta[j - 1]! : 0);
  const rhs = (k: number) => {
    let s = 0;
    for (let j = k; j <= q; j++) s += th(j) * psi[j - k]!;
    return s;
  };
  const gamma = new Array<number>(Math.max(maxLag, p) + 1).fill(0);
  if (p > 0) {
    // (p + 1) × (p + 1) system in γ(0) … γ(p), γ(−n) = γ(n); Gaussian elimination with partial pivoting.
    const size = p + 1;
    const a = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
    for (let k = 0; k <= p; k++) {
      a[k]![k] = 1;
      for (let i = 1; i <= p; i++) a[k]![Math.abs(k - i)]! -= phi[i - 1]!;
      a[k]![size] = rhs(k);
    }
    for (let c = 0; c < size; c++) {
      let pivot = c;
      for (let r = c + 1; r < size; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
      if (!(Math.abs(a[pivot]![c]!) > 1e-14)) return undefined;
      [a[c], a[pivot]] = [a[pivot]!, a[c]!];
      const row = a[c]!;
      for (let r = c + 1; r < size; r++) {
        const f = a[r]![c]! / row[c]!;
        if (f === 0) continue;
        for (let k = c; k <= size; k++) a[r]![k]! -= f * row[k]!;
      }
    }
    for (let c = size - 1; c >= 0; c--) {
      let s = a[c]![size]!;
      for (let k = c + 1; k < size; k++) s -= a[c]![k]! * gamma[k]!;
      gamma[c] = s / a[c]![c]!;
    }
    if (!(gamma[0]! > 0)) return undefined;
  }
  for (let k = p === 0 ? 0 : p + 1; k < gamma.length; k++) {
    let s = rhs(k);
    for (let i = 1; i <= p; i++) s += phi[i - 1]! * gamma[Math.abs(k - i)]!;
    gamma[k] = s;
  }
  return gamma;
}

/**
 * First column of P₀ = Cov(α_t)/σ², Cov(α_t[j], w_t). With φ_k = 0 for k > p and θ_0 = 1, the state's elements are
 * α_t[j] = Σ_{k=j+1}^{r} φ_k w_{t+j−k} + Σ_{k=j}^{r−1} θ_k e_{t+j−k}, and Cov(w_t, e_{t−n}) = ψ_n σ², so
 * P₀[j][0] = Σ_k φ_k γ(k − j) + Σ_k θ_k ψ_{k−j}.
 */
function stationaryFirstColumn(phi: readonly number[], theta: readonly number[], r: number): Float64Array | undefined {
  const gamma = armaAutocovariances(phi, theta, r);
  if (!gamma) return undefined;
  const psi = psiWeights(phi, theta, r + 1);
  const th = (k: number) => (k === 0 ? 1 : k <= theta.length ? theta[k - 1]! : 0);
  const column = new Float64Array(r);
  for (let j = 0; j < r; j++) {
    let s = 0;
    for (let k = j + 1; k <= phi.length; k++) s += phi[k - 1]! * gamma[k - j]!;
    for (let k = j; k <= theta.length; k++) s += th(k) * psi[k - j]!;
    column[j] = s;
  }
  return column;
}

/**
 * The exact log-likelihood of w under the ARMA (φ, θ) with mean μ; undefined when the AR part is not stationary.
 * φ and θ are the coefficients as in the model above (R's `arima` signs).
 */
export function armaLikelihood(w: readonly number[], phi: readonly number[], theta: readonly number[], mu = 0): ArmaLikelihood | undefined {
  // Trailing zeros (e.g. a seasonal-only polynomial) do not change the model; dropping them keeps r small.
  let p = phi.length;
  while (p > 0 && phi[p - 1] === 0) p--;
  let q = theta.length;
  while (q > 0 && theta[q - 1] === 0) q--;
  const f = phi.slice(0, p);
  const r = Math.max(p, q + 1);
  const column = stationaryFirstColumn(f, theta.slice(0, q), r);
  if (!column) return undefined;
  const arLags: number[] = [];
  for (let i = 0; i < p; i++) if (f[i] !== 0) arLags.push(i);
  // x ← T x: shift up, plus φ times the first element.
  const applyT = (x: Float64Array, out: Float64Array) => {
    const x0 = x[0]!;
    for (let i = 0; i + 1 < r; i++) out[i] = x[i + 1]!;
    out[r - 1] = 0;
    for (const i of arLags) out[i]! += f[i]! * x0;
  };
  // K_t = T P_t Z' (the gain times F_t), F_t = Z P_t Z' = P_t[0][0]; P_{t+1} − P_t = M_t W_t W_t'.
  // Start: F_1 = P₀[0][0], K_1 = T P₀[:,0], and P₂ − P₁ = −K_1 K_1'/F_1 (P₀ solves the Lyapunov equation), so
  // W_1 = K_1, M_1 = −1/F_1. Then, with x = W_t[0]: F_{t+1} = F_t + M_t x², K_{t+1} = K_t + M_t x T W_t,
  // W_{t+1} = T W_t − K_t x / F_t, M_{t+1} = M_t F_t / F_{t+1} (Morf, Sidhu & Kailath 1974).
  let F = column[0]!;
  const K = new Float64Array(r);
  applyT(column, K);
  const W = Float64Array.from(K);
  let M = -1 / F;
  const TW = new Float64Array(r);
  const a = new Float64Array(r);
  const next = new Float64Array(r);
  const innovations = new Array<number>(w.length);
  let ssq = 0;
  let sumLog = 0;
  for (let t = 0; t < w.length; t++) {
    if (!(F > 0)) return undefined;
    const v = w[t]! - mu - a[0]!;
    innovations[t] = v;
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    // State: a_{t+1} = T a_t + K_t v_t / F_t.
    applyT(a, next);
    for (let i = 0; i < r; i++) a[i] = next[i]! + (K[i]! * v) / F;
    // Covariance, in O(r): the rank-one Chandrasekhar step.
    const x = W[0]!;
    applyT(W, TW);
    const Fnext = F + M * x * x;
    for (let i = 0; i < r; i++) {
      const k = K[i]!;
      K[i] = k + M * x * TW[i]!;
      W[i] = TW[i]! - (k * x) / F;
    }
    M = (M * F) / Fnext;
    F = Fnext;
  }
  const n = w.length;
  const sigma2 = ssq / n;
  return { loglik: -0.5 * (n * Math.log(2 * Math.PI * sigma2) + sumLog + n), sigma2, n, innovations };
}
