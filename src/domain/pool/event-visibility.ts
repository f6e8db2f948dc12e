/**
 * Which recorded events each role may read in the ledger, by the same rules as `projectFor` (visibility.ts): an
 * event is shown only to a role that may see what it records.
 *
 * - The Commission and the Council see every event.
 * - Everyone sees the published acts: the Art 11 decision, the convening and reconvening of the Forum, the Council
 *   act (Art 57(1)) and those adopting additional pledges (Art 13(4)) or granting deductions (Arts 61(4), 62(4)),
 *   the start of implementation and the closing of the year.
 * - A Member State also sees the events it recorded and those it is a party to (offsets, allocations, fulfilment
 *   towards it, decisions on its requests); after adoption, the findings of systemic shortcomings (Art 60(3)) that
 *   release contributing states.
 * - The Coordinator, after adoption, also sees the implementation events of every state (Art 15(3)) — not the
 *   pledging itself, which reaches it through the Council act.
 * - Never: the proposal (Art 12(6)) or another state's pledging to anyone but the institutions.
 */
import type { PoolEvent, PoolEventType } from './events.ts';
import { stateOfRole, type PoolRole } from './roles.ts';
import { isAdopted, type PoolState } from './state.ts';

const PUBLISHED: ReadonlySet<PoolEventType> = new Set([
  'classification-recorded',
  'forum-opened',
  'pool-adopted',
  'implementation-started',
  'forum-reconvened',
  'additional-pledges-adopted',
  'deduction-decided',
  'year-closed',
]);

const IMPLEMENTATION: ReadonlySet<PoolEventType> = new Set([
  'access-requested',
  'self-notified',
  'self-notification-decided',
  'access-refused-by-council',
  'deduction-requested',
  'deduction-assessed',
  'offset-requested',
  'offset-offered',
  'offset-replied',
  'systemic-shortcomings-found',
  'systemic-shortcomings-lifted',
  'allocation-made',
  'fulfilment-recorded',
  'alternative-converted',
  'implementation-confirmed',
]);

/** The Member States an event concerns, looking up requests it refers to in `current`. */
function parties(event: PoolEvent, current: PoolState): string[] {
  const p = event.payload as Record<string, unknown>;
  const named = ['state', 'contributing', 'benefitting'].map((k) => p[k]).filter((v): v is string => typeof v === 'string');
  if (isAdopted(current) && typeof p.requestId === 'string') {
    const d = current.deductions.get(p.requestId);
    if (d && event.type === 'deduction-assessed') named.push(d.state);
    const o = current.offsets.get(p.requestId);
    if (o && event.type === 'offset-replied') named.push(o.benefitting, o.contributing);
  }
  return named;
}

/**
 * Whether `role` may read `event` in the ledger of a pool now in state `current`.
 * @example eventVisibleTo('public', { type: 'pledge-made', … }, pool) // false
 */
export function eventVisibleTo(role: PoolRole, event: PoolEvent, current: PoolState): boolean {
  if (role === 'commission' || role === 'council') return true;
  if (PUBLISHED.has(event.type)) return true;
  if (role === 'public') return false;
  const adopted = isAdopted(current);
  if (role === 'coordinator') return adopted && IMPLEMENTATION.has(event.type);
  const own = stateOfRole(role);
  if (own === null) return false;
  if (event.type === 'systemic-shortcomings-found' || event.type === 'systemic-shortcomings-lifted') return adopted;
  return parties(event, current).includes(own);
}
