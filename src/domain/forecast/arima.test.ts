import { describe, expect, it } from 'vitest';
import { arimaName, fitArima, forecastArima } from './arima.ts';
import { autoArima } from './auto-arima.ts';
import { maxRelativeDifference, rReference } from '../../../test/helpers/r-reference.ts';

describe('ARIMA by conditional sum of squares against R Arima(method = "CSS")', () => {
  it('airline model on log AirPassengers: coefficients, variance and forecasts', () => {
    const r = rReference('log_AirPassengers');
    const fit = fitArima(r.y, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, constant: false }, 12, undefined, 'CSS')!;
    expect(fit.ma[0]).toBeCloseTo(r.css.coef[0]!, 4);
    expect(fit.sma[0]).toBeCloseTo(r.css.coef[1]!, 4);
    expect(fit.sigma2 / r.css.sigma2).toBeCloseTo(1, 4);
    const f = forecastArima(fit, 12);
    expect(maxRelativeDifference(f.mean, r.css.mean)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.lo95, r.css.lo95)).toBeLessThan(1e-3);
    expect(maxRelativeDifference(f.hi95, r.css.hi95)).toBeLessThan(1e-3);
  });
  it('ARIMA(1,1,1) on WWWusage', () => {
    const r = rReference('WWWusage');
    const fit = fitArima(r.y, { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, constant: false }, 1, undefined, 'CSS')!;
    expect(fit.ar[0]).toBeCloseTo(r.css.coef[0]!, 4);
    expect(fit.ma[0]).toBeCloseTo(r.css.coef[1]!, 4);
    const f = forecastArima(fit, 10);
    expect(maxRelativeDifference(f.mean, r.css.mean)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.hi95, r.css.hi95)).toBeLessThan(1e-3);
  });
});

/** R's `lh` (datasets), 48 values. */
const LH = [
  2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2.0, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7, 2.2, 2.2, 1.9, 1.9, 1.8, 2.7, 3.0,
  2.3, 2.0, 2.0, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4, 1.8, 1.7, 1.5, 1.4, 2.1, 3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3.0, 2.9,
];

/**
 * Against R 4.2's exact maximum likelihood (stats::arima, method "ML"). sigma2 there is the ML estimate Σv²/F / n; ours
 * is R forecast's n/(n − k) multiple of it (for the intervals), so it is compared after undoing that factor. The CSS
 * estimates differ from these by 10⁻³ to 10⁻² in the coefficients and by 0.3 or more in the log-likelihood.
 */
describe('ARIMA by exact maximum likelihood (CSS-ML) against R stats::arima', () => {
  const mlSigma2 = (fit: { sigma2: number; w: number[] }, k: number) => (fit.sigma2 * (fit.w.length - k)) / fit.w.length;
  it('AR(1) with mean on lh', () => {
    // arima(lh, order = c(1, 0, 0), method = "ML"): ar1 0.573936980049, intercept 2.413264323253,
    // loglik -29.3791624033, sigma2 0.197489463094
    const fit = fitArima(LH, { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, constant: true }, 1)!;
    expect(fit.ar[0]).toBeCloseTo(0.573936980049, 3);
    expect(fit.mu).toBeCloseTo(2.413264323253, 3);
    expect(fit.loglik).toBeCloseTo(-29.3791624033, 6);
    expect(mlSigma2(fit, 2) / 0.197489463094).toBeCloseTo(1, 4);
  });
  it('ARMA(1,1) with mean on lh', () => {
    // arima(lh, order = c(1, 0, 1), method = "ML"): ar1 0.452180344948, ma1 0.198191218719, intercept 2.410080461551,
    // loglik -28.7620332065, sigma2 0.192312145597
    const fit = fitArima(LH, { p: 1, d: 0, q: 1, P: 0, D: 0, Q: 0, constant: true }, 1)!;
    expect(fit.ar[0]).toBeCloseTo(0.452180344948, 3);
    expect(fit.ma[0]).toBeCloseTo(0.198191218719, 3);
    expect(fit.mu).toBeCloseTo(2.410080461551, 3);
    expect(fit.loglik).toBeCloseTo(-28.7620332065, 6);
    expect(mlSigma2(fit, 3) / 0.192312145597).toBeCloseTo(1, 4);
  });
  it('the airline model on log AirPassengers', () => {
    // The exact likelihood of the differenced series:
    // arima(diff(diff(log(AirPassengers), 12)), order = c(0, 0, 1), seasonal = list(order = c(0, 0, 1), period = 12),
    //       include.mean = FALSE, method = "ML"): ma1 -0.401822765871, sma1 -0.556936207950, loglik 244.696486833,
    //       sigma2 1.34809905679e-03.
    // R's arima on the undifferenced series (order = c(0, 1, 1), seasonal = c(0, 1, 1)) gives ma1 -0.401826782408,
    // sma1 -0.556946638277, loglik 244.699530597: its diffuse prior (kappa = 1e6) for the differenced-out states only
    // approximates the differenced series' likelihood, which it reaches as kappa grows (kappa = 1e10: 244.512049 at
    // the coefficients −0.4, −0.6, as ./arma-likelihood.test.ts).
    const fit = fitArima(rReference('log_AirPassengers').y, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, constant: false }, 12)!;
    expect(fit.ma[0]).toBeCloseTo(-0.401822765871, 3);
    expect(fit.sma[0]).toBeCloseTo(-0.55693620795, 3);
    expect(fit.loglik).toBeCloseTo(244.696486833, 5);
    expect(mlSigma2(fit, 2) / 1.34809905679e-3).toBeCloseTo(1, 4);
  });
  it('ARIMA(1,1,1) with drift on WWWusage, AICc and variance as R forecast', () => {
    // forecast::Arima(WWWusage, order = c(1, 1, 1), include.drift = TRUE, method = "ML"): ar1 0.634358383011,
    // ma1 0.529704065415, drift 1.120387965914, loglik -253.78965522, sigma2 10.0300618266, aicc 516.004842355
    // (the drift regression on t = 1…n is the mean of the differenced series; the loglik differs from ours by R's
    // diffuse prior, 5·10⁻⁵ here).
    const fit = fitArima(rReference('WWWusage').y, { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, constant: true }, 1)!;
    expect(fit.ar[0]).toBeCloseTo(0.634358383011, 3);
    expect(fit.ma[0]).toBeCloseTo(0.529704065415, 3);
    expect(fit.mu).toBeCloseTo(1.120387965914, 3);
    expect(fit.loglik).toBeCloseTo(-253.78965522, 3);
    expect(fit.aicc).toBeCloseTo(516.004842355, 3);
    expect(fit.sigma2 / 10.0300618266).toBeCloseTo(1, 4);
  });
  it('is deterministic', () => {
    const y = rReference('log_USAccDeaths').y;
    const order = { p: 1, d: 0, q: 1, P: 1, D: 1, Q: 1, constant: true };
    expect(fitArima(y, order, 12)).toEqual(fitArima(y, order, 12));
  });
});

describe('automatic order selection against R auto.arima (which fits by CSS-ML)', () => {
  it('finds the airline model for log AirPassengers and forecasts within 0.001 % of R (intervals 0.01 %)', () => {
    const r = rReference('log_AirPassengers');
    const f = forecastArima(autoArima(r.y, 12), 12);
    expect(f.model).toBe(r.arima.model);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(1e-5);
    expect(maxRelativeDifference(f.hi95, r.arima.hi95)).toBeLessThan(1e-4);
  });
  it('finds ARIMA(1,1,1) for WWWusage', () => {
    const r = rReference('WWWusage');
    const f = forecastArima(autoArima(r.y, 1, false), 10);
    expect(f.model).toBe(r.arima.model);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(1e-5);
    expect(maxRelativeDifference(f.hi95, r.arima.hi95)).toBeLessThan(1e-4);
  });
  it('finds R\'s (0,1,1)(0,1,1) for log USAccDeaths by the exact likelihood and forecasts within 0.01 % of R', () => {
    const r = rReference('log_USAccDeaths');
    const f = forecastArima(autoArima(r.y, 12), 12);
    expect(f.model).toBe(r.arima.model);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.hi95, r.arima.hi95)).toBeLessThan(5e-4);
  });
});

describe('arimaName', () => {
  it("writes the model as R forecast's arima.string does", () => {
    const o = { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0 };
    expect(arimaName({ ...o, constant: true }, 12)).toBe('ARIMA(1,0,0) with non-zero mean');
    expect(arimaName({ ...o, constant: false }, 12)).toBe('ARIMA(1,0,0) with zero mean');
    expect(arimaName({ ...o, d: 1, constant: true }, 12)).toBe('ARIMA(1,1,0) with drift');
    expect(arimaName({ ...o, d: 1, constant: false, Q: 1 }, 12)).toBe('ARIMA(1,1,0)(0,0,1)[12]');
    expect(arimaName({ ...o, D: 1, constant: false, Q: 1 }, 12)).toBe('ARIMA(1,0,0)(0,1,1)[12]');
  });
});
