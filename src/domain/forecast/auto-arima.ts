/**
 * Automatic ARIMA order selection as Hyndman & Khandakar (2008, J. Stat. Software 27(3)) and R's `auto.arima`
 * (stepwise = TRUE): D by the seasonal strength of an STL decomposition, d by repeated KPSS tests, then a stepwise
 * search over p, q ≤ 5 and P, Q ≤ 2 (and the constant) from four starting models, moving to any neighbour with a lower
 * AICc, at most 94 models.
 * Candidates are fitted as R's `auto.arima` fits them: by exact maximum likelihood from CSS starting values ("CSS-ML",
 * ./arima.ts), except that for series longer than 150 observations (R's `approximation = length(x) > 150 ||
 * frequency(x) > 12`) the search uses CSS alone, every candidate's AICc on the same observations (conditioned on the
 * largest possible lag), and the orders are then refitted by CSS-ML from the best down until one is accepted.
 * As R, a fit with an AR or MA root of modulus below 1.01 is not accepted (`nearUnitRoot`). Not reproduced: R also
 * refuses a fit whose coefficients' estimated variances are not all positive (`checkarima`), which needs the Hessian.
 */
import { fitArima, nearUnitRoot, type ArimaFit, type ArimaOrder } from './arima.ts';
import { difference, differencingPolynomial } from './polynomial.ts';
import { ndiffs, nsdiffs } from './unit-root.ts';

const MAX = { p: 5, q: 5, P: 2, Q: 2 };
const MAX_MODELS = 94;
/** R's `auto.arima` approximates (searches by CSS) above this many observations. */
const APPROXIMATION_LENGTH = 150;

export function autoArima(y: readonly number[], m = 12, seasonal = y.length >= 3 * m): ArimaFit {
  const D = seasonal ? nsdiffs(y, m) : 0;
  const afterSeasonal = D > 0 ? difference(y, differencingPolynomial(0, D, m)) : [...y];
  const d = ndiffs(afterSeasonal);
  const allowConstant = d + D <= 1;
  const maxP = seasonal ? MAX.P : 0;
  const maxQ = seasonal ? MAX.Q : 0;
  const nDiff = y.length - d - D * m;
  const conditioning = Math.min(MAX.p + m * maxP, Math.max(0, nDiff - 20));
  const approximation = y.length > APPROXIMATION_LENGTH || m > 12;
  const cache = new Map<string, ArimaFit | null>();
  const key = (o: ArimaOrder) => `${o.p},${o.q},${o.P},${o.Q},${o.constant}`;
  let best: ArimaFit | undefined;
  const tryOrder = (o: ArimaOrder): boolean => {
    if (o.p < 0 || o.q < 0 || o.P < 0 || o.Q < 0 || o.p > MAX.p || o.q > MAX.q || o.P > maxP || o.Q > maxQ) return false;
    if (o.constant && !allowConstant) return false;
    const k = key(o);
    if (cache.has(k) || cache.size >= MAX_MODELS) return false;
    const fitted = approximation ? fitArima(y, o, m, conditioning, 'CSS') : fitArima(y, o, m);
    const fit = fitted && !nearUnitRoot(fitted) ? fitted : null;
    cache.set(k, fit);
    if (fit && (!best || fit.aicc < best.aicc - 1e-9)) {
      best = fit;
      return true;
    }
    return false;
  };
  const order = (p: number, q: number, P: number, Q: number, constant = allowConstant): ArimaOrder => ({ p, d, q, P, D, Q, constant });
  tryOrder(order(2, 2, seasonal ? 1 : 0, seasonal ? 1 : 0));
  tryOrder(order(0, 0, 0, 0));
  tryOrder(order(1, 0, seasonal ? 1 : 0, 0));
  tryOrder(order(0, 1, 0, seasonal ? 1 : 0));
  if (allowConstant) tryOrder(order(0, 0, 0, 0, false));
  let improved = true;
  while (improved && best && cache.size < MAX_MODELS) {
    improved = false;
    const b: ArimaOrder = best.order;
    const neighbours: ArimaOrder[] = [
      { ...b, P: b.P - 1 }, { ...b, P: b.P + 1 }, { ...b, Q: b.Q - 1 }, { ...b, Q: b.Q + 1 },
      { ...b, P: b.P - 1, Q: b.Q - 1 }, { ...b, P: b.P + 1, Q: b.Q + 1 },
      { ...b, P: b.P - 1, Q: b.Q + 1 }, { ...b, P: b.P + 1, Q: b.Q - 1 },
      { ...b, p: b.p - 1 }, { ...b, p: b.p + 1 }, { ...b, q: b.q - 1 }, { ...b, q: b.q + 1 },
      { ...b, p: b.p - 1, q: b.q - 1 }, { ...b, p: b.p + 1, q: b.q + 1 },
      { ...b, p: b.p - 1, q: b.q + 1 }, { ...b, p: b.p + 1, q: b.q - 1 },
      { ...b, constant: !b.constant },
    ];
    for (const o of neighbours) {
      if (tryOrder(o)) {
        improved = true;
        break;
      }
    }
  }
  if (!best) throw new RangeError(`no ARIMA model can be fitted to ${y.length} observations`);
  if (!approximation) return best;
  // As R: the orders the approximation ranked are refitted by CSS-ML, best first, and the first accepted is kept (its
  // estimates and variance are what the forecasts use); the CSS fit only if none is.
  const ranked = [...cache.values()].filter((f): f is ArimaFit => f !== null).sort((a, b) => a.aicc - b.aicc);
  for (const candidate of ranked) {
    const exact = fitArima(y, candidate.order, m);
    if (exact && !nearUnitRoot(exact)) return exact;
  }
  return best;
}
