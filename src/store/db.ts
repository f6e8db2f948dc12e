/**
 * One database interface over two engines: PGlite (real Postgres compiled to WebAssembly, in process; the embedded
 * default) and a PostgreSQL server (when `DATABASE_URL` is set). Repositories talk only to `Db`, so the same SQL runs
 * on both, and the store's tests run on both.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrate.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements at once (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: everything or nothing. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreLocation {
  /** A `postgres://` URL; when absent the embedded store in `home` is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database and the download cache. */
  home: string;
}

/** Where the store lives, from the environment: `DATABASE_URL`, `PACTCYCLE_HOME` (default `.pactcycle/`). */
export function storeLocationFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StoreLocation {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    home: path.resolve(cwd, env.PACTCYCLE_HOME || '.pactcycle'),
  };
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  constructor(private readonly pglite: PGlite) {}
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pglite.query<T>(sql, params)).rows;
  }
  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      fn({ query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows }),
    );
  }
  async close(): Promise<void> {
    await this.pglite.close();
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({ query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

// numeric and bigint columns come back from pg as strings; counts and sums in this store fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Opens the store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Db> {
  let db: Db;
  if (location.databaseUrl) {
    db = new PostgresDb(new pg.Pool({ connectionString: location.databaseUrl, max: 10 }));
  } else {
    const dir = path.join(location.home, 'pgdata');
    mkdirSync(dir, { recursive: true });
    db = new PgliteDb(await PGlite.create(dir));
  }
  await migrate(db);
  return db;
}

/** An in-memory PGlite store, for tests and benchmarks that must not touch disk. */
export async function openMemoryStore(): Promise<Db> {
  const db = new PgliteDb(await PGlite.create());
  await migrate(db);
  return db;
}
