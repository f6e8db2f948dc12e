/**
 * The Annual Solidarity Pool over HTTP. Thin: validate, call the service, return what it projected for the caller.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../errors.ts';
import { EventRequest } from './requests.ts';
import { Accounting, CycleList, Deadlines, EventList, PoolView, Recorded } from './schemas.ts';
import type { PoolService } from './service.ts';
import { toCsv } from './csv.ts';

const CycleParams = z.object({ cycle: z.coerce.number().int().min(2024).max(2100).describe('the year of the pool, e.g. 2026') });

export const poolRoutes: FastifyPluginAsyncZod<{ pool: PoolService }> = async (app, { pool }) => {
  const tags = ['pool'];

  app.get('/api/cycles', { schema: { tags, summary: 'the cycles that exist and their phase (public)', response: { 200: CycleList, ...errorResponses } } }, async () => ({
    cycles: await pool.listCycles(),
  }));

  app.get(
    '/api/cycles/:cycle',
    { schema: { tags, summary: 'the pool as the caller may see it (Art 12(6): the proposal and pledges stay confidential until the Council act)', params: CycleParams, response: { 200: PoolView, ...errorResponses } } },
    async (req) => pool.view(req.params.cycle, req.principal.role),
  );

  app.post(
    '/api/cycles/:cycle/events',
    {
      schema: {
        tags,
        summary: 'record an event of the cycle (proposal, pledge, adoption, deduction, access request, allocation, fulfilment, …)',
        description: 'The role is the caller’s; ids of new pledges and requests are generated and returned. Refused with 401 (no credentials), 403 (not this role’s act), 409 (not in this phase, or already decided) or 422 (against the rules), and nothing is recorded.',
        params: CycleParams,
        body: EventRequest,
        response: { 201: Recorded, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { event, id, view } = await pool.record(req.params.cycle, req.principal, req.body as never);
      return reply.code(201).send({ cycle: req.params.cycle, type: event.type, at: event.at, ...(id ? { id } : {}), view });
    },
  );

  app.get(
    '/api/cycles/:cycle/events',
    { schema: { tags, summary: 'the ledger entries the caller may read', params: CycleParams, response: { 200: EventList, ...errorResponses } } },
    async (req) => pool.events(req.params.cycle, req.principal.role),
  );

  app.get(
    '/api/cycles/:cycle/deadlines',
    {
      schema: {
        tags,
        summary: "every deadline of the cycle with what is due, done and overdue (Art 75 counting), as far as the caller may see them: a request's deadlines only for the states party to it",
        params: CycleParams,
        querystring: z.object({ asOf: z.iso.date().optional().describe('the day to judge due and overdue on (YYYY-MM-DD); default today') }),
        response: { 200: Deadlines, ...errorResponses },
      },
    },
    async (req) => pool.deadlines(req.params.cycle, req.principal.role, req.query.asOf),
  );

  app.get(
    '/api/cycles/:cycle/accounting',
    { schema: { tags, summary: 'fair share, pledges, deductions and implementation per state, as far as the caller may see them', params: CycleParams, response: { 200: Accounting, ...errorResponses } } },
    async (req) => pool.accounting(req.params.cycle, req.principal.role),
  );

  app.get(
    '/api/cycles/:cycle/export.json',
    { schema: { tags: ['exports'], summary: 'download the pool as the caller may see it (JSON)', params: CycleParams, response: { 200: PoolView, ...errorResponses } } },
    async (req, reply) => {
      const view = await pool.view(req.params.cycle, req.principal.role);
      reply.header('content-disposition', `attachment; filename="pool-${req.params.cycle}.json"`);
      return view;
    },
  );

  app.get(
    '/api/cycles/:cycle/export.csv',
    {
      schema: {
        tags: ['exports'],
        summary: 'download one line per Member State as the caller may see it (CSV): the Council act once adopted, else the proposal lines the caller may see',
        params: CycleParams,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const view = await pool.view(req.params.cycle, req.principal.role);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="pool-${req.params.cycle}.csv"`);
      return toCsv(view);
    },
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'search the ledger entries the caller may read, in every cycle',
        querystring: z.object({ q: z.string().min(2).max(100) }),
        response: { 200: z.object({ results: z.array(EventList.shape.events.element.extend({ cycle: z.number().int() })) }), ...errorResponses },
      },
    },
    async (req) => {
      const needle = req.query.q.toLowerCase();
      const results = [];
      for (const { cycle } of await pool.listCycles()) {
        const { events } = await pool.events(cycle, req.principal.role);
        for (const e of events) if (JSON.stringify(e).toLowerCase().includes(needle)) results.push({ cycle, ...e });
      }
      return { results };
    },
  );
};
