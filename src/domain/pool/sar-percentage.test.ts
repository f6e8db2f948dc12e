import { describe, expect, it } from 'vitest';
import { sarIndicativePercentage } from './sar-percentage.ts';

describe('the indicative search-and-rescue percentage (Art 12(5))', () => {
  it('is absent when no state is under pressure on the Art 11(3) ground', () => {
    expect(sarIndicativePercentage([{ code: 'EL', sarGround: false, arrivals: 50_000 }])).toBeUndefined();
    expect(sarIndicativePercentage([])).toBeUndefined();
  });

  it("is the SAR states' share of the arrivals of all states under pressure, in whole percent", () => {
    const p = sarIndicativePercentage([
      { code: 'IT', sarGround: true, arrivals: 66_000 },
      { code: 'MT', sarGround: true, arrivals: 1_000 },
      { code: 'EL', sarGround: false, arrivals: 60_000 },
      { code: 'ES', sarGround: false, arrivals: 63_000 },
    ])!;
    expect(p.percentage).toBe(35); // 67,000 / 190,000 = 35.26 %
    expect(p.sarStates).toEqual(['IT', 'MT']);
    expect(p.basis).toMatch(/IT, MT/);
  });

  it('leaves unknown arrivals out of both sums and says so; all SAR and nothing known is the whole pool', () => {
    const p = sarIndicativePercentage([
      { code: 'IT', sarGround: true, arrivals: 30 },
      { code: 'CY', sarGround: false, arrivals: null },
      { code: 'EL', sarGround: false, arrivals: 70 },
    ])!;
    expect(p.percentage).toBe(30);
    expect(p.basis).toMatch(/no arrivals figure for CY/);
    expect(sarIndicativePercentage([{ code: 'IT', sarGround: true, arrivals: null }])!.percentage).toBe(100);
  });
});
