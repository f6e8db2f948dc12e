/**
 * `GET /api/setup` tells the front-end whether the first account is still to be made; `POST /api/setup` makes it
 * with the printed one-time token and signs its holder in (src/server/setup/first-run.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { login, SESSION_HOURS } from '../auth/accounts.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { errorResponses, HttpError } from '../errors.ts';
import { setupNeeded, type SetupGate } from './first-run.ts';

export interface SetupRouteOptions {
  db: Db;
  gate: SetupGate;
  now: () => Date;
  cookieSecure: boolean;
  rateLimit: { max: number; timeWindow: number };
}

export const setupRoutes: FastifyPluginAsyncZod<SetupRouteOptions> = async (app, opts) => {
  const tags = ['auth'];
  app.get(
    '/api/setup',
    { schema: { tags, summary: 'whether the first account is still to be created (no account exists)', response: { 200: z.object({ needed: z.boolean() }), ...errorResponses } } },
    async () => ({ needed: await setupNeeded(opts.db) }),
  );

  app.post(
    '/api/setup',
    {
      // Guessing a 256-bit token is hopeless; the limit keeps the attempts from costing the server anything.
      config: { rateLimit: opts.rateLimit },
      schema: {
        tags,
        summary: 'create the first account (the Commission) with the one-time token printed by `start`/`serve`, and sign in',
        body: z.object({
          token: z.string().min(1).max(200),
          name: z.string().min(1).max(64),
          password: z.string().min(1).max(1024),
        }),
        response: { 201: z.object({ user: z.object({ name: z.string(), role: z.string() }), csrfToken: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await opts.gate.claim(opts.db, req.body);
      const session = await login(opts.db, created.name, req.body.password, opts.now());
      if (!session) throw new HttpError(500, 'internal', 'the account was created but the session could not be opened: sign in');
      reply.setCookie(SESSION_COOKIE, session.sessionId, { path: '/', httpOnly: true, secure: opts.cookieSecure, sameSite: 'strict', maxAge: SESSION_HOURS * 3600 });
      return reply.code(201).send({ user: { name: created.name, role: created.role }, csrfToken: reply.generateCsrf() });
    },
  );
};
