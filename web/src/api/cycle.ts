/**
 * The pool of a cycle as the server projects it for the signed-in role (`GET /api/cycles/:cycle`, `/accounting`),
 * and recording an event (`POST /api/cycles/:cycle/events`). The shapes are the domain's own (type-only imports:
 * nothing of the server is bundled).
 */
import type { CycleDeadline } from '../../../src/domain/calendar/deadlines.ts';
import type { OffsetTrigger, PoolAccount, PoolEventType, PoolView, StateAccount } from '../../../src/domain/pool/index.ts';
import { api, getOptional } from './client.ts';

export type { CycleDeadline, PoolView, StateAccount, PoolEventType };

export interface Accounting {
  cycle: number;
  phase: PoolView['phase'];
  states: StateAccount[];
  pool?: PoolAccount & { offsetTriggers: { pool: OffsetTrigger[]; states: Record<string, OffsetTrigger[]> }; allocationBalance: { code: string; needsEuroEquivalent: number; allocatedEuroEquivalent: number; coverage: number | null }[] };
}

export interface Recorded {
  cycle: number;
  type: string;
  at: string;
  id?: string;
}

export const CYCLE = 2026;

export const fetchPoolView = (cycle = CYCLE) => getOptional<PoolView>(`/api/cycles/${cycle}`);
export const fetchAccounting = (cycle = CYCLE) => getOptional<Accounting>(`/api/cycles/${cycle}/accounting`);
/** The cycle's statutory calendar as the server computes it for the signed-in role (today's statuses). */
export const fetchDeadlines = (cycle = CYCLE) => api.get<{ cycle: number; asOf: string; deadlines: CycleDeadline[] }>(`/api/cycles/${cycle}/deadlines`);
export const recordEvent = (type: PoolEventType, payload: Record<string, unknown>, cycle = CYCLE) =>
  api.post<Recorded>(`/api/cycles/${cycle}/events`, { type, payload });
