import { describe, expect, it } from 'vitest';
import { thinTicks } from './ticks.ts';

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('thinTicks', () => {
  it('keeps every period when they fit', () => {
    expect(thinTicks(years(2020, 2024), 400)).toEqual(years(2020, 2024));
  });

  it('keeps every k-th period from the first when they do not, never more than fit', () => {
    const ticks = thinTicks(years(1997, 2024), 420);
    expect(ticks[0]).toBe('1997');
    expect(ticks.length).toBeLessThanOrEqual(Math.floor((420 - 80) / 36));
    const step = Number(ticks[1]) - Number(ticks[0]);
    expect(step).toBeGreaterThan(1);
    expect(ticks.every((t, i) => Number(t) === 1997 + i * step)).toBe(true);
  });

  it('gives longer labels (months) more room', () => {
    const months = Array.from({ length: 24 }, (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    expect(thinTicks(months, 600).length).toBeLessThan(thinTicks(years(2001, 2024), 600).length);
  });
});
