import fc from 'fast-check';
import { note } from '../note.ts';
import { noteText } from '../../notes/index.ts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { forecastCounts, MODELS } from './models.ts';
import { rReference } from '../../../test/helpers/r-reference.ts';

const airPassengers = rReference('log_AirPassengers').y.map((v) => Math.round(Math.exp(v)));

describe('forecastCounts', () => {
  it('combines ETS, Theta and seasonal naive for a long series, as the mean of their forecasts on log(1 + x)', () => {
    const f = forecastCounts(airPassengers, 12);
    expect(f.model).toBe('COMBINATION(ETS(M,A,M), THETA, SNAIVE)');
    expect(f.fallback).toBeUndefined();
    const parts = (['ets', 'theta', 'snaive'] as const).map((m) => forecastCounts(airPassengers, 12, m));
    for (let i = 0; i < 12; i++) {
      expect(f.mean[i]).toBeCloseTo(Math.expm1(parts.reduce((a, p) => a + Math.log1p(p.mean[i]!), 0) / 3), 6);
    }
  });
  it('offers naive, which repeats the last month, and seasonal naive, which repeats the same month a year before', () => {
    const rw = forecastCounts(airPassengers, 12, 'naive');
    const sn = forecastCounts(airPassengers, 12, 'snaive');
    expect(rw.model).toBe('NAIVE');
    for (let i = 0; i < 12; i++) {
      expect(rw.mean[i]).toBeCloseTo(airPassengers.at(-1)!, 6);
      expect(sn.mean[i]).toBeCloseTo(airPassengers.at(-12 + i)!, 6);
    }
  });
  it('says so when a short series gets non-seasonal models or drift', () => {
    expect(forecastCounts(airPassengers.slice(0, 24), 12).fallback).toEqual(note('forecast.fallback.nonSeasonal', { months: 24, min: 36, model: 'combination' }));
    const tiny = forecastCounts([5, 7, 9], 4);
    expect(tiny.model).toBe('DRIFT');
    expect(noteText(tiny.fallback!)).toMatch(/^only 3 months/);
  });
  it('refuses fewer than two months with an InputError', () => {
    expect(() => forecastCounts([4], 12)).toThrow(InputError);
  });
  it('keeps every model’s forecasts and bounds non-negative and ordered, including for series of zeros', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5000 }), { minLength: 40, maxLength: 60 }), fc.constantFrom(...MODELS), (counts, model) => {
        const f = forecastCounts(counts, 6, model);
        for (let i = 0; i < 6; i++) {
          expect(f.lo95[i]).toBeGreaterThanOrEqual(0);
          expect(f.lo95[i]!).toBeLessThanOrEqual(f.lo80[i]! + 1e-9);
          expect(f.lo80[i]!).toBeLessThanOrEqual(f.mean[i]! + 1e-9);
          expect(f.mean[i]!).toBeLessThanOrEqual(f.hi80[i]! + 1e-9);
          expect(f.hi80[i]!).toBeLessThanOrEqual(f.hi95[i]! + 1e-9);
        }
      }),
      { numRuns: 25, seed: 7 },
    );
    const zeros = forecastCounts(new Array<number>(48).fill(0), 12);
    expect(zeros.mean.every((v) => v === 0)).toBe(true);
  });
});
