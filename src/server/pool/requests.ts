/**
 * The body of `POST /api/cycles/:cycle/events`: a pool event as the domain defines it (`poolEventSchemas`), without
 * the fields the server fills in: the role (from the caller's credentials), the id of a new pledge or request
 * (generated, so that a caller can neither collide with nor probe the ids of others), and, when omitted, the time
 * (the server's clock; give `at` to record an act at the date it was taken).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { POOL_EVENT_TYPES, poolEventSchemas, type PoolEvent, type PoolEventType } from '../../domain/pool/index.ts';

/** The events that create something with an id, and the field that holds it. */
export const NEW_ID_FIELD: Partial<Record<PoolEventType, 'pledgeId' | 'requestId'>> = {
  'pledge-made': 'pledgeId',
  'deduction-requested': 'requestId',
  'offset-requested': 'requestId',
  'offset-offered': 'requestId',
};

type AnyObject = z.ZodObject<z.ZodRawShape>;

function requestSchemaFor(type: PoolEventType) {
  const shape = (poolEventSchemas[type] as unknown as AnyObject).shape as Record<string, z.ZodType>;
  const idField = NEW_ID_FIELD[type];
  const payload = shape.payload as AnyObject;
  return z.object({
    type: shape.type!,
    at: (shape.at as z.ZodString).optional().describe('when the act was taken (ISO 8601); default: now'),
    payload: idField ? payload.omit({ [idField]: true } as never) : payload,
  });
}

const schemas = POOL_EVENT_TYPES.map(requestSchemaFor);
export const EventRequest = z
  .discriminatedUnion('type', schemas as unknown as [ReturnType<typeof requestSchemaFor>, ...ReturnType<typeof requestSchemaFor>[]])
  .meta({ id: 'EventRequest' });
export type EventRequest = { type: PoolEventType; at?: string | undefined; payload: Record<string, unknown> };

/** The full domain event for a request made by `role` at `now` (ids generated for what the event creates). */
export function toPoolEvent(req: EventRequest, role: string, now: Date): { event: unknown; newId?: string } {
  const idField = NEW_ID_FIELD[req.type];
  const payload = { ...req.payload };
  let newId: string | undefined;
  if (idField) {
    const state = typeof payload.state === 'string' ? payload.state : 'x';
    newId = `${state}-${randomUUID()}`;
    payload[idField] = newId;
  }
  const event = { type: req.type, role, at: req.at ?? now.toISOString(), payload };
  return newId ? { event, newId } : { event };
}

export type { PoolEvent };
