/**
 * The Migration Support Toolbox over HTTP: the catalogue is public; a Member State asks and may withdraw; the
 * Commission decides; the Commission and the Coordinator see every request in serving order (at-risk first).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AT_RISK_FROM_DECISIONS, changeSupportRequestStatus, submitSupportRequest, toolboxView, type AtRiskSource } from '../../cycle/support-toolbox.ts';

export type { AtRiskSource };
import { REQUEST_STATUSES, TOOLBOX_CATALOGUE } from '../../domain/procedures/support-toolbox.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses } from '../errors.ts';

const Request = z
  .object({
    id: z.number().int(),
    state: z.string(),
    item: z.string(),
    description: z.string(),
    status: z.enum(REQUEST_STATUSES),
    submittedBy: z.string(),
    submittedAt: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    note: z.string(),
  })
  .meta({ id: 'SupportRequest' });

const View = z
  .object({
    atRisk: z.object({ states: z.array(z.string()), basis: z.string() }),
    requests: z.array(Request.extend({ priority: z.enum(['at-risk', 'standard', 'closed']), rank: z.number().int() })),
  })
  .meta({ id: 'ToolboxView' });

export const toolboxRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date; atRisk?: AtRiskSource }> = async (app, opts) => {
  const atRisk = opts.atRisk ?? AT_RISK_FROM_DECISIONS;

  app.get('/api/toolbox/catalogue', { schema: { tags: ['toolbox'], summary: 'the permanent EU Migration Support Toolbox (AMMR Art 6(3))', response: { 200: z.array(z.object({ id: z.string(), label: z.string(), kind: z.string(), basis: z.string() })), ...errorResponses } } }, async () =>
    TOOLBOX_CATALOGUE.map((i) => ({ ...i })),
  );

  app.get('/api/toolbox/requests', { schema: { tags: ['toolbox'], summary: 'Toolbox requests in serving order: all for the Commission and the Coordinator, its own for a Member State', response: { 200: View, ...errorResponses } } }, async (req) =>
    toolboxView(opts.db, req.principal, await atRisk(opts.db)),
  );

  app.post(
    '/api/toolbox/requests',
    {
      schema: {
        tags: ['toolbox'],
        summary: 'ask the Toolbox for support (a Member State, for itself)',
        body: z.object({ item: z.string().max(64), description: z.string().max(4000) }),
        response: { 201: Request, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await submitSupportRequest(opts.db, req.principal, req.body, opts.now())),
  );

  app.post(
    '/api/toolbox/requests/:id/status',
    {
      schema: {
        tags: ['toolbox'],
        summary: 'move a request on: the Commission reviews, grants, refuses and marks delivered; the requesting Member State may withdraw',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ status: z.string().max(16), note: z.string().max(4000).default('') }),
        response: { 200: Request, ...errorResponses },
      },
    },
    async (req) => changeSupportRequestStatus(opts.db, req.principal, req.params.id, req.body.status, req.body.note, opts.now()),
  );
};
