/**
 * Frontex counts irregular border crossings by route, not by Member State; every figure the Pact needs per Member
 * State (AMMR Art 9(3)(a)(xvi); APR Art 47(4)) therefore goes through a documented, versioned attribution of routes
 * to states (`methodology/route-attribution-v<N>.json`). This module validates such a table and applies it.
 */
import { z } from 'zod';
import { apportion } from './apportion.ts';
import { InputError } from './errors.ts';
import { isMemberStateCode, type MemberStateCode } from './member-states.ts';

const RouteEntry = z.object({
  /** Relative weights: a route's detections are shared in proportion to them. Empty: not attributed. */
  states: z.record(z.string(), z.number().positive()),
  basis: z.enum(['single-state', 'iom-dtm-share', 'equal-split', 'unattributed', 'frontex-by-state']),
  note: z.string(),
});

const Table = z.object({
  id: z.literal('route-attribution'),
  version: z.number().int().positive(),
  title: z.string(),
  status: z.enum(['assumption', 'official']),
  why: z.string(),
  sources: z.array(z.string()),
  routes: z.record(z.string(), RouteEntry),
});

export type RouteAttribution = z.infer<typeof Table>;

/** Validates a parsed attribution table; the error names the file and the field that is wrong. */
export function parseRouteAttribution(json: unknown, file = 'route attribution'): RouteAttribution {
  const parsed = Table.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  for (const [route, entry] of Object.entries(parsed.data.routes)) {
    for (const code of Object.keys(entry.states)) {
      if (!isMemberStateCode(code)) throw new InputError(`${code} is not a Member State`, { file, field: `routes.${route}.states` });
    }
  }
  return parsed.data;
}

export interface AttributedTotals {
  /** Detections attributed to each Member State, whole numbers: each route is apportioned by largest remainder. */
  byState: Map<MemberStateCode, number>;
  /** Routes the table does not attribute (Frontex's `Other`) or does not know, with their detections. */
  unattributed: { route: string; value: number }[];
}

/** Shares each route's detections among its states in proportion to the table's weights, in whole detections. */
export function attributeRoutes(byRoute: ReadonlyMap<string, number>, table: RouteAttribution): AttributedTotals {
  const byState = new Map<MemberStateCode, number>();
  const unattributed: { route: string; value: number }[] = [];
  for (const [route, value] of byRoute) {
    const entry = table.routes[route];
    const weights = entry ? (Object.entries(entry.states) as [MemberStateCode, number][]) : [];
    const sum = weights.reduce((a, [, w]) => a + w, 0);
    if (sum === 0) {
      unattributed.push({ route, value });
      continue;
    }
    const parts = apportion(value, weights.map(([, w]) => w));
    weights.forEach(([code], i) => byState.set(code, (byState.get(code) ?? 0) + parts[i]!));
  }
  return { byState, unattributed };
}
