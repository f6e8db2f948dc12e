/**
 * The time limits of decided relocations over HTTP (AMMR Art 67(7)–(11)): the Member States involved and the
 * Coordinator record the steps of a case; the Coordinator reads the timers of every case of a run, a Member State
 * those of the cases it sends or receives; the public and the other institutions nothing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordProgress, runTimers, todayOf } from '../../cycle/relocation-progress.ts';
import { timersJson } from '../../cli/commands/match.ts';
import { PROGRESS_STEPS } from '../../store/relocation-progress.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses } from '../errors.ts';
import { NoteSchema } from '../notes.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD');
const Step = z.enum(PROGRESS_STEPS);
const Params = z.object({ id: z.coerce.number().int().positive(), caseId: z.string().max(200) });

const ProgressRecord = z
  .object({ id: z.number().int(), runId: z.number().int(), caseId: z.string(), step: Step, date: z.string(), recordedBy: z.string(), recordedAt: z.string() })
  .meta({ id: 'RelocationProgressRecord' });

const TimerStep = z.object({
  step: z.enum(['confirmation', 'transfer-decision', 'notice', 'transfer']),
  article: z.string(),
  label: NoteSchema,
  due: z.string().nullable(),
  done: z.string().nullable(),
  state: z.enum(['done', 'done-late', 'due', 'overdue', 'waiting']),
  note: NoteSchema.nullable(),
});

const CaseTimers = z
  .object({
    caseId: z.string(),
    benefitting: z.string(),
    stateOfRelocation: z.string(),
    persons: z.number().int(),
    status: z.enum(['applicant', 'beneficiary']).nullable(),
    progress: z.partialRecord(Step, z.string()),
    timers: z.object({ caseId: z.string(), steps: z.array(TimerStep), confirmation: z.object({ date: z.string(), bySilence: z.boolean() }).nullable() }).nullable(),
  })
  .meta({ id: 'RelocationCaseTimers' });

export const progressRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, opts) => {
  app.post(
    '/api/matching/runs/:id/cases/:caseId/progress',
    {
      schema: {
        tags: ['matching'],
        summary: 'record a step of a decided relocation and its date (the Member State of relocation, the benefitting state, or the Coordinator); a correction is a new record',
        params: Params,
        body: z.object({ step: Step, date: IsoDate }),
        response: { 201: ProgressRecord, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordProgress(opts.db, req.principal, req.params.id, req.params.caseId, req.body, opts.now())),
  );

  app.get(
    '/api/matching/runs/:id/timers',
    {
      schema: {
        tags: ['matching'],
        summary: 'the Art 67(9)-(11) time limits of the decided relocations of a run on a day (every case for the Coordinator, its own for a Member State)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({
          today: IsoDate.optional().describe('the day to count on (default: today by the server clock)'),
          holiday: z
            .union([IsoDate, z.array(IsoDate).max(60)])
            .optional()
            .describe('public holidays (YYYY-MM-DD), repeatable: a last day on one moves to the next working day (Art 75)'),
        }),
        response: { 200: z.object({ today: z.string(), holidays: z.array(z.string()), cases: z.array(CaseTimers) }), ...errorResponses },
      },
    },
    async (req) => {
      const today = req.query.today ?? todayOf(opts.now());
      const { holiday } = req.query;
      const holidays = holiday === undefined ? [] : Array.isArray(holiday) ? holiday : [holiday];
      const cases = await runTimers(opts.db, req.principal, req.params.id, today, holidays);
      return { today, holidays, cases: cases.map((c) => ({ ...c, timers: c.timers ? timersJson(c.timers) : null })) };
    },
  );
};
