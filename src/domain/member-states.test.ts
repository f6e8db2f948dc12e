import { describe, expect, it } from 'vitest';
import { EU27, SOLIDARITY_STATES, STATES, isKnownGeo, stateInfo, toIsoAlpha2 } from './member-states.ts';

describe('member states registry', () => {
  it('has 27 Member States and 26 bound by the solidarity mechanism, without Denmark but with Ireland', () => {
    expect(EU27).toHaveLength(27);
    expect(SOLIDARITY_STATES).toHaveLength(26);
    expect(SOLIDARITY_STATES).not.toContain('DK');
    expect(SOLIDARITY_STATES).toContain('IE');
  });
  it('binds the four associated states to Dublin only', () => {
    for (const code of ['IS', 'NO', 'CH', 'LI'] as const) {
      expect(stateInfo(code).instruments).toEqual(['dublin']);
      expect(stateInfo(code).eu).toBe(false);
    }
    expect(STATES.filter((s) => s.instruments.includes('dublin'))).toHaveLength(31);
  });
  it('uses Eurostat codes (EL for Greece) and maps to ISO', () => {
    expect(stateInfo('EL').nameEn).toBe('Greece');
    expect(toIsoAlpha2('EL')).toBe('GR');
    expect(isKnownGeo('GR')).toBe(false);
    expect(isKnownGeo('EU27_2020')).toBe(true);
  });
});
