/**
 * National implementation plans over HTTP. Reading is public (the Report publishes the state of play); a Member
 * State records its own milestones; the Commission reviews them. The service checks the roles.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { implementationOverview, listPlan, recordMilestone, reviewMilestone } from '../../cycle/implementation.ts';
import { MILESTONE_STATUSES, MILESTONES } from '../../domain/procedures/implementation-plan.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses } from '../errors.ts';

const Milestone = z
  .object({
    state: z.string(),
    milestone: z.string(),
    status: z.enum(MILESTONE_STATUSES),
    evidence: z.string(),
    targetDate: z.string().nullable(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    review: z.enum(['pending', 'accepted', 'returned']),
    reviewNote: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'ImplementationMilestone' });

const Counts = z.object({ 'not-started': z.number(), 'in-progress': z.number(), completed: z.number(), delayed: z.number(), 'not-reported': z.number() });
const Overview = z
  .object({
    states: z.number(),
    milestones: z.array(z.object({ milestone: z.string(), label: z.string(), basis: z.string(), counts: Counts, acceptedByCommission: z.number() })),
    byState: z.array(z.object({ code: z.string(), reported: z.number(), completed: z.number(), accepted: z.number(), delayed: z.number(), notReported: z.array(z.string()) })),
    statesNotReporting: z.array(z.string()),
    records: z.array(Milestone),
  })
  .meta({ id: 'ImplementationOverview' });

const StateParam = z.object({ state: z.string().length(2) });
const MilestoneParams = z.object({ state: z.string().length(2), milestone: z.string().max(64) });

export const implementationRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, opts) => {
  app.get('/api/implementation/milestones', { schema: { tags: ['implementation'], summary: 'the milestones of a national implementation plan', response: { 200: z.array(z.object({ id: z.string(), label: z.string(), basis: z.string() })), ...errorResponses } } }, async () =>
    MILESTONES.map((m) => ({ ...m })),
  );

  app.get('/api/implementation', { schema: { tags: ['implementation'], summary: 'Union overview of the national implementation plans, with every milestone reported', response: { 200: Overview, ...errorResponses } } }, async () =>
    implementationOverview(opts.db),
  );

  app.get('/api/implementation/:state', { schema: { tags: ['implementation'], summary: "one Member State's milestones", params: StateParam, response: { 200: z.array(Milestone), ...errorResponses } } }, async (req) =>
    listPlan(opts.db, req.params.state),
  );

  app.put(
    '/api/implementation/:state/:milestone',
    {
      schema: {
        tags: ['implementation'],
        summary: 'record a milestone (the Member State itself); sends it to the Commission for review',
        params: MilestoneParams,
        body: z.object({ status: z.string().max(32), evidence: z.string().max(4000).default(''), targetDate: z.string().max(10).nullable().optional() }),
        response: { 200: Milestone, ...errorResponses },
      },
    },
    async (req) => recordMilestone(opts.db, req.principal, req.params.state, { milestone: req.params.milestone, ...req.body }, opts.now()),
  );

  app.post(
    '/api/implementation/:state/:milestone/review',
    {
      schema: {
        tags: ['implementation'],
        summary: 'review a milestone (the Commission): accepted, or returned with a reason',
        params: MilestoneParams,
        body: z.object({ outcome: z.string().max(16), note: z.string().max(4000).default('') }),
        response: { 200: Milestone, ...errorResponses },
      },
    },
    async (req) => reviewMilestone(opts.db, req.principal, req.params.state, req.params.milestone, req.body.outcome, req.body.note, opts.now()),
  );
};
