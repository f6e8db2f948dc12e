/**
 * Which implementing act on adequate capacity is in force, and which three years of data it rests on.
 *
 * APR Art 47(5): the Commission sets each Member State's adequate capacity by implementing act, the first on
 * 12 August 2024 (adopted as Decision (EU) 2024/2150 of 5 August 2024, data 1 Jan 2021 – 31 Dec 2023, applying
 * 12 June 2026 – 14 October 2027), then by 15 October every three years, each on the previous three calendar years.
 * Art 47(1): the annual maximum of applications to examine in the border procedure is 2× the capacity from
 * 12 June 2026, 3× from 13 June 2027, 4× from 13 June 2028.
 */

export const APR_APPLIES_FROM = '2026-06-12'; // APR Art 79(2)

export interface CapacityAct {
  /** The act's name where known (the first), otherwise a description of the act due. */
  name: string;
  adoptedBy: string;
  /** The previous three calendar years (APR Art 47(4)). */
  window: { from: string; to: string };
  appliesFrom: string;
  appliesTo: string;
}

const FIRST: CapacityAct = {
  name: 'Commission Implementing Decision (EU) 2024/2150',
  adoptedBy: '2024-08-12',
  window: { from: '2021-01-01', to: '2023-12-31' },
  appliesFrom: APR_APPLIES_FROM,
  appliesTo: '2027-10-14',
};

/** The n-th act (0 = Decision 2024/2150; then every three years, adopted by 15 October). */
export function capacityAct(n: number): CapacityAct {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`act index must be a non-negative integer, got ${n}`);
  if (n === 0) return FIRST;
  const year = 2024 + 3 * n;
  return {
    name: `implementing act due by 15 October ${year} (APR Art 47(5))`,
    adoptedBy: `${year}-10-15`,
    window: { from: `${year - 3}-01-01`, to: `${year - 1}-12-31` },
    appliesFrom: `${year}-10-15`,
    appliesTo: `${year + 3}-10-14`,
  };
}

/** The act in force on an ISO date; null before the APR applies. */
export function capacityActOn(date: string): CapacityAct | null {
  if (date < APR_APPLIES_FROM) return null;
  for (let n = 0; ; n++) {
    const act = capacityAct(n);
    if (date <= act.appliesTo) return act;
  }
}

/**
 * The act that governs a calendar year: the one in force on the first day of that year on which the APR applies
 * (1 January, or 12 June 2026 for 2026).
 */
export function capacityActForYear(year: number): CapacityAct {
  if (!Number.isInteger(year) || year < 2026) throw new RangeError(`the border procedure's capacity applies from 2026; got ${year}`);
  const first = year === 2026 ? APR_APPLIES_FROM : `${year}-01-01`;
  return capacityActOn(first)!;
}

const MULTIPLIER_STEPS = [
  { from: '2028-06-13', multiplier: 4 },
  { from: '2027-06-13', multiplier: 3 },
  { from: '2026-06-12', multiplier: 2 },
] as const;

/** Art 47(1): the factor on capacity giving the annual maximum on a date; null before 12 June 2026. */
export function annualMaximumMultiplier(date: string): { multiplier: number; from: string } | null {
  const step = MULTIPLIER_STEPS.find((s) => date >= s.from);
  return step ? { multiplier: step.multiplier, from: step.from } : null;
}

/** The highest multiplier reached during a calendar year, with the date it is reached. */
export function annualMaximumMultiplierInYear(year: number): { multiplier: number; from: string } | null {
  return annualMaximumMultiplier(`${year}-12-31`);
}
