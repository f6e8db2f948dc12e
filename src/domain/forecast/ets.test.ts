import { describe, expect, it } from 'vitest';
import { autoEts, etsCandidates, fitEts, forecastEts } from './ets.ts';
import { maxRelativeDifference, rReference } from '../../../test/helpers/r-reference.ts';

describe('ETS against R ets()', () => {
  it('chooses ETS(M,A,M) for log AirPassengers and forecasts within 1.5 % of R', () => {
    const r = rReference('log_AirPassengers');
    const f = forecastEts(autoEts(r.y, 12), 12);
    expect(f.model).toBe(r.ets.model);
    expect(maxRelativeDifference(f.mean, r.ets.mean)).toBeLessThan(0.015);
    expect(maxRelativeDifference(f.hi95, r.ets.hi95)).toBeLessThan(0.02);
  });
  it('chooses the damped trend ETS(A,Ad,N) for WWWusage', () => {
    const r = rReference('WWWusage');
    const f = forecastEts(autoEts(r.y, 1, false), 10);
    expect(f.model).toBe(r.ets.model);
    expect(maxRelativeDifference(f.mean, r.ets.mean)).toBeLessThan(0.01);
    expect(maxRelativeDifference(f.lo95, r.ets.lo95)).toBeLessThan(0.03);
  });
  it('forecasts log USAccDeaths within 1 % of R', () => {
    const r = rReference('log_USAccDeaths');
    const f = forecastEts(autoEts(r.y, 12), 12);
    expect(maxRelativeDifference(f.mean, r.ets.mean)).toBeLessThan(0.01);
  });
  it('considers the 15 default combinations and skips multiplicative ones for data with zeros', () => {
    expect(etsCandidates(true)).toHaveLength(15);
    expect(etsCandidates(false)).toHaveLength(6);
    const withZero = [0, ...rReference('WWWusage').y.slice(1)];
    expect(fitEts(withZero, { error: 'M', trend: 'N', season: 'N' }, 1)).toBeUndefined();
    expect(fitEts(withZero, { error: 'A', trend: 'N', season: 'N' }, 1)).toBeDefined();
  });
  it('is deterministic, intervals included', () => {
    const r = rReference('log_USAccDeaths');
    expect(forecastEts(autoEts(r.y, 12), 12)).toEqual(forecastEts(autoEts(r.y, 12), 12));
  });
});
