/**
 * The roles that act in a cycle (issue 4): the Commission, the Council, each Member State bound by the solidarity
 * mechanism for itself, the EU Solidarity Coordinator (Art 15), and the anonymous public.
 */
import { isSolidarityState, type MemberStateCode } from '../member-states.ts';

export type MemberStateRole = `member-state:${MemberStateCode}`;
export type PoolRole = 'commission' | 'council' | 'coordinator' | 'public' | MemberStateRole;

const PREFIX = 'member-state:';

/** True for `commission`, `council`, `coordinator`, `public` and `member-state:XX` with XX one of the 26 states. */
export function isPoolRole(role: string): role is PoolRole {
  if (role === 'commission' || role === 'council' || role === 'coordinator' || role === 'public') return true;
  return role.startsWith(PREFIX) && isSolidarityState(role.slice(PREFIX.length));
}

/** The Member State a role speaks for, or null for the institutions and the public. */
export function stateOfRole(role: PoolRole): MemberStateCode | null {
  return role.startsWith(PREFIX) ? (role.slice(PREFIX.length) as MemberStateCode) : null;
}

/** @example memberStateRole('DE') // 'member-state:DE' */
export function memberStateRole(code: MemberStateCode): MemberStateRole {
  return `member-state:${code}`;
}
