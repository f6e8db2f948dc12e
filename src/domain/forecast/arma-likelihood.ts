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
 * σ² P₀), P₀ = T P₀ T' + R R', the solution of the Lyapunov equation that R's `getQ0` computes by Gardner's method);
 * here P₀ is built from the ARMA autocovariances directly (below), which gives the same matrix. σ² is concentrated
 * out, as R does: σ̂² = (1/n) Σ v_t²/F_t and log L = −½ [n log(2π σ̂²) + Σ log F_t + n].
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

/**
 * Once the predicted state covariance is within this of its steady state R R' (reached geometrically, at the rate of
 * the largest MA root's modulus), F_t = 1 and the filter is the plain ARMA recursion; switching to it then changes the
 * log-likelihood by far less than the optimiser's tolerance and saves the O(r²) covariance update per observation.
 */
const STEADY = 1e-12;

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
 * P₀ = Cov(α_t)/σ² of the stationary state, the solution of P₀ = T P₀ T' + R R'. Its first row is Cov(w_t, α_t[j]):
 * with φ_k = 0 for k > p and θ_0 = 1, α_t[j] = Σ_{k=j+1}^{r} φ_k w_{t+j−k} + Σ_{k=j}^{r−1} θ_k e_{t+j−k}, so
 * P₀[0][j] = Σ_k φ_k γ(k − j) + Σ_k θ_k ψ_{k−j} (Cov(w_t, e_{t−n}) = ψ_n). Element-wise the Lyapunov equation reads
 * P₀[i][j] = φ_{i+1} φ_{j+1} P₀[0][0] + φ_{i+1} P₀[0][j+1] + φ_{j+1} P₀[0][i+1] + P₀[i+1][j+1] + R_i R_j,
 * so the rest follows from the first row, from the bottom-right corner up: O(r²) instead of solving the r(r+1)/2
 * equations as Gardner et al.'s AS 154 does, with the same result.
 */
function stationaryCovariance(phi: readonly number[], theta: readonly number[], r: number): Float64Array | undefined {
  const gamma = armaAutocovariances(phi, theta, r);
  if (!gamma) return undefined;
  const psi = psiWeights(phi, theta, r + 1);
  const ph = (k: number) => (k >= 1 && k <= phi.length ? phi[k - 1]! : 0);
  const th = (k: number) => (k === 0 ? 1 : k <= theta.length ? theta[k - 1]! : 0);
  const row0 = new Float64Array(r + 1);
  for (let j = 0; j < r; j++) {
    let s = 0;
    for (let k = j + 1; k <= phi.length; k++) s += phi[k - 1]! * gamma[k - j]!;
    for (let k = j; k <= theta.length; k++) s += th(k) * psi[k - j]!;
    row0[j] = s;
  }
  const P = new Float64Array(r * r);
  const at = (i: number, j: number) => (i < r && j < r ? P[i * r + j]! : 0);
  for (let i = r - 1; i >= 1; i--) {
    for (let j = r - 1; j >= i; j--) {
      const v = ph(i + 1) * ph(j + 1) * row0[0]! + ph(i + 1) * row0[j + 1]! + ph(j + 1) * row0[i + 1]! + at(i + 1, j + 1) + th(i) * th(j);
      P[i * r + j] = v;
      P[j * r + i] = v;
    }
  }
  for (let j = 0; j < r; j++) {
    P[j] = row0[j]!;
    P[j * r] = row0[j]!;
  }
  return P;
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
  const th = theta.slice(0, q);
  const r = Math.max(p, q + 1);
  const P = stationaryCovariance(f, th, r);
  if (!P) return undefined;
  const R = new Float64Array(r);
  R[0] = 1;
  for (let j = 1; j < r; j++) R[j] = j <= q ? th[j - 1]! : 0;
  const arLags: number[] = [];
  for (let i = 0; i < p; i++) if (f[i] !== 0) arLags.push(i);
  const a = new Float64Array(r);
  const next = new Float64Array(r);
  const k = new Float64Array(r);
  const innovations = new Array<number>(w.length);
  let ssq = 0;
  let sumLog = 0;
  let steady = false;
  for (let t = 0; t < w.length; t++) {
    const v = w[t]! - mu - a[0]!;
    innovations[t] = v;
    if (steady) {
      // P_{t|t−1} = R R': F_t = 1, gain R, and the updated state's first element is known exactly.
      ssq += v * v;
      for (let i = 0; i < r; i++) next[i] = (i + 1 < r ? a[i + 1]! + R[i + 1]! * v : 0);
      const a0 = a[0]! + v;
      for (const i of arLags) next[i]! += f[i]! * a0;
      a.set(next);
      continue;
    }
    const F = P[0]!;
    if (!(F > 0)) return undefined;
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    // Update a ← a + k v / F with k = P[:,0], then predict a ← T a. The covariance update P − k k'/F has a zero first
    // row and column, so T (P − k k'/F) T' is it shifted up-left: P ← (P − k k'/F)[1:, 1:] + R R', done in place
    // (each element reads one further down and right, not yet overwritten).
    for (let i = 0; i < r; i++) k[i] = P[i * r]!;
    for (let i = 0; i < r; i++) a[i]! += (k[i]! * v) / F;
    const a0 = a[0]!;
    for (let i = 0; i < r; i++) next[i] = (i + 1 < r ? a[i + 1]! : 0);
    for (const i of arLags) next[i]! += f[i]! * a0;
    a.set(next);
    let distance = 0;
    for (let i = 0; i < r; i++) {
      const ki = i + 1 < r ? k[i + 1]! / F : 0;
      const row = (i + 1) * r + 1;
      for (let j = 0; j < r; j++) {
        const shifted = i + 1 < r && j + 1 < r ? P[row + j]! - ki * k[j + 1]! : 0;
        P[i * r + j] = shifted + R[i]! * R[j]!;
        if (Math.abs(shifted) > distance) distance = Math.abs(shifted);
      }
    }
    steady = distance < STEADY;
  }
  const n = w.length;
  const sigma2 = ssq / n;
  return { loglik: -0.5 * (n * Math.log(2 * Math.PI * sigma2) + sumLog + n), sigma2, n, innovations };
}
