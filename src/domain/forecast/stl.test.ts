import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seasonalStrength, stl } from './stl.ts';
import { nsdiffs } from './unit-root.ts';

interface StlReference { frequency: number; y: number[]; seasonal: number[]; trend: number[]; strength: number; nsdiffs: number }
/** R's stl(s.window = 11) and forecast's seas.heuristic and nsdiffs on R's datasets (test/data/forecast/stl-reference.R). */
const reference = JSON.parse(readFileSync(new URL('../../../test/data/forecast/stl-reference.json', import.meta.url), 'utf8')) as Record<string, StlReference>;
const names = Object.keys(reference).filter((k) => k !== '_note');
const maxAbs = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('STL against R stl()', () => {
  it.each(names)('%s: seasonal and trend components within 1e-7 of R', (name) => {
    const r = reference[name]!;
    const f = stl(r.y, r.frequency, { sWindow: 11 });
    expect(maxAbs(f.seasonal, r.seasonal)).toBeLessThan(1e-7);
    expect(maxAbs(f.trend, r.trend)).toBeLessThan(1e-7);
    expect(maxAbs(f.remainder, r.y.map((v, i) => v - r.seasonal[i]! - r.trend[i]!))).toBeLessThan(1e-7);
  });
  it.each(names)('%s: seasonal strength and nsdiffs as R forecast', (name) => {
    const r = reference[name]!;
    expect(seasonalStrength(r.y, r.frequency)).toBeCloseTo(r.strength, 8);
    expect(nsdiffs(r.y, r.frequency)).toBe(r.nsdiffs);
  });
  it('needs more than two periods; the seasonal strength is then 0', () => {
    const y = Array.from({ length: 24 }, (_, t) => Math.sin((2 * Math.PI * t) / 12));
    expect(() => stl(y, 12, { sWindow: 11 })).toThrow(RangeError);
    expect(seasonalStrength(y, 12)).toBe(0);
  });
});
