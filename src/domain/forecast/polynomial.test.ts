import { describe, expect, it } from 'vitest';
import { hasRootWithin } from './polynomial.ts';

// Smallest root moduli by R: min(Mod(polyroot(p))).
const CASES: { poly: number[]; minRoot: number; what: string }[] = [
  { poly: [1, -1.5, 0.56], minRoot: 1.25, what: 'two real roots, 1.25 and 1.43' },
  { poly: [1, 0.5, 0.9], minRoot: 1.054093, what: 'a complex pair' },
  { poly: [1, ...Array<number>(11).fill(0), -0.99], minRoot: 1.000838, what: 'a seasonal AR of 0.99 (twelve roots)' },
  { poly: [1, ...Array<number>(11).fill(0), -0.8], minRoot: 1.018769, what: 'a seasonal AR of 0.8' },
  { poly: [1, -0.3, ...Array<number>(10).fill(0), -0.5, 0.15], minRoot: 1.059463, what: '(1 − 0.3B)(1 − 0.5B¹²) expanded' },
];

describe('hasRootWithin (Schur–Cohn step-down) against R polyroot', () => {
  for (const c of CASES) {
    it(`${c.what}: a root within ${c.minRoot} · 1.001, none within ${c.minRoot} · 0.999`, () => {
      expect(hasRootWithin(c.poly, c.minRoot * 1.001)).toBe(true);
      expect(hasRootWithin(c.poly, c.minRoot * 0.999)).toBe(false);
    });
  }
  it('a root on the radius counts, and a polynomial without roots has none within any radius', () => {
    expect(hasRootWithin([1, -1], 1)).toBe(true);
    expect(hasRootWithin([1], 100)).toBe(false);
    expect(hasRootWithin([1, 0, 0], 100)).toBe(false);
  });
});
