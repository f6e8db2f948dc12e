/**
 * Response shapes of the pool routes. They mirror the domain's projections (visibility.ts, accounting.ts); the
 * serializer keeps only the fields named here, a second fence behind the projection.
 */
import { z } from 'zod';
import { amountsSchema, CATEGORIES, measureSchema, proposalLineSchema, stateCodeSchema } from '../../domain/pool/index.ts';

const Phase = z.enum(['empty', 'drafted', 'forum', 'adopted', 'implementation', 'closed']);
const Amounts = amountsSchema;
const Valued = amountsSchema.extend({ euroEquivalent: z.number() });
const Needs = z.object({ relocations: z.number(), financialEur: z.number(), alternative: z.string().optional(), toolbox: z.string().optional(), programmes: z.string().optional() });

export const CycleSummary = z.object({ cycle: z.number().int(), phase: Phase });
export const CycleList = z.object({ cycles: z.array(CycleSummary) }).meta({ id: 'CycleList' });

export const PoolView = z
  .object({
    cycle: z.number().int().nullable(),
    phase: Phase,
    dates: z.object({
      proposedAt: z.string().optional(),
      forumOpenedAt: z.string().optional(),
      adoptedAt: z.string().optional(),
      implementationStartedAt: z.string().optional(),
      closedAt: z.string().optional(),
    }),
    classification: z
      .object({ decision: z.string(), at: z.string(), states: z.array(z.object({ code: stateCodeSchema, categories: z.array(z.enum(CATEGORIES)) })) })
      .optional(),
    proposal: z
      .object({ referenceRelocations: z.number(), referenceFinancialEur: z.number(), sarPercentage: z.number().optional(), lines: z.array(proposalLineSchema) })
      .optional(),
    pledges: z
      .array(z.object({ id: z.string(), state: stateCodeSchema, measure: measureSchema, madeAt: z.string(), amendedAt: z.string(), binding: z.boolean() }))
      .optional(),
    pledgedTotal: Amounts.optional(),
    councilAct: z
      .object({
        act: z.string(),
        adoptedAt: z.string(),
        referenceRelocations: z.number(),
        referenceFinancialEur: z.number(),
        sarPercentage: z.number().optional(),
        amendedProposal: z.boolean(),
        lines: z.array(z.object({ code: stateCodeSchema, line: proposalLineSchema, pledged: Amounts, pledgedEuroEquivalent: z.number(), deducted: Amounts })),
      })
      .optional(),
    reconvened: z.array(z.object({ at: z.string(), ground: z.string(), open: z.boolean() })).optional(),
    benefitting: z.array(z.object({ code: stateCodeSchema, via: z.enum(['art-58', 'art-59']), since: z.string() })).optional(),
    systemicShortcomings: z.array(z.object({ code: stateCodeSchema, since: z.string(), decision: z.string() })).optional(),
    selfNotifications: z
      .array(
        z.object({
          state: stateCodeSchema,
          at: z.string(),
          needs: Needs,
          reasoning: z.string(),
          decision: z.object({ granted: z.boolean(), at: z.string(), reason: z.string() }).optional(),
          councilRefusal: z.object({ at: z.string(), ground: z.string(), reason: z.string() }).optional(),
        }),
      )
      .optional(),
    deductionRequests: z
      .array(
        z.object({
          id: z.string(),
          state: stateCodeSchema,
          article: z.union([z.literal(61), z.literal(62)]),
          amounts: Amounts,
          reasoning: z.string().optional(),
          requestedAt: z.string(),
          assessment: z.object({ at: z.string(), favourable: z.boolean(), reason: z.string(), late: z.boolean() }).optional(),
          decision: z.object({ at: z.string(), act: z.string(), granted: Amounts }).optional(),
        }),
      )
      .optional(),
    offsets: z
      .array(
        z.object({
          id: z.string(),
          initiative: z.enum(['request', 'offer']),
          article: z.string(),
          benefitting: stateCodeSchema,
          contributing: stateCodeSchema,
          persons: z.number(),
          at: z.string(),
          reply: z.object({ at: z.string(), acceptedPersons: z.number(), late: z.boolean() }).optional(),
        }),
      )
      .optional(),
    transfers: z.array(z.object({ contributing: stateCodeSchema, benefitting: stateCodeSchema, allocated: Amounts, implemented: Amounts })).optional(),
    implementation: z
      .array(
        z.object({
          code: stateCodeSchema,
          allocated: Amounts,
          implemented: Amounts,
          convertedEur: z.number(),
          offsetsAccepted: z.number(),
          offsetsOwed: z.number(),
          confirmation: z.object({ at: z.string(), amounts: Amounts }).nullable(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'PoolView' });

const OffsetTrigger = z.object({ article: z.string(), applies: z.boolean(), numbers: z.record(z.string(), z.number()), explanation: z.string() });
const FloorCheck = z.object({ article: z.string(), value: z.number(), floor: z.number(), meets: z.boolean(), explanation: z.string() });

export const StateAccount = z.object({
  code: stateCodeSchema,
  fairShare: z.object({ share: z.number(), relocations: z.number(), financialEur: z.number(), euroEquivalent: z.number() }),
  pledged: Valued,
  pendingAdoption: Valued,
  deducted: Valued,
  implemented: Valued,
  convertedEur: z.number(),
  outstanding: Valued,
  exempt: z.enum(['benefitting', 'full-deduction']).nullable(),
  compliance: z.object({ pledgedEuroEquivalent: z.number(), fairShareEuroEquivalent: z.number(), ratio: z.number().nullable(), meetsFairShare: z.boolean(), explanation: z.string() }),
});

export const Accounting = z
  .object({
    cycle: z.number().int(),
    phase: Phase,
    /** The Commission and the Council: every state's account. A Member State: its own. */
    states: z.array(StateAccount),
    /** The Commission and the Council only: pool totals, floors and offset triggers. */
    pool: z
      .object({
        pledged: Valued,
        deducted: Valued,
        implemented: Valued,
        proposalFloors: z.array(FloorCheck),
        actFloors: z.array(FloorCheck).nullable(),
        proposalKeepsRatio: z.boolean(),
        pledgesAgainstReference: z.object({ referenceEuroEquivalent: z.number(), pledgedEuroEquivalent: z.number(), ratio: z.number().nullable() }),
        offsetTriggers: z.object({ pool: z.array(OffsetTrigger), states: z.record(z.string(), z.array(OffsetTrigger)) }),
        allocationBalance: z.array(z.object({ code: stateCodeSchema, needsEuroEquivalent: z.number(), allocatedEuroEquivalent: z.number(), coverage: z.number().nullable() })),
      })
      .optional(),
    /** After adoption, for everyone: the Council act's lines (fair share, binding pledges, deductions granted). */
    act: PoolView.shape.councilAct.unwrap().shape.lines.optional(),
    /** After adoption, what the caller may see of implementation. */
    implementation: PoolView.shape.implementation,
  })
  .meta({ id: 'Accounting' });

export const LedgerEvent = z.object({
  /** Position and hash in the ledger: for the Commission and the Council, who see every entry. */
  seq: z.number().int().optional(),
  hash: z.string().optional(),
  recordedAt: z.string().optional(),
  type: z.string(),
  role: z.string(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export const EventList = z.object({ cycle: z.number().int(), events: z.array(LedgerEvent) }).meta({ id: 'EventList' });

export const Recorded = z
  .object({
    cycle: z.number().int(),
    type: z.string(),
    at: z.string(),
    /** The id given to the pledge or request this event created. */
    id: z.string().optional(),
    /** The pool as the caller may now see it. */
    view: PoolView,
  })
  .meta({ id: 'Recorded' });

export const Deadlines = z
  .object({
    cycle: z.number().int(),
    asOf: z.string(),
    deadlines: z.array(
      z.object({
        id: z.string(),
        article: z.string(),
        what: z.string(),
        actor: z.string(),
        due: z.string().nullable(),
        basis: z.string(),
        status: z.enum(['done', 'due', 'overdue', 'not-triggered', 'not-recorded']),
        doneAt: z.string().optional(),
        late: z.boolean().optional(),
        note: z.string().optional(),
        parties: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ id: 'CycleDeadlines' });
