/**
 * The only code that reads and writes observations in SQL. Loading is idempotent: the same figure of the same
 * vintage twice changes nothing, and the same key of the same vintage with another value is refused, because a
 * vintage is a published release and cannot say two things.
 */
import type { Observation } from '../domain/observation.ts';
import { InputError } from '../domain/errors.ts';
import type { Queryable } from './db.ts';

const CHUNK = 5_000;

export function encodeDims(dims: Record<string, string> | undefined): string {
  if (!dims) return '';
  return Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(';');
}

export function decodeDims(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(text.split(';').map((kv) => kv.split('=') as [string, string]));
}

/** A conflicting row as the insert reports it back: its key and the new value, and the value stored under that key. */
type ChunkResult = Pick<Row, 'indicator' | 'geo' | 'period' | 'dims' | 'vintage' | 'value'> & { stored: number };

export interface InsertResult {
  inserted: number;
  unchanged: number;
}

/** Inserts in multi-row batches (`unnest` of arrays): row-by-row inserts are two orders of magnitude slower. */
export async function insertObservations(
  tx: Queryable,
  rows: readonly Observation[],
  loadId: number,
  file = 'input',
  onProgress?: (done: number) => void,
): Promise<InsertResult> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const cols = [
      chunk.map((r) => r.indicator),
      chunk.map((r) => r.geo),
      chunk.map((r) => r.period),
      chunk.map((r) => encodeDims(r.dims)),
      chunk.map((r) => r.vintage),
      chunk.map((r) => r.value),
      chunk.map((r) => r.unit),
      chunk.map((r) => r.flags),
      chunk.map((r) => r.source),
    ];
    const incoming = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[])
      AS t(indicator, geo, period, dims, vintage, value, unit, flags, source)`;
    // Insert first: a row that is not inserted already had its key stored (or repeats one of this chunk). Only then
    // is it worth looking for a stored value that differs; new data (an empty store, a new release) never pays for
    // that join, which on PGlite costs more than the insert itself.
    const result = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO observation (indicator, geo, period, dims, vintage, value, unit, flags, source, load_id)
         SELECT indicator, geo, period, dims, vintage, value, unit, flags, source, $10 FROM (${incoming}) s
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [...cols, loadId],
    );
    const n = result[0]?.n ?? 0;
    if (n < chunk.length) {
      // Rows just inserted match themselves with an equal value, so any row found here is a real conflict: a stored
      // figure, or another row of this chunk, with the same key and a different value.
      const conflicts = await tx.query<ChunkResult>(
        `WITH incoming AS (${incoming})
         SELECT i.indicator, i.geo, i.period, i.dims, i.vintage, i.value, o.value AS stored
         FROM incoming i JOIN observation o USING (indicator, geo, period, dims, vintage)
         WHERE o.value <> i.value LIMIT 1`,
        cols,
      );
      const c = conflicts[0];
      if (c) {
        throw new InputError(
          `${c.indicator} ${c.geo} ${c.period}${c.dims ? ` [${c.dims}]` : ''} vintage ${c.vintage} is already stored as ${c.stored}; the file says ${c.value}. A vintage cannot change: give the new figures a new vintage`,
          { file, field: 'value' },
        );
      }
    }
    inserted += n;
    onProgress?.(Math.min(start + CHUNK, rows.length));
  }
  return { inserted, unchanged: rows.length - inserted };
}

export interface ObservationQuery {
  /** One indicator, or several read in one query (each row keeps its indicator). */
  indicator: string | readonly string[];
  geos?: readonly string[];
  /** Inclusive bounds on the canonical period string (same frequency). */
  from?: string;
  to?: string;
  /** `A`, `Q` or `M`: filters by the shape of the period. */
  freq?: 'A' | 'Q' | 'M';
  /** Exact dims match; `undefined` means only rows without extra dimensions. Use `anyDims` to get every row. */
  dims?: Record<string, string>;
  anyDims?: boolean;
  /** With `anyDims`: only rows whose extra dimensions are exactly these keys (e.g. `['route']`, not route × nationality). */
  dimKeys?: readonly string[];
  /** A specific vintage, or the latest vintage at or before `asOf`; default the latest. */
  vintage?: string;
  asOf?: string;
}

const FREQ_PATTERN = { A: '^[0-9]{4}$', Q: '^[0-9]{4}-Q[1-4]$', M: '^[0-9]{4}-[0-9]{2}$' } as const;

interface Row {
  indicator: string;
  geo: string;
  period: string;
  dims: string;
  vintage: string;
  value: number;
  unit: string;
  flags: string;
  source: string;
}

/** The latest vintage of each figure (or the one asked for), sorted by geo and period. */
export async function queryObservations(db: Queryable, q: ObservationQuery): Promise<Observation[]> {
  const many = typeof q.indicator !== 'string';
  const where: string[] = [many ? 'indicator = ANY($1::text[])' : 'indicator = $1'];
  const params: unknown[] = [q.indicator];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (q.geos) add('geo = ANY(?::text[])', q.geos);
  if (q.from) add('period >= ?', q.from);
  if (q.to) add('period <= ?', q.to);
  if (q.freq) add('period ~ ?', FREQ_PATTERN[q.freq]);
  if (!q.anyDims) add('dims = ?', encodeDims(q.dims));
  else if (q.dimKeys) add('dims ~ ?', `^${[...q.dimKeys].sort().map((k) => `${k.replace(/[^A-Za-z0-9_]/g, '')}=[^;]*`).join(';')}$`);
  if (q.vintage) add('vintage = ?', q.vintage);
  if (q.asOf) add('vintage <= ?', q.asOf);
  const rows = await db.query<Row>(
    `SELECT DISTINCT ON (indicator, geo, period, dims) indicator, geo, period, dims, vintage, value, unit, flags, source
     FROM observation WHERE ${where.join(' AND ')}
     ORDER BY indicator, geo, period, dims, vintage DESC`,
    params,
  );
  return rows.map((r) => {
    const o: Observation = { indicator: r.indicator, geo: r.geo, period: r.period, value: r.value, unit: r.unit, flags: r.flags, source: r.source, vintage: r.vintage };
    const dims = decodeDims(r.dims);
    if (dims) o.dims = dims;
    return o;
  });
}

export async function countObservations(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]?.n ?? 0;
}

/** The vintages stored for an indicator, newest first. */
export async function listVintages(db: Queryable, indicator: string): Promise<string[]> {
  const rows = await db.query<{ vintage: string }>('SELECT DISTINCT vintage FROM observation WHERE indicator = $1 ORDER BY vintage DESC', [indicator]);
  return rows.map((r) => r.vintage);
}

export interface CoverageRow {
  indicator: string;
  geo: string;
  freq: 'A' | 'Q' | 'M';
  first: string;
  last: string;
  count: number;
}

/** Which periods each indicator covers for each geo, in the latest vintages (rows without extra dims). */
export async function coverage(db: Queryable): Promise<CoverageRow[]> {
  return db.query<CoverageRow>(
    `SELECT indicator, geo,
            CASE WHEN period ~ '^[0-9]{4}$' THEN 'A' WHEN period ~ 'Q' THEN 'Q' ELSE 'M' END AS freq,
            min(period) AS first, max(period) AS last, count(DISTINCT period)::int AS count
     FROM observation WHERE dims = ''
     GROUP BY indicator, geo, 3 ORDER BY indicator, geo, 3`,
  );
}

export interface LoadRecord {
  sourceFile: string;
  sha256: string;
  indicator: string;
  source: string;
  vintage: string;
  rowsRead: number;
}

export async function beginLoad(tx: Queryable, rec: LoadRecord): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO data_load (source_file, sha256, indicator, source, vintage, rows_read, rows_inserted)
     VALUES ($1, $2, $3, $4, $5, $6, 0) RETURNING id`,
    [rec.sourceFile, rec.sha256, rec.indicator, rec.source, rec.vintage, rec.rowsRead],
  );
  return rows[0]!.id;
}

export async function finishLoad(tx: Queryable, id: number, inserted: number): Promise<void> {
  await tx.query('UPDATE data_load SET rows_inserted = $2 WHERE id = $1', [id, inserted]);
}
