/**
 * Adequate capacity for the asylum border procedure (Regulation (EU) 2024/1348, APR, Arts 46–47).
 *
 * Art 46: the Union's adequate capacity is 30,000 persons at any moment. Art 47(4): each Member State's share is
 * `30,000 × (IBC + SAR + REF) / (ΣIBC + ΣSAR + ΣREF)` over the previous three years: irregular crossings of the
 * external border, arrivals after search and rescue operations, and refusals of entry at the external border.
 * Art 47(1): the annual maximum is a multiple of the capacity (see capacity-acts.ts).
 *
 * A component that is unknown for a state is never taken as zero: the state's figure stays null. A component known
 * for no state is left out of the formula, and a component known for only some states is used for those, and the
 * result says which — the reader decides what that is worth.
 */
import { apportion } from '../apportion.ts';
import type { MemberStateCode } from '../member-states.ts';

/** APR Art 46. */
export const UNION_ADEQUATE_CAPACITY = 30_000;

export const CAPACITY_COMPONENTS = ['crossings', 'sar', 'refusals'] as const;
export type CapacityComponent = (typeof CAPACITY_COMPONENTS)[number];

export interface CapacityInput {
  code: MemberStateCode;
  /** Irregular crossings of the external border over the window; null when unknown. */
  crossings: number | null;
  /** Arrivals after search and rescue operations; null when unknown. */
  sar: number | null;
  /** Refusals of entry at the external border; null when unknown. */
  refusals: number | null;
}

export interface CapacityRow extends CapacityInput {
  /** The state's share of the Union total of the components used (0–1). */
  share: number;
  capacity: number;
  annualMaximum: number | null;
}

export interface ComponentUse {
  component: CapacityComponent;
  /** `complete`: known for every state; `partial`: known for some, used for those; `absent`: left out. */
  status: 'complete' | 'partial' | 'absent';
  unknownFor: MemberStateCode[];
  unionTotal: number | null;
}

export interface AdequateCapacityResult {
  unionCapacity: number;
  multiplier: number | null;
  components: ComponentUse[];
  states: CapacityRow[];
}

/** Art 47(4) over the states given, apportioned by largest remainder so that capacities add up to 30,000. */
export function computeAdequateCapacity(inputs: readonly CapacityInput[], multiplier: number | null): AdequateCapacityResult {
  const components: ComponentUse[] = CAPACITY_COMPONENTS.map((component) => {
    const unknownFor = inputs.filter((s) => s[component] === null).map((s) => s.code);
    const status = unknownFor.length === 0 ? 'complete' : unknownFor.length === inputs.length ? 'absent' : 'partial';
    const unionTotal = status === 'absent' ? null : inputs.reduce((a, s) => a + (s[component] ?? 0), 0);
    return { component, status, unknownFor, unionTotal };
  });
  const used = components.filter((c) => c.status !== 'absent').map((c) => c.component);
  // A state's weight is the sum of the components used for which it has a figure (Art 47(4) numerator).
  const weights = inputs.map((s) => used.reduce((a, c) => a + (s[c] ?? 0), 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new RangeError('no crossings, search-and-rescue arrivals or refusals of entry are known: adequate capacity cannot be shared');
  const capacities = apportion(UNION_ADEQUATE_CAPACITY, weights);
  return {
    unionCapacity: UNION_ADEQUATE_CAPACITY,
    multiplier,
    components,
    states: inputs.map((s, i) => ({
      ...s,
      share: weights[i]! / total,
      capacity: capacities[i]!,
      annualMaximum: multiplier === null ? null : multiplier * capacities[i]!,
    })),
  };
}
