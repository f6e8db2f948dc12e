/**
 * The two store backends every store test runs on: in-memory PGlite, and the PostgreSQL server at
 * `PACTCYCLE_TEST_DATABASE_URL` (default 127.0.0.1:5432, database `test`). Each server test gets its own schema,
 * dropped afterwards, so tests never see each other's rows. Where no server answers, the server tests are skipped
 * with the reason printed.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openMemoryStore, openStore, type Db } from '../../src/store/db.ts';

export const SERVER_URL = process.env.PACTCYCLE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probeServer(): Promise<string | null> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const serverUnavailable = await probeServer();
if (serverUnavailable) {
  console.warn(`PostgreSQL server tests skipped: no server at ${SERVER_URL} (${serverUnavailable})`);
}

export interface Backend {
  name: 'pglite' | 'postgres';
  available: boolean;
  open(): Promise<{ db: Db; url?: string; dispose(): Promise<void> }>;
}

/** Creates a fresh schema on the server and returns a URL whose connections use it. */
export async function freshServerSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${SERVER_URL}${SERVER_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    available: true,
    async open() {
      const db = await openMemoryStore();
      return { db, dispose: () => db.close() };
    },
  },
  {
    name: 'postgres',
    available: serverUnavailable === null,
    async open() {
      const schema = await freshServerSchema();
      const db = await openStore({ databaseUrl: schema.url, home: '/nonexistent' });
      return {
        db,
        url: schema.url,
        async dispose() {
          await db.close();
          await schema.drop();
        },
      };
    },
  },
];

/**
 * A fresh store per test of the enclosing describe block: `open()` gives one, and every store opened in a test is
 * closed (its server schema dropped) after that test.
 */
export function storePerTest(backend: Backend): () => Promise<{ db: Db; url?: string }> {
  const opened: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of opened.splice(0)) await dispose();
  });
  return async () => {
    const h = await backend.open();
    opened.push(h.dispose);
    return h;
  };
}
