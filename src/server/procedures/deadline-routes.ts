/** The procedure deadline calculator and the adequate-capacity table over HTTP; both public. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { computeDeadlines } from '../../domain/procedures/deadlines.ts';
import { adequateCapacityFromStore } from '../../cycle/adequate-capacity.ts';
import { capacityJson } from '../../cli/commands/capacity.ts';
import { deadlinesJson, proceduresJson } from '../../cli/commands/deadline.ts';
import { errorResponses } from '../errors.ts';
import { NoteSchema } from '../notes.ts';

// Every text is a note (key, parameters, English text), for a client to say in its reader's language.
const Extended = z.object({ deadline: z.string(), article: z.string(), condition: NoteSchema, moved: NoteSchema.nullable() });
const StepDeadline = z.object({
  id: z.string(),
  label: NoteSchema,
  article: z.string(),
  from: z.string(),
  fromBasis: NoteSchema,
  period: NoteSchema,
  nominalEnd: z.string(),
  deadline: z.string(),
  moved: NoteSchema.nullable(),
  extended: Extended.nullable(),
});
const Deadlines = z
  .object({
    procedure: z.string(),
    title: NoteSchema,
    instrument: NoteSchema,
    counting: NoteSchema,
    startsOn: NoteSchema,
    from: z.string(),
    steps: z.array(StepDeadline),
    notes: z.array(NoteSchema),
  })
  .meta({ id: 'Deadlines' });

const ProcedureList = z.array(z.object({ name: z.string(), title: NoteSchema, instrument: z.string(), startsOn: NoteSchema, articles: z.array(z.string()) }));

const CapacityState = z.object({
  code: z.string(),
  crossings: z.number().nullable(),
  sar: z.number().nullable(),
  refusals: z.number().nullable(),
  share: z.number(),
  capacity: z.number().int(),
  annualMaximum: z.number().int().nullable(),
});
const Capacity = z
  .object({
    year: z.number().int(),
    window: z.object({ from: z.string(), to: z.string() }),
    unionCapacity: z.number().int(),
    annualMaximumMultiplier: z.number().nullable(),
    annualMaximumFrom: z.string().nullable(),
    states: z.array(CapacityState),
    substitutions: z.array(NoteSchema),
    notes: z.array(NoteSchema),
  })
  .loose()
  .meta({ id: 'AdequateCapacity' });

export const deadlineRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, opts) => {
  app.get('/api/procedures', { schema: { tags: ['procedures'], summary: 'the procedures whose time limits the calculator knows', response: { 200: ProcedureList, ...errorResponses } } }, async () => proceduresJson());

  app.get(
    '/api/procedures/:procedure/deadlines',
    {
      schema: {
        tags: ['procedures'],
        summary: 'the deadlines of a procedure from a start date, counted per the instrument (AMMR Art 75 or Regulation 1182/71)',
        params: z.object({ procedure: z.string().max(64) }),
        querystring: z.object({
          from: z.string().max(10).describe('YYYY-MM-DD'),
          holiday: z.union([z.string().max(10), z.array(z.string().max(10)).max(60)]).optional().describe('public holidays of the Member State (YYYY-MM-DD), repeatable'),
        }),
        response: { 200: Deadlines, ...errorResponses },
      },
    },
    async (req) => {
      const holiday = req.query.holiday;
      return deadlinesJson(computeDeadlines(req.params.procedure, req.query.from, { holidays: holiday === undefined ? [] : Array.isArray(holiday) ? holiday : [holiday] }));
    },
  );

  app.get(
    '/api/procedures/adequate-capacity',
    {
      schema: {
        tags: ['procedures'],
        summary: 'adequate capacity for the border procedure per Member State and its annual maximum (APR Arts 46-47), with the data used and substitutions',
        querystring: z.object({ year: z.coerce.number().int().min(2026).max(2100) }),
        response: { 200: Capacity, ...errorResponses },
      },
    },
    async (req) => capacityJson(await adequateCapacityFromStore(opts.db, req.query.year)),
  );
};
