/**
 * STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990, J. Official Statistics
 * 6(1)), non-robust, as R's `stl` computes it (the Fortran of netlib's stl, which R ships): inner loops of
 * cycle-subseries smoothing, low-pass filtering and trend smoothing, with loess evaluated every `jump` points and
 * interpolated in between. R forecast's `nsdiffs` measures the seasonal strength on this decomposition (through
 * `mstl`, which for one seasonal period is `stl` with s.window = 11) — hence its place here.
 */

export interface StlOptions {
  /** Span of the cycle-subseries loess (odd, ≥ 3). */
  sWindow: number;
  sDegree?: 0 | 1;
  tWindow?: number;
  tDegree?: 0 | 1;
  lWindow?: number;
  inner?: number;
}

export interface Stl {
  seasonal: number[];
  trend: number[];
  remainder: number[];
}

const nextOdd = (x: number) => (Math.round(x) % 2 === 0 ? Math.round(x) + 1 : Math.round(x));

/**
 * Local (degree 0 or 1) tricube-weighted fit at xs over the 1-based positions nleft…nright of y (stlest).
 * Returns undefined when every weight is zero.
 */
function loessAt(y: readonly number[], n: number, len: number, degree: number, xs: number, nleft: number, nright: number): number | undefined {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  const w = new Array<number>(nright - nleft + 1).fill(0);
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j - nleft] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j - nleft]!;
    }
  }
  if (a <= 0) return undefined;
  for (let j = nleft; j <= nright; j++) w[j - nleft]! /= a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j - nleft]! * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - nleft]! * (j - mean) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - nleft]! *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - nleft]! * y[j - 1]!;
  return ys;
}

/** Loess smoothing of y at every position, computed every `jump` points and interpolated linearly (stless). */
function loessSmooth(y: readonly number[], len: number, degree: number, jump: number): number[] {
  const n = y.length;
  if (n < 2) return [...y];
  const ys = new Array<number>(n).fill(0);
  const step = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  const at = (i: number) => {
    ys[i - 1] = loessAt(y, n, len, degree, i, nleft, nright) ?? y[i - 1]!;
  };
  if (len >= n) {
    for (let i = 1; i <= n; i += step) at(i);
  } else if (step === 1) {
    const half = Math.floor((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      at(i);
    }
  } else {
    const half = Math.floor((len + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        nleft = 1;
        nright = len;
      } else if (i >= n - half + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - half + 1;
        nright = len + i - half;
      }
      at(i);
    }
  }
  if (step !== 1) {
    for (let i = 1; i <= n - step; i += step) {
      const delta = (ys[i + step - 1]! - ys[i - 1]!) / step;
      for (let j = i + 1; j <= i + step - 1; j++) ys[j - 1] = ys[i - 1]! + delta * (j - i);
    }
    const k = Math.floor((n - 1) / step) * step + 1;
    if (k !== n) {
      at(n);
      if (k !== n - 1) {
        const delta = (ys[n - 1]! - ys[k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1]! + delta * (j - k);
      }
    }
  }
  return ys;
}

const movingAverage = (x: readonly number[], len: number): number[] => {
  const out: number[] = [];
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i]!;
  out.push(v / len);
  for (let j = len; j < x.length; j++) {
    v += x[j]! - x[j - len]!;
    out.push(v / len);
  }
  return out;
};

/** STL of y with period np (R's `stl(ts(y, frequency = np), s.window)` with its defaults for everything else). */
export function stl(y: readonly number[], np: number, options: StlOptions): Stl {
  const n = y.length;
  if (np < 2 || n <= 2 * np) throw new RangeError(`STL needs more than two periods (${2 * np} observations), got ${n}`);
  const odd = (x: number) => Math.max(3, x % 2 === 0 ? x + 1 : x);
  const sDegree = options.sDegree ?? 0;
  const tDegree = options.tDegree ?? 1;
  const ns = odd(options.sWindow);
  const nt = odd(options.tWindow ?? nextOdd(Math.ceil((1.5 * np) / (1 - 1.5 / options.sWindow))));
  const nl = odd(options.lWindow ?? nextOdd(np));
  const sJump = Math.ceil(ns / 10);
  const tJump = Math.ceil(nt / 10);
  const lJump = Math.ceil(nl / 10);
  const inner = options.inner ?? 2;
  let trend = new Array<number>(n).fill(0);
  let season = new Array<number>(n).fill(0);
  for (let iter = 0; iter < inner; iter++) {
    const detrended = y.map((v, i) => v - trend[i]!);
    // Cycle-subseries smoothing, each extended by one period at both ends: n + 2·np values.
    const cycle = new Array<number>(n + 2 * np).fill(0);
    for (let j = 0; j < np; j++) {
      const sub: number[] = [];
      for (let i = j; i < n; i += np) sub.push(detrended[i]!);
      const k = sub.length;
      const smooth = loessSmooth(sub, ns, sDegree, sJump);
      const first = loessAt(sub, k, ns, sDegree, 0, 1, Math.min(ns, k)) ?? smooth[0]!;
      const last = loessAt(sub, k, ns, sDegree, k + 1, Math.max(1, k - ns + 1), k) ?? smooth[k - 1]!;
      const extended = [first, ...smooth, last];
      extended.forEach((v, m) => (cycle[m * np + j] = v));
    }
    // Low-pass filter: moving averages of np, np and 3, then loess.
    const low = loessSmooth(movingAverage(movingAverage(movingAverage(cycle, np), np), 3), nl, tDegree, lJump);
    season = y.map((_, i) => cycle[np + i]! - low[i]!);
    trend = loessSmooth(
      y.map((v, i) => v - season[i]!),
      nt,
      tDegree,
      tJump,
    );
  }
  return { seasonal: season, trend, remainder: y.map((v, i) => v - season[i]! - trend[i]!) };
}

/**
 * Strength of seasonality F_S = max(0, 1 − Var(R) / Var(S + R)) (Wang, Smith & Hyndman 2006; FPP3 §4.3) on the STL
 * decomposition with s.window = 11, as R forecast's `seas.heuristic`; 0 for two periods or fewer, which STL cannot
 * decompose (R's `nsdiffs` then takes no seasonal difference either).
 */
export function seasonalStrength(y: readonly number[], m: number): number {
  if (m < 2 || y.length <= 2 * m) return 0;
  const { seasonal, remainder } = stl(y, m, { sWindow: 11 });
  const variance = (x: readonly number[]) => {
    const mu = x.reduce((a, b) => a + b, 0) / x.length;
    return x.reduce((a, b) => a + (b - mu) ** 2, 0) / (x.length - 1);
  };
  const vsr = variance(remainder.map((r, i) => r + seasonal[i]!));
  return vsr > 0 ? Math.max(0, Math.min(1, 1 - variance(remainder) / vsr)) : 0;
}
