/**
 * auto.arima's refusal of near-unit roots (R forecast's `myarima`: a fitted AR or MA polynomial with a root of modulus
 * below 1.01 is not accepted) on the real IOM DTM monthly sea arrivals (log(1 + x)), where it decides the model.
 * Expected values are R 4.2.2, forecast 8.20: auto.arima(ts(log1p(x), frequency = 12)) and Arima(…).
 */
import { describe, expect, it } from 'vitest';
import { realText } from '../../../test/helpers/data-folder.ts';
import { arimaName, fitArima, nearUnitRoot } from './arima.ts';
import { autoArima } from './auto-arima.ts';
import { toModelScale } from './transform.ts';

function seaArrivals(geo: string, from: string, months: number): number[] {
  const rows = realText('iom_dtm/mediterranean_arrivals_monthly.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter(([g, , month, , type]) => g === geo && type === 'monthly' && month! >= from)
    .sort((a, b) => a[2]!.localeCompare(b[2]!));
  expect(rows[0]![2]).toBe(from);
  return toModelScale(rows.slice(0, months).map((r) => Number(r[3])));
}

describe('auto.arima refuses near-unit roots, as R', () => {
  it('Greece, 84 months from 2015-01: R picks ARIMA(0,1,0); a (2,1,2) with drift has a lower AICc but a root below 1.01', () => {
    const y = seaArrivals('EL', '2015-01', 84);
    const fit = autoArima(y, 12, true);
    expect(arimaName(fit.order, 12)).toBe('ARIMA(0,1,0)');
    // R: log likelihood = -75.98, AICc = 154.01
    expect(fit.loglik).toBeCloseTo(-75.982, 2);
    expect(fit.aicc).toBeCloseTo(154.013, 2);
    const refused = fitArima(y, { p: 2, d: 1, q: 2, P: 0, D: 0, Q: 0, constant: true }, 12)!;
    expect(refused.aicc).toBeLessThan(fit.aicc);
    expect(nearUnitRoot(refused)).toBe(true);
  });

  it('Spain, 48 months from 2015-01: R picks ARIMA(0,1,1)(1,0,0)[12]', () => {
    const fit = autoArima(seaArrivals('ES', '2015-01', 48), 12, true);
    expect(arimaName(fit.order, 12)).toBe('ARIMA(0,1,1)(1,0,0)[12]');
    expect(fit.aicc).toBeCloseTo(108.404, 2);
  });

  it('Italy, 48 months from 2014-01: the seasonal MA is estimated inside the unit circle, where the likelihood is higher', () => {
    const y = seaArrivals('IT', '2014-01', 48);
    // R Arima(y, c(1,0,0), c(0,1,1)): ar1 0.4976, sma1 -0.6689, log likelihood -32.18, AICc 71.12. Conditional sum of
    // squares puts sma1 at −1, where the simplex alone would stay.
    const fit = fitArima(y, { p: 1, d: 0, q: 0, P: 0, D: 1, Q: 1, constant: false }, 12)!;
    expect(fit.ar[0]).toBeCloseTo(0.4976, 3);
    expect(fit.sma[0]).toBeCloseTo(-0.6689, 3);
    expect(fit.aicc).toBeCloseTo(71.1197, 3);
    expect(nearUnitRoot(fit)).toBe(false);
    expect(arimaName(autoArima(y, 12, true).order, 12)).toBe('ARIMA(1,0,0)(0,1,1)[12]');
  });
});
