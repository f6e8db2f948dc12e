import { describe, expect, it } from 'vitest';
import { armaAutocovariances, armaLikelihood } from './arma-likelihood.ts';
import { difference, differencingPolynomial, multiply } from './polynomial.ts';
import { rReference } from '../../../test/helpers/r-reference.ts';

/** R's `lh` (datasets): luteinizing hormone in blood samples at 10-minute intervals, 48 values. */
const LH = [
  2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2.0, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7, 2.2, 2.2, 1.9, 1.9, 1.8, 2.7, 3.0,
  2.3, 2.0, 2.0, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4, 1.8, 1.7, 1.5, 1.4, 2.1, 3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3.0, 2.9,
];

/** w = (1 − B)(1 − B¹²) log AirPassengers, R's `diff(diff(log(AirPassengers), 12))`. */
const airlineW = () => difference(rReference('log_AirPassengers').y, differencingPolynomial(1, 1, 12));

describe('exact ARMA log-likelihood against R stats::arima (R 4.2, fixed coefficients, so no optimiser is involved)', () => {
  it('ARMA(1,1) with mean on lh', () => {
    // arima(lh, order = c(1, 0, 1), fixed = c(0.5, 0.2, 2.4), transform.pars = FALSE): loglik, sigma2
    const l = armaLikelihood(LH, [0.5], [0.2], 2.4)!;
    expect(l.loglik).toBeCloseTo(-28.8398827293, 7);
    expect(l.sigma2 / 0.192621071857).toBeCloseTo(1, 9);
    expect(l.n).toBe(48);
  });
  it('the airline model (0,0,1)(0,0,1)[12] on the differenced log AirPassengers (MA of order 13)', () => {
    // w <- diff(diff(log(AirPassengers), 12))
    // arima(w, order = c(0, 0, 1), seasonal = list(order = c(0, 0, 1), period = 12), include.mean = FALSE,
    //       fixed = c(-0.4, -0.6), transform.pars = FALSE): loglik 244.512049823, sigma2 1.34266703405e-03
    const theta = multiply([1, -0.4], [1, ...new Array<number>(11).fill(0), -0.6]).slice(1);
    const l = armaLikelihood(airlineW(), [], theta)!;
    expect(l.loglik).toBeCloseTo(244.512049823, 5);
    expect(l.sigma2 / 1.34266703405e-3).toBeCloseTo(1, 7);
  });
  it('a seasonal ARMA with AR terms and a mean: (2,0,1)(1,0,1)[12] on the same series', () => {
    // arima(w, order = c(2, 0, 1), seasonal = list(order = c(1, 0, 1), period = 12),
    //       fixed = c(0.3, 0.1, -0.4, -0.2, -0.5, 0.001), transform.pars = FALSE): loglik 237.943272623, sigma2 1.47617437046e-03
    const phi = multiply([1, -0.3, -0.1], [1, ...new Array<number>(11).fill(0), 0.2]).slice(1).map((v) => -v);
    const theta = multiply([1, -0.4], [1, ...new Array<number>(11).fill(0), -0.5]).slice(1);
    const l = armaLikelihood(airlineW(), phi, theta, 0.001)!;
    expect(l.loglik).toBeCloseTo(237.943272623, 5);
    expect(l.sigma2 / 1.47617437046e-3).toBeCloseTo(1, 7);
  });
  it('is not the conditional likelihood: the first observations weigh by their stationary variance', () => {
    // For a pure AR(1) the exact likelihood has the closed form (Box, Jenkins & Reinsel §7.1.2):
    // log L = −n/2 log(2πσ²) + ½ log(1 − φ²) − [(1 − φ²) y₁² + Σ_{t≥2} (y_t − φ y_{t−1})²] / (2σ²), σ² concentrated out.
    const phi = 0.6;
    const y = LH.map((v) => v - 2.4);
    const s = (1 - phi * phi) * y[0]! ** 2 + y.slice(1).reduce((a, v, i) => a + (v - phi * y[i]!) ** 2, 0);
    const n = y.length;
    const expected = -0.5 * n * Math.log((2 * Math.PI * s) / n) + 0.5 * Math.log(1 - phi * phi) - n / 2;
    expect(armaLikelihood(y, [phi], [])!.loglik).toBeCloseTo(expected, 10);
  });
  it('autocovariances of an ARMA(1,1) as the closed form; a non-stationary AR part has none', () => {
    // γ(0) = (1 + 2φθ + θ²)/(1 − φ²), γ(1) = (1 + φθ)(φ + θ)/(1 − φ²), γ(k) = φ γ(k − 1) (Brockwell & Davis, ex. 3.3.1).
    const [phi, theta] = [0.5, 0.3];
    const g = armaAutocovariances([phi], [theta], 3)!;
    expect(g[0]).toBeCloseTo((1 + 2 * phi * theta + theta * theta) / (1 - phi * phi), 12);
    expect(g[1]).toBeCloseTo(((1 + phi * theta) * (phi + theta)) / (1 - phi * phi), 12);
    expect(g[3]).toBeCloseTo(phi * phi * g[1]!, 12);
    expect(armaLikelihood(LH, [1.2], [])).toBeUndefined();
  });
});
