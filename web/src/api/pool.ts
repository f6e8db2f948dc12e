/** The pool as the API shows it to the caller (projected by the server for the caller's role). */
import { getOptional } from './client.ts';

export interface Amounts {
  relocations: number;
  financialEur: number;
  alternativeEur: number;
  offsets: number;
}

export interface PublicPoolLine {
  geo: string;
  share: number;
  fairShareEur: number;
  pledged: Amounts;
  deductedEur: number;
  implementedEur: number;
}

export interface PublicPool {
  cycle: number;
  phase: string;
  adopted: boolean;
  act: string | null;
  referenceRelocations: number;
  referenceFinancialEur: number;
  totals: { pledgedEur: number; implementedEur: number };
  states: PublicPoolLine[];
}

export const fetchPublicPool = () => getOptional<PublicPool>('/api/public/pool');
