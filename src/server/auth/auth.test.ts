import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { buildApp } from '../app.ts';
import { createUser, parseRole } from './accounts.ts';

const PASSWORD = 'correct horse battery staple';

/** The cookies a response set, as a Cookie header value. */
const cookiesOf = (res: LightMyRequestResponse): string => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('parseRole', () => {
  it('accepts the fixed roles and the 26 bound Member States, and names the fix otherwise', () => {
    expect(parseRole('council')).toBe('council');
    expect(parseRole('member-state:EL')).toBe('member-state:EL');
    expect(() => parseRole('member-state:DK')).toThrow(/unknown role "member-state:DK".*26 Member States/);
    expect(() => parseRole('member-state:GR')).toThrow(/unknown role/);
    expect(() => parseRole('admin')).toThrow(/unknown role "admin"/);
    expect(() => parseRole('public')).toThrow(/unknown role "public"/);
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`authentication on ${backend.name}`, () => {
    let app: FastifyInstance | undefined;
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await app?.close();
      await dispose?.();
    });
    const start = async () => {
      const h = await backend.open();
      dispose = h.dispose;
      app = await buildApp({ db: h.db, loginRateLimit: { max: 3, timeWindow: 60_000 } });
      return { app, db: h.db };
    };

    it('treats a caller without credentials as the public and sends security headers', async () => {
      const { app } = await start();
      const res = await app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toBeNull();
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
    });

    it('signs in with a password into a Secure, HttpOnly, SameSite=Strict session and protects unsafe calls with CSRF', async () => {
      const { app, db } = await start();
      await createUser(db, { name: 'de-delegation', role: 'member-state:DE', password: PASSWORD });
      const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'de-delegation', password: 'wrong password!!' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toEqual({ error: { code: 'unauthenticated', message: 'the name or the password is wrong' } });
      const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'nobody', password: PASSWORD } });
      expect(unknown.json()).toEqual(bad.json());

      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'de-delegation', password: PASSWORD } });
      expect(login.statusCode).toBe(200);
      const session = login.cookies.find((c) => c.name === 'pactcycle_session')!;
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
      const cookie = cookiesOf(login);
      const { csrfToken } = login.json();

      const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(me.json().user).toEqual({ name: 'de-delegation', role: 'member-state:DE' });

      const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe('csrf');
      const forged = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': 'forged' } });
      expect(forged.statusCode).toBe(403);

      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(out.statusCode).toBe(204);
      const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(after.json().user).toBeNull();
    });

    it('authenticates scripts by bearer token and refuses a wrong one', async () => {
      const { app, db } = await start();
      const { token } = await createUser(db, { name: 'coordinator-bot', role: 'coordinator', token: true });
      expect(token).toMatch(/^pct_[A-Za-z0-9_-]{43}$/);
      const ok = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } });
      expect(ok.json().user).toEqual({ name: 'coordinator-bot', role: 'coordinator' });
      const wrong = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ error: { code: 'unauthenticated', message: 'the API token is not valid' } });
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_token');
      expect(stored[0]!.token_hash).not.toContain(token!.slice(4));
    });

    it('limits login attempts per client', async () => {
      const { app, db } = await start();
      await createUser(db, { name: 'council-sec', role: 'council', password: PASSWORD });
      const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'council-sec', password: 'guess guess guess' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate-limited');
      const evenRight = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'council-sec', password: PASSWORD } });
      expect(evenRight.statusCode).toBe(429);
    });

    it('refuses a duplicate user, an unknown role and a short password', async () => {
      const { db } = await start();
      await createUser(db, { name: 'com', role: 'commission', password: PASSWORD });
      await expect(createUser(db, { name: 'com', role: 'commission', password: PASSWORD })).rejects.toThrow(/already exists/);
      await expect(createUser(db, { name: 'x', role: 'member-state:XX', password: PASSWORD })).rejects.toThrow(/unknown role/);
      await expect(createUser(db, { name: 'y', role: 'council', password: 'short' })).rejects.toThrow(/at least 12/);
    });

    it('answers unknown routes and malformed bodies with the one error shape', async () => {
      const { app } = await start();
      const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: { code: 'not-found', message: 'no route GET /api/nothing-here' } });
      const malformed = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('malformed-request');
      const invalid = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: '' } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/body\.name.*body\.password|body\.password/) });
      const form = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=a&password=b' });
      expect(form.statusCode).toBe(415);
      const huge = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { filler: 'x'.repeat(70_000) } });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('body-too-large');
    });

    it('serves the OpenAPI document at /api/docs', async () => {
      const { app } = await start();
      const doc = await app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(doc.statusCode).toBe(200);
      expect(doc.json().openapi).toMatch(/^3\./);
      expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
      const ui = await app.inject({ method: 'GET', url: '/api/docs' });
      expect([200, 302]).toContain(ui.statusCode);
    });
  });
}
