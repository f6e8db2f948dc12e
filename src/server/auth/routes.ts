/** Signing in and out of a browser session, and asking who one is. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { errorResponses, HttpError } from '../errors.ts';
import { login, logout, SESSION_HOURS } from './accounts.ts';
import { SESSION_COOKIE } from './authenticate.ts';

const Session = z
  .object({
    user: z.object({ name: z.string(), role: z.string() }).nullable().describe('null for the anonymous public'),
    csrfToken: z.string().describe('send as the x-csrf-token header on POST/PUT/DELETE made with the session cookie'),
  })
  .meta({ id: 'Session' });

export interface AuthRouteOptions {
  db: Db;
  now: () => Date;
  cookieSecure: boolean;
  loginRateLimit: { max: number; timeWindow: number };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const cookie = { path: '/', httpOnly: true, secure: opts.cookieSecure, sameSite: 'strict' as const };

  app.get('/api/auth/session', { schema: { tags: ['auth'], summary: 'who the caller is, and a CSRF token for the session', response: { 200: Session, ...errorResponses } } }, async (req, reply) => {
    const p = req.principal;
    return { user: p.role === 'public' ? null : { name: p.name, role: p.role }, csrfToken: reply.generateCsrf() };
  });

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: opts.loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'sign in with a name and password; sets an HttpOnly, Secure, SameSite=Strict session cookie',
        body: z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
        response: { 200: Session, ...errorResponses },
      },
    },
    async (req, reply) => {
      const at = opts.now();
      const session = await login(opts.db, req.body.name, req.body.password, at);
      if (!session) throw new HttpError(401, 'unauthenticated', 'the name or the password is wrong');
      reply.setCookie(SESSION_COOKIE, session.sessionId, { ...cookie, maxAge: SESSION_HOURS * 3600 });
      return { user: { name: session.principal.name, role: session.principal.role }, csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'end the browser session', response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const sessionId = req.cookies[SESSION_COOKIE];
    if (sessionId) await logout(opts.db, sessionId, opts.now());
    reply.clearCookie(SESSION_COOKIE, cookie);
    return reply.code(204).send(null);
  });
};
