/**
 * Repository of user accounts, API tokens and browser sessions: the only code that touches those tables. Secrets
 * arrive here already hashed.
 */
import type { Queryable } from './db.ts';

export interface UserRecord {
  id: number;
  name: string;
  role: string;
  passwordHash: string | null;
}

interface UserRow {
  id: number;
  name: string;
  role: string;
  password_hash: string | null;
}

const toUser = (r: UserRow): UserRecord => ({ id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash });

/** Adds a user; returns undefined when the name is taken. */
export async function insertUser(db: Queryable, user: { name: string; role: string; passwordHash: string | null }): Promise<UserRecord | undefined> {
  const rows = await db.query<UserRow>(
    'INSERT INTO app_user (name, role, password_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id, name, role, password_hash',
    [user.name, user.role, user.passwordHash],
  );
  return rows[0] && toUser(rows[0]);
}

export async function findUserByName(db: Queryable, name: string): Promise<UserRecord | undefined> {
  const rows = await db.query<UserRow>('SELECT id, name, role, password_hash FROM app_user WHERE name = $1', [name]);
  return rows[0] && toUser(rows[0]);
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  return (await db.query<UserRow>('SELECT id, name, role, password_hash FROM app_user ORDER BY name')).map(toUser);
}

export async function insertApiToken(db: Queryable, userId: number, tokenHash: string): Promise<void> {
  await db.query('INSERT INTO api_token (token_hash, user_id) VALUES ($1, $2)', [tokenHash, userId]);
}

export async function findUserByTokenHash(db: Queryable, tokenHash: string): Promise<UserRecord | undefined> {
  const rows = await db.query<UserRow>(
    'SELECT u.id, u.name, u.role, u.password_hash FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1',
    [tokenHash],
  );
  return rows[0] && toUser(rows[0]);
}

export async function insertSession(db: Queryable, sessionHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO user_session (session_hash, user_id, expires_at) VALUES ($1, $2, $3)', [sessionHash, userId, expiresAt.toISOString()]);
}

/** The user of a session that has not expired at `now`. */
export async function findUserBySessionHash(db: Queryable, sessionHash: string, now: Date): Promise<UserRecord | undefined> {
  const rows = await db.query<UserRow>(
    `SELECT u.id, u.name, u.role, u.password_hash FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.session_hash = $1 AND s.expires_at > $2`,
    [sessionHash, now.toISOString()],
  );
  return rows[0] && toUser(rows[0]);
}

/** Ends a session, and clears every session that has expired. */
export async function deleteSession(db: Queryable, sessionHash: string, now: Date): Promise<void> {
  await db.query('DELETE FROM user_session WHERE session_hash = $1 OR expires_at <= $2', [sessionHash, now.toISOString()]);
}
