import { describe, expect, it } from 'vitest';
import { fitArima, forecastArima } from './arima.ts';
import { autoArima } from './auto-arima.ts';
import { maxRelativeDifference, rReference } from './r-reference.ts';

describe('ARIMA by conditional sum of squares against R Arima(method = "CSS")', () => {
  it('airline model on log AirPassengers: coefficients, variance and forecasts', () => {
    const r = rReference('log_AirPassengers');
    const fit = fitArima(r.y, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, constant: false }, 12)!;
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
    const fit = fitArima(r.y, { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, constant: false }, 1)!;
    expect(fit.ar[0]).toBeCloseTo(r.css.coef[0]!, 4);
    expect(fit.ma[0]).toBeCloseTo(r.css.coef[1]!, 4);
    const f = forecastArima(fit, 10);
    expect(maxRelativeDifference(f.mean, r.css.mean)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.hi95, r.css.hi95)).toBeLessThan(1e-3);
  });
});

describe('automatic order selection against R auto.arima', () => {
  it('finds the airline model for log AirPassengers and forecasts within 0.1 % of R', () => {
    const r = rReference('log_AirPassengers');
    const f = forecastArima(autoArima(r.y, 12), 12);
    expect(f.model).toBe(r.arima.model);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(1e-3);
    expect(maxRelativeDifference(f.hi95, r.arima.hi95)).toBeLessThan(5e-3);
  });
  it('finds ARIMA(1,1,1) for WWWusage', () => {
    const r = rReference('WWWusage');
    const f = forecastArima(autoArima(r.y, 1, false), 10);
    expect(f.model).toBe(r.arima.model);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(2e-3);
  });
  it('forecasts log USAccDeaths within 0.5 % of R (R picks (0,1,1)(0,1,1) by exact likelihood, CSS may add a seasonal AR term)', () => {
    const r = rReference('log_USAccDeaths');
    const f = forecastArima(autoArima(r.y, 12), 12);
    expect(f.model).toMatch(/^ARIMA\(0,1,1\)\([01],1,1\)\[12\]$/);
    expect(maxRelativeDifference(f.mean, r.arima.mean)).toBeLessThan(5e-3);
  });
});
