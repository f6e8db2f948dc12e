import { describe, expect, it } from 'vitest';
import { drift, naive, seasonalNaive } from './naive.ts';
import { maxRelativeDifference, rReference } from '../../../test/helpers/r-reference.ts';

describe('benchmark methods against R forecast 8.20', () => {
  for (const name of ['log_AirPassengers', 'log_USAccDeaths'] as const) {
    it(`seasonal naive on ${name} equals snaive()`, () => {
      const r = rReference(name);
      const f = seasonalNaive(r.y, 12, 12);
      expect(maxRelativeDifference(f.mean, r.snaive.mean)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.lo80, r.snaive.lo80)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.hi95, r.snaive.hi95)).toBeLessThan(1e-8);
    });
  }
  for (const name of ['log_AirPassengers', 'WWWusage'] as const) {
    it(`drift on ${name} equals rwf(drift = TRUE)`, () => {
      const r = rReference(name);
      const f = drift(r.y, r.drift.mean.length);
      expect(maxRelativeDifference(f.mean, r.drift.mean)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.lo80, r.drift.lo80)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.hi95, r.drift.hi95)).toBeLessThan(1e-8);
    });
  }
  for (const name of ['log_AirPassengers', 'log_USAccDeaths', 'WWWusage'] as const) {
    it(`naive on ${name} equals naive() (rwf without drift)`, () => {
      const r = rReference(name);
      const f = naive(r.y, r.naive.mean.length);
      expect(f.model).toBe('NAIVE');
      expect(maxRelativeDifference(f.mean, r.naive.mean)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.lo80, r.naive.lo80)).toBeLessThan(1e-8);
      expect(maxRelativeDifference(f.hi95, r.naive.hi95)).toBeLessThan(1e-8);
    });
  }
  it('naive: the last value, intervals widening with sqrt(h)', () => {
    // one-step differences 2, -1, 3: sigma = sqrt((4 + 1 + 9) / 3)
    const f = naive([10, 12, 11, 14], 4);
    const sigma = Math.sqrt(14 / 3);
    expect(f.mean).toEqual([14, 14, 14, 14]);
    for (let i = 0; i < 4; i++) expect(f.hi95[i]! - f.mean[i]!).toBeCloseTo(1.959963984540054 * sigma * Math.sqrt(i + 1), 12);
    expect(() => naive([1], 3)).toThrow(RangeError);
  });
  it('refuses a series shorter than one season', () => {
    expect(() => seasonalNaive([1, 2, 3], 3, 12)).toThrow(RangeError);
  });
});
