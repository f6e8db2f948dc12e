/**
 * The events of an Annual Solidarity Pool cycle, from the Commission's confidential proposal to the January
 * confirmations, as a discriminated union on `type`, with zod schemas that validate a payload at the edge (the
 * server parses every request with `poolEventSchema`; the fold then trusts the shape but still checks every rule).
 *
 * Every event carries the role that recorded it, the time it was recorded (an ISO 8601 timestamp given by the caller:
 * the domain has no clock) and its payload.
 */
import { z } from 'zod';
import { SOLIDARITY_STATES, type MemberStateCode } from '../member-states.ts';
import { isPoolRole, type PoolRole } from './roles.ts';

const stateCodes = SOLIDARITY_STATES as unknown as readonly [MemberStateCode, ...MemberStateCode[]];
/** One of the 26 Member States bound by the solidarity mechanism (Eurostat codes, EL for Greece). */
export const stateCodeSchema = z.enum(stateCodes, {
  error: (issue) => `unknown state ${JSON.stringify(issue.input)}: expected one of the 26 Member States bound by the solidarity mechanism (Eurostat codes, EL for Greece)`,
});
export const roleSchema = z.custom<PoolRole>((v) => typeof v === 'string' && isPoolRole(v), {
  message: 'unknown role: expected commission, council, coordinator, public or member-state:XX',
});
const persons = z.number().int('persons must be a whole number').nonnegative('persons cannot be negative');
const positivePersons = persons.positive('persons must be at least 1');
const euros = z.number().int('euros must be a whole number').nonnegative('euros cannot be negative');
const positiveEuros = euros.positive('euros must be at least 1');
const id = z.string().min(1).max(100);
const text = z.string().min(1).max(10_000);
const timestamp = z.iso.datetime({ offset: true, message: 'time must be an ISO 8601 timestamp' });

/** Art 11(1): the categories of the Commission's implementing decision; a state may be in more than one. */
export const CATEGORIES = ['migratory-pressure', 'risk-of-migratory-pressure', 'significant-migratory-situation'] as const;
export type Category = (typeof CATEGORIES)[number];

export const measureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relocation'), persons: positivePersons }),
  z.object({ kind: z.literal('financial'), euros: positiveEuros }),
  z.object({ kind: z.literal('alternative'), description: text, euros: positiveEuros }),
  z.object({ kind: z.literal('offset'), persons: positivePersons }),
]);
export const measureKindSchema = z.enum(['relocation', 'financial', 'alternative', 'offset']);

export const amountsSchema = z.object({ relocations: persons, financialEur: euros, alternativeEur: euros, offsets: persons });

/** Art 12(2): one Member State's line of the proposal: its share under the Art 66 key and its indicative contribution. */
export const proposalLineSchema = z.object({
  code: stateCodeSchema,
  share: z.number().min(0).max(1),
  relocations: persons,
  financialEur: euros,
});
const percentage = z.number().min(0).max(100);

/** Art 12(1)–(5): the proposal for the Council implementing act (the shape computed by `./proposal.ts`). */
export const proposalSchema = z.object({
  cycle: z.number().int().min(2026).max(2100),
  referenceRelocations: persons,
  referenceFinancialEur: euros,
  states: z.array(proposalLineSchema).min(1),
  sarPercentage: percentage.optional(),
});

/** Art 58(1), 59(2): the type and level of measures a state needs, and for money the programmes concerned. */
export const needsSchema = z.object({
  relocations: persons,
  financialEur: euros,
  alternative: z.string().max(10_000).optional(),
  toolbox: z.string().max(10_000).optional(),
  programmes: z.string().max(10_000).optional(),
});

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ type: z.literal(type), role: roleSchema, at: timestamp, payload });

export const poolEventSchemas = {
  'proposal-drafted': ev('proposal-drafted', proposalSchema),
  'classification-recorded': ev(
    'classification-recorded',
    z.object({ decision: text, states: z.array(z.object({ code: stateCodeSchema, categories: z.array(z.enum(CATEGORIES)) })) }),
  ),
  'forum-opened': ev('forum-opened', z.object({})),
  'pledge-made': ev('pledge-made', z.object({ pledgeId: id, state: stateCodeSchema, measure: measureSchema })),
  'pledge-amended': ev('pledge-amended', z.object({ pledgeId: id, state: stateCodeSchema, measure: measureSchema })),
  'pledge-withdrawn': ev('pledge-withdrawn', z.object({ pledgeId: id, state: stateCodeSchema })),
  'pool-adopted': ev(
    'pool-adopted',
    z.object({
      act: text,
      referenceRelocations: persons,
      referenceFinancialEur: euros,
      sarPercentage: percentage.optional(),
      /** Art 57(1): the Council may amend the proposal; when it changes the reference numbers it gives the lines. */
      states: z.array(proposalLineSchema).min(1).optional(),
    }),
  ),
  'implementation-started': ev('implementation-started', z.object({})),
  'forum-reconvened': ev(
    'forum-reconvened',
    z.object({ ground: z.enum(['insufficient-pool', 'significant-deductions', 'higher-needs']) }),
  ),
  'additional-pledges-adopted': ev('additional-pledges-adopted', z.object({ act: text })),
  /** Art 14, 58(3), 59(6): the Coordinator convenes the Technical-Level Forum, for a benefitting state if named. */
  'technical-forum-convened': ev('technical-forum-convened', z.object({ benefitting: stateCodeSchema.optional() })),
  'access-requested': ev('access-requested', z.object({ state: stateCodeSchema, needs: needsSchema })),
  'self-notified': ev('self-notified', z.object({ state: stateCodeSchema, needs: needsSchema, reasoning: text })),
  'self-notification-decided': ev(
    'self-notification-decided',
    z.object({ state: stateCodeSchema, granted: z.boolean(), reason: text }),
  ),
  'access-refused-by-council': ev(
    'access-refused-by-council',
    z.object({ state: stateCodeSchema, ground: z.enum(['insufficient-capacity', 'other-objective-reasons']), reason: text }),
  ),
  'deduction-requested': ev(
    'deduction-requested',
    z.object({
      requestId: id,
      state: stateCodeSchema,
      article: z.union([z.literal(61), z.literal(62)]),
      amounts: amountsSchema,
      /** Art 61(2), 62(2): required when the state is not identified in the Art 11 decision under that category. */
      reasoning: z.string().max(10_000).optional(),
    }),
  ),
  'deduction-assessed': ev('deduction-assessed', z.object({ requestId: id, favourable: z.boolean(), reason: text })),
  'deduction-decided': ev('deduction-decided', z.object({ requestId: id, act: text, granted: amountsSchema })),
  'offset-requested': ev(
    'offset-requested',
    z.object({ requestId: id, state: stateCodeSchema, contributing: stateCodeSchema, persons: positivePersons }),
  ),
  'offset-offered': ev(
    'offset-offered',
    z.object({ requestId: id, state: stateCodeSchema, benefitting: stateCodeSchema, persons: positivePersons }),
  ),
  'offset-replied': ev('offset-replied', z.object({ requestId: id, state: stateCodeSchema, acceptedPersons: persons })),
  'systemic-shortcomings-found': ev('systemic-shortcomings-found', z.object({ state: stateCodeSchema, decision: text })),
  'systemic-shortcomings-lifted': ev('systemic-shortcomings-lifted', z.object({ state: stateCodeSchema, decision: text })),
  'allocation-made': ev(
    'allocation-made',
    z.object({ contributing: stateCodeSchema, benefitting: stateCodeSchema, kind: measureKindSchema, amount: z.number().int().positive() }),
  ),
  'fulfilment-recorded': ev(
    'fulfilment-recorded',
    z.object({
      state: stateCodeSchema,
      /** The benefitting state; absent only for financial contributions paid to the Union budget (Art 64(1)). */
      benefitting: stateCodeSchema.optional(),
      kind: measureKindSchema,
      amount: z.number().int().positive(),
      note: z.string().max(10_000).optional(),
    }),
  ),
  'alternative-converted': ev('alternative-converted', z.object({ state: stateCodeSchema, euros: positiveEuros })),
  'year-closed': ev('year-closed', z.object({})),
  'implementation-confirmed': ev('implementation-confirmed', z.object({ state: stateCodeSchema, amounts: amountsSchema })),
} as const;

export type PoolEventType = keyof typeof poolEventSchemas;
export const POOL_EVENT_TYPES = Object.keys(poolEventSchemas) as PoolEventType[];

const schemaList = Object.values(poolEventSchemas) as unknown as [
  (typeof poolEventSchemas)[PoolEventType],
  ...(typeof poolEventSchemas)[PoolEventType][],
];
/** Validates any pool event (an unknown `type` is rejected with the list of known ones). */
export const poolEventSchema = z.discriminatedUnion('type', schemaList);

export type PoolEvent = z.infer<typeof poolEventSchema>;
export type PoolEventOf<T extends PoolEventType> = z.infer<(typeof poolEventSchemas)[T]>;
export type Proposal = z.infer<typeof proposalSchema>;
export type ProposalLine = z.infer<typeof proposalLineSchema>;
export type Needs = z.infer<typeof needsSchema>;

/**
 * Parses an unknown value as a pool event; throws the zod error (with paths) when it is not one.
 * @example parsePoolEvent({ type: 'forum-opened', role: 'council', at: '2025-11-18T09:00:00Z', payload: {} })
 */
export function parsePoolEvent(value: unknown): PoolEvent {
  return poolEventSchema.parse(value);
}
