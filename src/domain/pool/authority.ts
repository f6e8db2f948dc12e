/**
 * Who may record which event: the institution the Regulation gives the act to, and a Member State only for itself.
 * The public records nothing. Pure: the server calls it before folding an event, and refuses with 403 when it says no.
 */
import type { PoolEvent, PoolEventType } from './events.ts';
import { stateOfRole, type PoolRole } from './roles.ts';

type Institution = 'commission' | 'council' | 'coordinator';
/** `self`: a Member State, for the state named in the payload's `state` field. */
type Recorder = Institution | 'self';

/** The recorders of each event type, with the article that gives them the act. */
export const EVENT_AUTHORITY: Record<PoolEventType, { recorders: readonly Recorder[]; article: string }> = {
  'proposal-drafted': { recorders: ['commission'], article: 'Art 12(1)' },
  'classification-recorded': { recorders: ['commission'], article: 'Art 11(1)' },
  'forum-opened': { recorders: ['council'], article: 'Art 13(1)–(2): convened by the Council Presidency' },
  'pledge-made': { recorders: ['self'], article: 'Art 57(3)' },
  'pledge-amended': { recorders: ['self'], article: 'Art 57(3)' },
  'pledge-withdrawn': { recorders: ['self'], article: 'Art 57(3)' },
  'pool-adopted': { recorders: ['council'], article: 'Art 57(1)' },
  'implementation-started': { recorders: ['commission'], article: 'Art 60, 85' },
  'forum-reconvened': { recorders: ['council'], article: 'Art 13(4)' },
  'additional-pledges-adopted': { recorders: ['council'], article: 'Art 13(4), 57(1)' },
  'technical-forum-convened': { recorders: ['coordinator'], article: 'Art 14(1), 58(3), 59(6)' },
  'access-requested': { recorders: ['self'], article: 'Art 58(1)' },
  'self-notified': { recorders: ['self'], article: 'Art 59(1)' },
  'self-notification-decided': { recorders: ['commission'], article: 'Art 59(4)' },
  'access-refused-by-council': { recorders: ['council'], article: 'Art 59(6)' },
  'deduction-requested': { recorders: ['self'], article: 'Arts 61(1), 62(1)' },
  'deduction-assessed': { recorders: ['commission'], article: 'Arts 61(3), 62(3)' },
  'deduction-decided': { recorders: ['council'], article: 'Arts 61(4), 62(4)' },
  'offset-requested': { recorders: ['self'], article: 'Art 63(1), 63(5), 69(1)' },
  'offset-offered': { recorders: ['self'], article: 'Art 63(2), 69(1)' },
  'offset-replied': { recorders: ['self'], article: 'Art 69(2)' },
  'systemic-shortcomings-found': { recorders: ['commission'], article: 'Art 60(3) (an Art 11 or Art 59(4) decision)' },
  'systemic-shortcomings-lifted': { recorders: ['commission'], article: 'Art 60(3)' },
  'allocation-made': { recorders: ['coordinator'], article: 'Art 60(1), 15(3)' },
  // The Coordinator follows up implementation (Art 15(3)); the contributing state records its own.
  'fulfilment-recorded': { recorders: ['self', 'coordinator'], article: 'Art 60(3), 15(3)' },
  'alternative-converted': { recorders: ['commission'], article: 'Art 57(4)' },
  'year-closed': { recorders: ['commission', 'coordinator'], article: 'Art 60(3), 63(5)' },
  'implementation-confirmed': { recorders: ['self'], article: 'Art 60(6)' },
};

export type AuthorityDecision = { allowed: true } | { allowed: false; reason: string };

/** The Member State an event acts for (the payload's `state`), if it has one. */
export function actingState(event: PoolEvent): string | null {
  const p = event.payload as { state?: unknown };
  return typeof p.state === 'string' ? p.state : null;
}

/**
 * Whether `role` may record `event`.
 * @example mayRecord('member-state:DE', { type: 'pledge-made', payload: { state: 'FR', … } }) // { allowed: false, … }
 */
export function mayRecord(role: PoolRole, event: PoolEvent): AuthorityDecision {
  const rule = EVENT_AUTHORITY[event.type];
  if (!rule) return { allowed: false, reason: `unknown event type ${JSON.stringify(event.type)}` };
  if (role === 'public') return { allowed: false, reason: 'the public records nothing; sign in' };
  if (event.role !== role) return { allowed: false, reason: `the event says it is recorded by ${event.role}, but the caller is ${role}` };
  const own = stateOfRole(role);
  if (own !== null) {
    if (!rule.recorders.includes('self')) return { allowed: false, reason: `${event.type} is recorded by ${who(rule.recorders)} (${rule.article}), not by a Member State` };
    const acting = actingState(event);
    if (acting !== own) return { allowed: false, reason: `${role} records ${event.type} only for itself, not for ${acting ?? 'no state'}` };
    return { allowed: true };
  }
  if (!rule.recorders.includes(role as Institution)) return { allowed: false, reason: `${event.type} is recorded by ${who(rule.recorders)} (${rule.article}), not by the ${role}` };
  return { allowed: true };
}

/** The event types a role may record in principle (before looking at the payload). */
export function recordableBy(role: PoolRole): PoolEventType[] {
  if (role === 'public') return [];
  const self = stateOfRole(role) !== null;
  return (Object.keys(EVENT_AUTHORITY) as PoolEventType[]).filter((t) => EVENT_AUTHORITY[t].recorders.includes(self ? 'self' : (role as Institution)));
}

function who(recorders: readonly Recorder[]): string {
  return recorders.map((r) => (r === 'self' ? 'the Member State concerned' : `the ${r}`)).join(' or ');
}
