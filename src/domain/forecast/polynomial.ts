/**
 * Lag polynomials as coefficient arrays: `[1, c1, c2, …]` means 1 + c1·B + c2·B² + ….
 */
export function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  return out;
}

/** 1 + s·(c1 B^lag + c2 B^(2·lag) + …): s = −1 for AR operators, +1 for MA operators. */
export function lagPolynomial(coefs: readonly number[], lag: number, sign: 1 | -1): number[] {
  const out = new Array<number>(coefs.length * lag + 1).fill(0);
  out[0] = 1;
  coefs.forEach((c, i) => (out[(i + 1) * lag] = sign * c));
  return out;
}

/** (1 − B)^d (1 − B^m)^D. */
export function differencingPolynomial(d: number, D: number, m: number): number[] {
  let out = [1];
  for (let i = 0; i < d; i++) out = multiply(out, [1, -1]);
  for (let i = 0; i < D; i++) out = multiply(out, lagPolynomial([1], m, -1));
  return out;
}

/** Applies the differencing operator: returns w_t = Σ δ_i y_{t−i} for t from δ's degree on. */
export function difference(y: readonly number[], delta: readonly number[]): number[] {
  const k = delta.length - 1;
  const out: number[] = [];
  for (let t = k; t < y.length; t++) {
    let s = 0;
    for (let i = 0; i <= k; i++) s += delta[i]! * y[t - i]!;
    out.push(s);
  }
  return out;
}

/**
 * Maps unconstrained values to the coefficients of a stationary (or, for MA, invertible) polynomial through partial
 * autocorrelations in (−1, 1) and the Durbin–Levinson recursion (Jones 1980; R's `arima` `transform.pars`).
 */
export function toStationary(raw: readonly number[]): number[] {
  const r = raw.map((x) => Math.tanh(x));
  let phi: number[] = [];
  for (let k = 0; k < r.length; k++) {
    const next = phi.map((p, j) => p - r[k]! * phi[k - 1 - j]!);
    next.push(r[k]!);
    phi = next;
  }
  return phi;
}

/**
 * Whether the lag polynomial `[1, c1, c2, …]` has a root of modulus below `radius`, by the Schur–Cohn step-down
 * (the inverse Durbin–Levinson recursion) on p(radius·u): its roots are all outside the unit circle exactly when
 * every reflection coefficient is inside (−1, 1). No roots are computed, so no root finder's error enters.
 */
export function hasRootWithin(poly: readonly number[], radius: number): boolean {
  // p(r·u) = 1 − Σ φ_i u^i with φ_i = −c_i r^i.
  let phi = poly.slice(1).map((c, i) => -c * radius ** (i + 1));
  while (phi.length > 0 && Math.abs(phi[phi.length - 1]!) === 0) phi.pop();
  for (let k = phi.length; k > 0; k--) {
    const kappa = phi[k - 1]!;
    if (!(Math.abs(kappa) < 1)) return true;
    const denom = 1 - kappa * kappa;
    phi = phi.slice(0, k - 1).map((v, j) => (v + kappa * phi[k - 2 - j]!) / denom);
  }
  return false;
}
