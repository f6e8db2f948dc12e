/**
 * Classical decomposition (moving averages, as R's `decompose`): a centred 2×m moving-average trend, seasonal
 * indices as mean detrended values by season (normalised to sum 0, or mean 1 when multiplicative), and the rest.
 */
export interface Decomposition {
  trend: (number | undefined)[];
  /** One index per position in the cycle; `seasonal[t % m]` applies to observation t. */
  seasonal: number[];
  remainder: (number | undefined)[];
}

export function decompose(y: readonly number[], m: number, type: 'additive' | 'multiplicative'): Decomposition {
  const n = y.length;
  const half = Math.floor(m / 2);
  const trend: (number | undefined)[] = new Array(n).fill(undefined);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      for (let k = -half; k <= half; k++) s += (Math.abs(k) === half ? 0.5 : 1) * y[t + k]!;
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k]!;
    }
    trend[t] = s / m;
  }
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < n; t++) {
    const tr = trend[t];
    if (tr === undefined) continue;
    sums[t % m]! += type === 'additive' ? y[t]! - tr : y[t]! / tr;
    counts[t % m]! += 1;
  }
  const raw = sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : type === 'additive' ? 0 : 1));
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const seasonal = raw.map((v) => (type === 'additive' ? v - centre : v / centre));
  const remainder = y.map((v, t) => {
    const tr = trend[t];
    if (tr === undefined) return undefined;
    return type === 'additive' ? v - tr - seasonal[t % m]! : v / (tr * seasonal[t % m]!);
  });
  return { trend, seasonal, remainder };
}
