/**
 * First run without the CLI: the one-time setup link creates the first (Commission) account and nothing else, and
 * every other way in is refused — no token, a wrong token, a used token, a token after an account exists. Then the
 * Commission, and only it, creates the other accounts from the web.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { createRoleUsers, injectCaller } from '../../../test/helpers/api.ts';
import { buildApp } from '../app.ts';
import { createUser } from '../auth/accounts.ts';
import { newSetupToken } from './first-run.ts';

const PASSWORD = 'correct horse battery staple';
const cookiesOf = (res: LightMyRequestResponse): string => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`first-run setup on ${backend.name}`, () => {
    const open = storePerTest(backend);
    let app: FastifyInstance | undefined;
    afterEach(async () => app?.close());
    const start = async (setupToken?: string) => {
      const { db } = await open();
      app = await buildApp({ db, loginRateLimit: { max: 1000, timeWindow: 60_000 }, ...(setupToken ? { setupToken } : {}) });
      const setup = (body: object) => app!.inject({ method: 'POST', url: '/api/setup', payload: body });
      return { app, db, setup };
    };
    const count = async (db: { query: <T>(sql: string) => Promise<T[]> }) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0]!.n;

    it('creates the first Commission account with the printed token, signs it in, and closes for good', async () => {
      const token = newSetupToken();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const { app, db, setup } = await start(token);
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });

      // Every way in but the token is refused with the same answer, and creates nothing.
      const refusals = [
        await setup({ name: 'mallory', password: PASSWORD }),
        await setup({ token: '', name: 'mallory', password: PASSWORD }),
        await setup({ token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), name: 'mallory', password: PASSWORD }),
        await setup({ token: token + 'x', name: 'mallory', password: PASSWORD }),
      ];
      expect(refusals.map((r) => r.statusCode)).toEqual([400, 400, 403, 403]);
      expect(refusals[2]!.json()).toEqual(refusals[3]!.json());
      expect(refusals[2]!.json().error.code).toBe('setup-refused');
      expect(await count(db)).toBe(0);

      // A refused password keeps the link good; the right one creates a Commission account whatever role is asked.
      const short = await setup({ token, name: 'analyst', password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.message).toMatch(/at least 12/);
      const ok = await setup({ token, name: 'analyst', password: PASSWORD, role: 'council' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().user).toEqual({ name: 'analyst', role: 'commission' });
      const cookie = cookiesOf(ok);
      expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json().user).toEqual({ name: 'analyst', role: 'commission' });

      // The same token again, and any other: refused; still one account.
      expect((await setup({ token, name: 'mallory', password: PASSWORD })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
      expect(await count(db)).toBe(1);
    });

    it('refuses setup when an account exists, even with the right token, and when the server has no token', async () => {
      const token = newSetupToken();
      const { db, setup } = await start(token);
      await createUser(db, { name: 'made-by-cli', role: 'council', password: PASSWORD });
      const late = await setup({ token, name: 'mallory', password: PASSWORD });
      expect(late.statusCode).toBe(403);
      expect(await count(db)).toBe(1);
      await app!.close();

      const closed = await start();
      const none = await closed.setup({ token: 'anything', name: 'mallory', password: PASSWORD });
      expect(none.statusCode).toBe(403);
      expect(await count(closed.db)).toBe(0);
    });

    it('lets only one of two simultaneous claims through', async () => {
      const token = newSetupToken();
      const { db, setup } = await start(token);
      const [a, b] = await Promise.all([setup({ token, name: 'first', password: PASSWORD }), setup({ token, name: 'second', password: PASSWORD })]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 403]);
      expect(await count(db)).toBe(1);
    });

    it('lets the Commission, and no one else, list and create accounts for the other roles', async () => {
      const { app, db } = await start();
      const call = injectCaller(app, await createRoleUsers(db, ['commission', 'council', 'coordinator', 'member-state:DE']));
      for (const role of ['public', 'council', 'coordinator', 'member-state:DE'] as const) {
        expect((await call(role, 'GET', '/api/users')).status, role).toBe(403);
        const r = await call(role, 'POST', '/api/users', { name: `x-${role.replace(':', '-')}`, role: 'commission', password: PASSWORD });
        expect(r.status, role).toBe(403);
      }
      const before = await count(db);
      const created = await call('commission', 'POST', '/api/users', { name: 'it-delegation', role: 'member-state:IT', password: PASSWORD });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ name: 'it-delegation', role: 'member-state:IT' });
      expect(created.text).not.toContain(PASSWORD);
      const bad = await call('commission', 'POST', '/api/users', { name: 'dk', role: 'member-state:DK', password: PASSWORD });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { message: string } }).error.message).toMatch(/field role: unknown role "member-state:DK"/);
      expect((await call('commission', 'POST', '/api/users', { name: 'it-delegation', role: 'council', password: PASSWORD })).status).toBe(400);
      expect((await call('commission', 'POST', '/api/users', { name: 'weak', role: 'council', password: 'short' })).status).toBe(400);
      expect(await count(db)).toBe(before + 1);
      const list = (await call('commission', 'GET', '/api/users')).body as { users: { name: string; role: string }[] };
      expect(list.users).toContainEqual({ name: 'it-delegation', role: 'member-state:IT' });
      expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);

      // The new delegation signs in with the password the Commission set.
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'it-delegation', password: PASSWORD } });
      expect(login.json().user).toEqual({ name: 'it-delegation', role: 'member-state:IT' });
    });
  });
}
