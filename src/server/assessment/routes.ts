/**
 * The Art 11 assessment over HTTP, for the Commission's workspace: run the assessment of a cycle (the same engine as
 * `pactcycle assess`: the evidence per state and the categories it supports), and record the Commission's decision
 * per state and category with its ground, date and act (the same records as `pactcycle decision record`).
 *
 * Who reads what: decision records are the Commission's working record of its own decision (Art 11(1)); until the
 * decision is published — recorded in the pool ledger (`classification-recorded`), which every role sees through
 * `GET /api/cycles/:cycle` (src/domain/pool/visibility.ts) — they are the Commission's alone, like a proposal before
 * it is sent. So both routes below answer only the Commission; everyone else gets the same 403 whether or not a
 * record exists. The computed evidence alone is public (`GET /api/public/overview`). One thing of a record in force
 * reaches others on purpose: which states it identifies as at risk, and the act, because the Toolbox serves their
 * requests first and the Coordinator and each requesting state see that order (`GET /api/toolbox/requests`); the
 * grounds, the records not adopted and the disagreements never do.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadMethodology, runAssessment } from '../../cycle/assess.ts';
import { decisionInputSchema, parseDecision } from '../../domain/assessment/decisions.ts';
import { PermissionError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { listDecisions, recordDecision } from '../../store/decisions.ts';
import type { Principal } from '../auth/accounts.ts';
import { noteJson, notesJson } from '../../notes/index.ts';
import { errorResponses } from '../errors.ts';
import { NoteSchema } from '../notes.ts';

const Cycle = z.object({ cycle: z.coerce.number().int().min(2026, 'cycles run from 2026').max(2100) });
const Category = z.enum(['under-pressure', 'at-risk', 'significant-situation']);

const Decision = z
  .object({
    id: z.number().int().optional(),
    state: z.string(),
    category: Category,
    adopted: z.boolean(),
    ground: z.string(),
    date: z.string(),
    act: z.string(),
    by: z.string(),
    origin: z.enum(['record', 'pool-ledger']).optional(),
    recordedAt: z.string().optional(),
  })
  .meta({ id: 'DecisionRecord' });

const Evidence = z.object({
  category: Category,
  indicator: z.string(),
  value: z.number(),
  threshold: z.number(),
  period: z.string(),
  measure: z.string(),
  rule: z.string(),
  ground: z.enum(['general', 'art-11-3-sar']),
});

const Figure = z.object({
  indicator: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  perThousand: z.number().nullable(),
  perBillionGdp: z.number().nullable(),
  disproportionality: z.number().nullable(),
  window: z.string().nullable(),
  missing: NoteSchema.optional(),
});

const Assessment = z
  .object({
    cycle: z.number().int(),
    referencePeriod: z.object({ from: z.string(), to: z.string() }),
    methodology: z.object({ id: z.string(), version: z.number(), title: z.string(), status: z.string() }),
    dataNotes: z.array(NoteSchema),
    decisionsRecorded: z.number().int(),
    states: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        categories: z.array(Category),
        sarGround: z.boolean(),
        evidence: z.array(Evidence),
        dataNotes: z.array(NoteSchema),
        fairShare: z.number(),
        indicators: z.array(Figure).describe('the reference period only'),
        decisions: z.array(Decision).describe('the decisions in force'),
        disagreements: z.array(z.object({ category: Category, kind: z.enum(['evidence-not-adopted', 'adopted-without-evidence']), computed: z.boolean(), adopted: z.boolean(), act: z.string(), ground: z.string() })),
      }),
    ),
  })
  .meta({ id: 'Assessment' });

/** Runs before the body is validated, so a caller who may not record learns nothing from a validation message. */
async function commissionOnly(req: { principal: Principal }): Promise<void> {
  // One message whatever is asked: a refusal says nothing about whether records exist.
  if (req.principal.role !== 'commission') throw new PermissionError("the assessment and the decision records are the Commission's until its Art 11 decision is published");
}

export const assessmentRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, opts) => {
  const tags = ['assessment'];
  const methodology = loadMethodology();

  app.get(
    '/api/cycles/:cycle/assessment',
    { preValidation: commissionOnly, schema: { tags, summary: 'run the Art 11 assessment: evidence per state, the categories it supports, the decisions in force and every disagreement (the Commission)', params: Cycle, response: { 200: Assessment, ...errorResponses } } },
    async (req) => {
      const a = await runAssessment(opts.db, { cycle: req.params.cycle, methodology });
      return {
        ...a,
        dataNotes: notesJson(a.dataNotes),
        states: a.states.map((s) => ({
          ...s,
          dataNotes: notesJson(s.dataNotes),
          indicators: s.indicators.filter((f) => f.period === 'current').map(({ missing, ...f }) => ({ ...f, ...(missing ? { missing: noteJson(missing) } : {}) })),
        })),
      };
    },
  );

  app.get(
    '/api/cycles/:cycle/decisions',
    { preValidation: commissionOnly, schema: { tags, summary: 'every decision record of the cycle, oldest first (the Commission)', params: Cycle, response: { 200: z.object({ cycle: z.number().int(), decisions: z.array(Decision) }), ...errorResponses } } },
    async (req) => {
      return { cycle: req.params.cycle, decisions: await listDecisions(opts.db, req.params.cycle) };
    },
  );

  app.post(
    '/api/cycles/:cycle/decisions',
    {
      preValidation: commissionOnly,
      schema: {
        tags,
        summary: 'record the Art 11 decision for one state and category: adopted or not, ground, date, act (the Commission); a later record supersedes, none is changed',
        params: Cycle,
        body: decisionInputSchema.omit({ cycle: true, by: true }),
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (req, reply) => {
      const record = parseDecision({ ...req.body, cycle: req.params.cycle, by: req.principal.name });
      return reply.code(201).send(await recordDecision(opts.db, record, opts.now()));
    },
  );
};
