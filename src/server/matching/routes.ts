/**
 * Relocation matching over HTTP (AMMR Arts 60, 67): the Coordinator runs a matching and stores it as a proposal,
 * then accepts or changes each case; a Member State reads the lines of a run that concern it; the public nothing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideAssignment, listMatchingRuns, readRun, runMatching } from '../../cycle/matching.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses } from '../errors.ts';
import { progressRoutes } from './progress-routes.ts';

const Assignment = z
  .object({
    caseId: z.string(),
    benefitting: z.string(),
    persons: z.number().int(),
    proposedState: z.string().nullable(),
    explanation: z.string(),
    detail: z.unknown(),
    decision: z.enum(['proposed', 'accepted', 'changed']),
    finalState: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'MatchingAssignment' });

const Run = z
  .object({
    id: z.number().int(),
    label: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    summary: z.object({
      placedPersons: z.number(),
      eligiblePersons: z.number(),
      objective: z.number(),
      bound: z.number(),
      gap: z.number(),
      optimal: z.boolean(),
      excluded: z.number(),
      states: z.array(z.object({ state: z.string(), capacity: z.number(), assigned: z.number(), withoutLink: z.number(), shareWithoutLink: z.number(), price: z.number() })),
      benefitting: z.array(z.object({ state: z.string(), demand: z.number(), balancedShare: z.number(), assigned: z.number() })),
      solver: z.object({ classes: z.number(), arcs: z.number(), phases: z.number() }),
    }),
    assignments: z.array(Assignment),
  })
  .meta({ id: 'MatchingRun' });

export const matchingRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, opts) => {
  app.post(
    '/api/matching/runs',
    {
      // A run carries every case of the pool: larger than the API's default body limit.
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['matching'],
        summary: 'run the relocation matching on cases and pledges and store it as a proposal (the Coordinator)',
        body: z.object({ label: z.string().max(200).optional(), cases: z.array(z.unknown()), pledges: z.array(z.unknown()), releases: z.array(z.unknown()).optional() }),
        response: { 201: Run, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await runMatching(opts.db, req.principal, req.body, opts.now())),
  );

  app.get(
    '/api/matching/runs',
    { schema: { tags: ['matching'], summary: 'matching runs (the Coordinator; Member States for their own lines)', response: { 200: z.array(z.object({ id: z.number(), label: z.string(), createdAt: z.string(), createdBy: z.string() })), ...errorResponses } } },
    async (req) => listMatchingRuns(opts.db, req.principal),
  );

  app.get(
    '/api/matching/runs/:id',
    { schema: { tags: ['matching'], summary: 'a matching run: whole for the Coordinator, only its own lines for a Member State', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: Run, ...errorResponses } } },
    async (req) => readRun(opts.db, req.principal, req.params.id),
  );

  app.post(
    '/api/matching/runs/:id/cases/:caseId/decision',
    {
      schema: {
        tags: ['matching'],
        summary: 'accept a proposed relocation, or change its state of relocation with a note (the Coordinator)',
        params: z.object({ id: z.coerce.number().int().positive(), caseId: z.string().max(200) }),
        body: z.object({ decision: z.enum(['accept', 'change']), state: z.string().max(8).optional(), note: z.string().max(4000).optional() }),
        response: { 200: Assignment, ...errorResponses },
      },
    },
    async (req) => decideAssignment(opts.db, req.principal, req.params.id, req.params.caseId, req.body, opts.now()),
  );

  // The time limits of the decided relocations (Art 67(9)-(11)).
  await app.register(progressRoutes, opts);
};
