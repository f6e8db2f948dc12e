/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients 1, 2, 0.5, 0.5 as in R's
 * `optim`). Deterministic: the same start gives the same result. Used for the likelihoods of ETS and ARIMA, whose
 * parameters are few (≤ 9) and whose objectives are cheap, so a derivative-free method is enough.
 */
export interface MinimizeOptions {
  /** Initial step per coordinate. */
  step?: readonly number[];
  maxEvaluations?: number;
  /** Relative tolerance on the spread of objective values in the simplex (R's `reltol`). */
  tolerance?: number;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

export function minimize(f: (x: readonly number[]) => number, start: readonly number[], opts: MinimizeOptions = {}): Minimum {
  const n = start.length;
  const maxEval = opts.maxEvaluations ?? 200 * Math.max(1, n);
  const tol = opts.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  if (n === 0) return { x: [], value: evaluate([]), evaluations };
  const simplex: { x: number[]; v: number }[] = [{ x: [...start], v: evaluate([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    const s = opts.step?.[i] ?? (Math.abs(x[i]!) > 1e-3 ? 0.1 * Math.abs(x[i]!) : 0.1);
    x[i] = x[i]! + s;
    simplex.push({ x, v: evaluate(x) });
  }
  const along = (c: number[], x: number[], t: number) => c.map((ci, j) => ci + t * (x[j]! - ci));
  while (evaluations < maxEval) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const xr = along(centroid, worst.x, -1);
    const vr = evaluate(xr);
    if (vr < best.v) {
      const xe = along(centroid, worst.x, -2);
      const ve = evaluate(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const outside = vr < worst.v;
      const xc = along(centroid, outside ? xr : worst.x, 0.5);
      const vc = evaluate(xc);
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: xc, v: vc };
      } else {
        for (let i = 1; i <= n; i++) {
          const x = along(best.x, simplex[i]!.x, 0.5);
          simplex[i] = { x, v: evaluate(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
