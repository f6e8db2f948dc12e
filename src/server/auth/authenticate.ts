/**
 * Who is calling: a `Bearer` API token (scripts), a session cookie (browsers), or nobody (`public`). A wrong token
 * is refused outright; an expired or unknown session cookie is treated as no cookie. Unsafe methods made with a
 * session cookie must carry the CSRF token (`x-csrf-token`); token-authenticated calls need none, since browsers
 * never attach a bearer token on their own.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.ts';
import { HttpError } from '../errors.ts';
import { principalForSession, principalForToken, PUBLIC, type Principal } from './accounts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export const SESSION_COOKIE = 'pactcycle_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuthentication(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (req) => {
    req.principal = PUBLIC;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = m ? await principalForToken(db, m[1]!) : undefined;
      if (!principal) throw new HttpError(401, 'unauthenticated', 'the API token is not valid');
      req.principal = principal;
      return;
    }
    const sessionId = req.cookies[SESSION_COOKIE];
    if (sessionId) req.principal = (await principalForSession(db, sessionId, now())) ?? PUBLIC;
  });
  app.addHook('preHandler', (req, reply, done) => {
    if (req.principal.via === 'session' && !SAFE_METHODS.has(req.method)) return app.csrfProtection(req, reply, done);
    done();
  });
}
