import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion } from './apportion.ts';

describe('apportion (largest remainder)', () => {
  it('gives the leftover unit to the largest remainder, ties to the earlier entry', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [0.505, 0.495])).toEqual([51, 49]);
    expect(apportion(7, [5, 3, 2])).toEqual([4, 2, 1]);
  });
  it('keeps zero weights at zero and refuses impossible input', () => {
    expect(apportion(5, [0, 2, 0])).toEqual([0, 5, 0]);
    expect(apportion(0, [])).toEqual([]);
    expect(() => apportion(5, [0, 0])).toThrow(RangeError);
    expect(() => apportion(5, [1, -1])).toThrow(RangeError);
    expect(() => apportion(2.5, [1])).toThrow(RangeError);
  });
  it('always sums to the total and each part is within one unit of its exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = apportion(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          const quota = (total * weights[i]!) / sum;
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(p).toBeLessThanOrEqual(Math.ceil(quota));
        });
      }),
    );
  });
});
