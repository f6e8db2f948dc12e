/**
 * Solidarity measures and their euro value. Art 56(2): relocation, financial contributions and alternative
 * solidarity measures, all of equal value; responsibility offsets (Art 63) are a secondary-level measure that
 * counts towards the fair share (recital 33).
 */

/** Art 12(3): the ratio 30,000 relocations : EUR 600 million must be kept, i.e. EUR 20,000 per relocation. */
export const EURO_PER_RELOCATION = 20_000;

export type MeasureKind = 'relocation' | 'financial' | 'alternative' | 'offset';
export const MEASURE_KINDS: readonly MeasureKind[] = ['relocation', 'financial', 'alternative', 'offset'];

export type Measure =
  | { kind: 'relocation'; persons: number }
  | { kind: 'financial'; euros: number }
  /** Art 57(4): an alternative measure carries a financial value based on objective criteria. */
  | { kind: 'alternative'; description: string; euros: number }
  | { kind: 'offset'; persons: number };

/**
 * Amounts by type, each in its own unit: persons for relocations and offsets, euros for money and alternative
 * measures. Never summed across types except through `euroEquivalent`.
 */
export interface Amounts {
  relocations: number;
  financialEur: number;
  alternativeEur: number;
  offsets: number;
}

export const ZERO: Readonly<Amounts> = Object.freeze({ relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 });

export const zeroAmounts = (): Amounts => ({ relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 });

/** The field of `Amounts` a measure kind counts in. */
export const AMOUNT_FIELD: Record<MeasureKind, keyof Amounts> = {
  relocation: 'relocations',
  financial: 'financialEur',
  alternative: 'alternativeEur',
  offset: 'offsets',
};

/** The measure's amount in its own unit (persons or euros). */
export function measureAmount(m: Measure): number {
  return m.kind === 'relocation' || m.kind === 'offset' ? m.persons : m.euros;
}

/** Art 12(3), 56(2): every type has equal value; persons count EUR 20,000 each. */
export function euroEquivalent(a: Readonly<Amounts>): number {
  return (a.relocations + a.offsets) * EURO_PER_RELOCATION + a.financialEur + a.alternativeEur;
}

export function addAmounts(into: Amounts, a: Readonly<Amounts>, sign: 1 | -1 = 1): void {
  into.relocations += sign * a.relocations;
  into.financialEur += sign * a.financialEur;
  into.alternativeEur += sign * a.alternativeEur;
  into.offsets += sign * a.offsets;
}

/** The measure as amounts by type. */
export function measureAmounts(m: Measure): Amounts {
  const a = zeroAmounts();
  a[AMOUNT_FIELD[m.kind]] = measureAmount(m);
  return a;
}

/** True when each amount of `a` is at most the same amount of `b`. */
export function withinAmounts(a: Readonly<Amounts>, b: Readonly<Amounts>): boolean {
  return a.relocations <= b.relocations && a.financialEur <= b.financialEur && a.alternativeEur <= b.alternativeEur && a.offsets <= b.offsets;
}
