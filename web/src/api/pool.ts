/** The pool as the API shows it to the caller (projected by the server for the caller's role). */
import { api } from './client.ts';

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
  referenceRelocations: number | null;
  referenceFinancialEur: number | null;
  totals: { pledgedEur: number; implementedEur: number } | null;
  states: PublicPoolLine[];
}

export const fetchPublicPool = () => api.get<PublicPool>('/api/public/pool');
