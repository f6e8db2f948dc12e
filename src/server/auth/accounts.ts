/**
 * Accounts: who may act in a cycle and how they prove it. Passwords are hashed with argon2id; API tokens (for
 * scripts) and browser session ids are random 256-bit secrets stored only as SHA-256 hashes — a fast hash is enough
 * for a secret with that much entropy, and it lets a request be authenticated with one indexed lookup.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { InputError } from '../../domain/errors.ts';
import { isPoolRole, type PoolRole } from '../../domain/pool/roles.ts';
import type { Queryable } from '../../store/db.ts';
import * as users from '../../store/users.ts';

/** A role an account can hold: every pool role but `public`, which is what a request without credentials acts as. */
export type AccountRole = Exclude<PoolRole, 'public'>;

/** The caller of a request: an account, or the anonymous public. */
export interface Principal {
  name: string;
  role: PoolRole;
  /** How the caller proved who it is; CSRF protection applies only to `session`. */
  via: 'token' | 'session' | 'anonymous';
}

export const PUBLIC: Principal = { name: 'anonymous', role: 'public', via: 'anonymous' };

export const SESSION_HOURS = 8;

/** Checks a role string: one of the fixed roles, or `member-state:XX` for one of the 26 states bound by the AMMR. */
export function parseRole(role: string): AccountRole {
  if (role !== 'public' && isPoolRole(role)) return role as AccountRole;
  throw new InputError(
    `unknown role "${role}": use commission, council, coordinator or member-state:XX with XX one of the 26 Member States bound by the solidarity mechanism (Eurostat codes, EL for Greece)`,
    { field: 'role' },
  );
}

const sha256 = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
const newSecret = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

// Verifying against a real hash when the name is unknown keeps login time from telling which names exist.
const DECOY_HASH = argon2Hash(randomBytes(16).toString('hex'));

export interface CreatedUser {
  name: string;
  role: AccountRole;
  /** Shown once; only its hash is stored. */
  token?: string;
}

/** Adds a user with an optional password and optional API token. */
export async function createUser(db: Queryable, input: { name: string; role: string; password?: string; token?: boolean }): Promise<CreatedUser> {
  const role = parseRole(input.role);
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(input.name)) {
    throw new InputError(`user name "${input.name}" must be 1-64 letters, digits, or . _ @ -`, { field: 'name' });
  }
  if (input.password !== undefined && input.password.length < 12) throw new InputError('a password needs at least 12 characters', { field: 'password' });
  if (input.password === undefined && !input.token) throw new InputError('a user needs a password, an API token, or both', { field: 'password' });
  const passwordHash = input.password === undefined ? null : await argon2Hash(input.password);
  const user = await users.insertUser(db, { name: input.name, role, passwordHash });
  if (!user) throw new InputError(`a user named "${input.name}" already exists`, { field: 'name' });
  const created: CreatedUser = { name: user.name, role };
  if (input.token) created.token = await issueToken(db, user.id);
  return created;
}

async function issueToken(db: Queryable, userId: number): Promise<string> {
  const token = newSecret('pct_');
  await users.insertApiToken(db, userId, sha256(token));
  return token;
}

/** Adds an API token to an existing user; returns it once. */
export async function addToken(db: Queryable, name: string): Promise<string> {
  const user = await users.findUserByName(db, name);
  if (!user) throw new InputError(`no user named "${name}"`, { field: 'name' });
  return issueToken(db, user.id);
}

const principalOf = (u: users.UserRecord, via: Principal['via']): Principal => ({ name: u.name, role: parseRole(u.role), via });

export async function principalForToken(db: Queryable, token: string): Promise<Principal | undefined> {
  const user = await users.findUserByTokenHash(db, sha256(token));
  return user && principalOf(user, 'token');
}

export async function principalForSession(db: Queryable, sessionId: string, now: Date): Promise<Principal | undefined> {
  const user = await users.findUserBySessionHash(db, sha256(sessionId), now);
  return user && principalOf(user, 'session');
}

/** Checks a name and password; on success opens a session and returns its id (for the cookie). */
export async function login(db: Queryable, name: string, password: string, now: Date): Promise<{ sessionId: string; principal: Principal; expiresAt: Date } | undefined> {
  const user = await users.findUserByName(db, name);
  const ok = await argon2Verify(user?.passwordHash ?? (await DECOY_HASH), password).catch(() => false);
  if (!user?.passwordHash || !ok) return undefined;
  const sessionId = newSecret('');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await users.insertSession(db, sha256(sessionId), user.id, expiresAt);
  return { sessionId, principal: principalOf(user, 'session'), expiresAt };
}

export async function logout(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await users.deleteSession(db, sha256(sessionId), now);
}
