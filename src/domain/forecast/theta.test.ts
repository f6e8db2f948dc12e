import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxRelativeDifference } from '../../../test/helpers/r-reference.ts';
import { autocorrelations, theta, thetaSeasonal } from './theta.ts';

interface ThetaReference { frequency: number; y: number[]; alpha: number; drift: number; acf: number[]; mean: number[]; lo80: number[]; hi95: number[] }
/** R forecast's thetaf on R's datasets (test/data/forecast/theta-reference.R). */
const reference = JSON.parse(readFileSync(new URL('../../../test/data/forecast/theta-reference.json', import.meta.url), 'utf8')) as Record<string, ThetaReference>;
const names = ['log_AirPassengers', 'log_USAccDeaths', 'log_UKDriverDeaths', 'WWWusage'] as const;

describe('Theta method against R thetaf()', () => {
  it.each(names)('%s: autocorrelations as R acf()', (name) => {
    const r = reference[name]!;
    expect(maxRelativeDifference(autocorrelations(r.y, r.frequency), r.acf)).toBeLessThan(1e-8);
  });
  it.each(names)('%s: forecasts and intervals within 0.01 % of R', (name) => {
    const r = reference[name]!;
    const f = theta(r.y, r.mean.length, r.frequency);
    expect(maxRelativeDifference(f.mean, r.mean)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.lo80, r.lo80)).toBeLessThan(1e-4);
    expect(maxRelativeDifference(f.hi95, r.hi95)).toBeLessThan(1e-4);
  });
  it('seasonally adjusts only when the lag-12 autocorrelation is significant', () => {
    expect(thetaSeasonal(reference.log_AirPassengers!.y, 12)).toBe(true);
    expect(thetaSeasonal(reference.WWWusage!.y, 1)).toBe(false);
    expect(thetaSeasonal(new Array<number>(40).fill(3), 12)).toBe(false);
  });
  it('falls back to no seasonal adjustment when runs of zeros make the seasonal indices undefined', () => {
    const y = Array.from({ length: 120 }, (_, t) => (t < 13 ? 0 : 5 + 3 * Math.sin((2 * Math.PI * t) / 12)));
    const f = theta(y, 12);
    expect(f.mean.every(Number.isFinite)).toBe(true);
    expect(f.hi95.every(Number.isFinite)).toBe(true);
  });
  it('refuses fewer than three observations', () => {
    expect(() => theta([1, 2], 4)).toThrow(RangeError);
  });
});
