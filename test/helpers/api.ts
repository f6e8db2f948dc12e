/**
 * The API in process with one user per role (API tokens, no passwords: quick to create), and a caller that acts
 * as any role. `public` sends no credentials.
 */
import type { FastifyInstance } from 'fastify';
import { SOLIDARITY_STATES } from '../../src/domain/member-states.ts';
import { memberStateRole, type PoolRole } from '../../src/domain/pool/roles.ts';
import { createUser } from '../../src/server/auth/accounts.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';

export const ROLES: readonly PoolRole[] = ['public', 'commission', 'council', 'coordinator', ...SOLIDARITY_STATES.map(memberStateRole)];

export interface Reply {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, unknown>;
}

/** How a client talks to the API: in process (inject) or over HTTP (fetch). */
export type Call = (role: PoolRole, method: 'GET' | 'POST', url: string, body?: unknown) => Promise<Reply>;

/** Creates one token user per role and returns their tokens. */
export async function createRoleUsers(db: Db, roles: readonly PoolRole[] = ROLES): Promise<Map<PoolRole, string>> {
  const tokens = new Map<PoolRole, string>();
  for (const role of roles) {
    if (role === 'public') continue;
    const { token } = await createUser(db, { name: role.replace(':', '-'), role, token: true });
    tokens.set(role, token!);
  }
  return tokens;
}

export function injectCaller(app: FastifyInstance, tokens: Map<PoolRole, string>): Call {
  return async (role, method, url, body) => {
    const token = tokens.get(role);
    const res = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown = undefined;
    try {
      parsed = res.json();
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
  };
}

export async function apiWithRoles(db: Db, opts: Partial<AppOptions> = {}): Promise<{ app: FastifyInstance; call: Call; tokens: Map<PoolRole, string> }> {
  const app = await buildApp({ db, ...opts });
  const tokens = await createRoleUsers(db);
  return { app, call: injectCaller(app, tokens), tokens };
}
