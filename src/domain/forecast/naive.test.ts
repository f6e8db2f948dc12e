import { describe, expect, it } from 'vitest';
import { drift, seasonalNaive } from './naive.ts';
import { maxRelativeDifference, rReference } from './r-reference.ts';

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
  it('refuses a series shorter than one season', () => {
    expect(() => seasonalNaive([1, 2, 3], 3, 12)).toThrow(RangeError);
  });
});
