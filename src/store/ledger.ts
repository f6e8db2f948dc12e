/**
 * The pool ledger: an append-only, hash-chained log of every event of an Annual Solidarity Pool cycle. Each entry
 * carries the SHA-256 of the previous entry of its cycle, computed over a canonical serialisation (RFC 8785), so any
 * change to a stored entry breaks the chain at that entry. There is no update or delete path here, and the database
 * refuses them (migration 020_ledger.sql).
 *
 * Writes name the version they expect (the number of entries already in the cycle): two writers that read the same
 * version cannot both append, the second gets a `VersionConflict` and must re-read and retry.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db, Queryable } from './db.ts';

/** The `prev_hash` of a cycle's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a writer hands to the ledger: the event and who recorded it. */
export interface NewLedgerEntry {
  /** The event's type, also kept inside `payload`; a column of its own for filtering. */
  type: string;
  /** The user who recorded the event. */
  actor: string;
  /** The role under which the event was recorded (`commission`, `member-state:DE`, …). */
  role: string;
  recordedAt: Date;
  /** The event itself, as plain JSON. */
  payload: unknown;
}

export interface LedgerEntry extends Omit<NewLedgerEntry, 'recordedAt'> {
  cycle: number;
  /** 1-based position in the cycle; the cycle's version after this entry. */
  seq: number;
  /** ISO 8601, millisecond precision. */
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** Another writer appended first; re-read the cycle and try again. */
export class VersionConflict extends Error {
  constructor(
    readonly cycle: number,
    readonly expectedVersion: number,
  ) {
    super(`cycle ${cycle} is no longer at version ${expectedVersion}: another event was recorded first`);
    this.name = 'VersionConflict';
  }
}

/**
 * The SHA-256 of an entry over the RFC 8785 canonical JSON of every field but the hash itself.
 * @example entryHash({ cycle: 2026, seq: 1, type: 'x', actor: 'a', role: 'commission', recordedAt: '2026-01-01T00:00:00.000Z', payload: {}, prevHash: GENESIS_HASH })
 */
export function entryHash(entry: Omit<LedgerEntry, 'hash'>): string {
  const { cycle, seq, type, actor, role, recordedAt, payload, prevHash } = entry;
  const canonical = canonicalize({ cycle, seq, type, actor, role, recordedAt, payload, prevHash });
  if (canonical === undefined) throw new Error(`ledger entry ${cycle}/${seq} cannot be serialised`);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

interface EntryRow {
  cycle: number;
  seq: number;
  type: string;
  actor: string;
  role: string;
  recorded_at: Date | string;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

function toEntry(row: EntryRow): LedgerEntry {
  return {
    cycle: row.cycle,
    seq: row.seq,
    type: row.type,
    actor: row.actor,
    role: row.role,
    recordedAt: new Date(row.recorded_at).toISOString(),
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** Where a cycle's chain ends: its version (0 when empty) and the hash of its last entry (`GENESIS_HASH` then). */
export interface ChainHead {
  version: number;
  hash: string;
}

/**
 * Links new entries onto a cycle's chain after `head`: numbers them and hashes each over the one before. Pure, so a
 * writer that already holds the head (it read the cycle) can append without reading it again.
 * @example chainEntries(2026, { version: 0, hash: GENESIS_HASH }, [{ type: 'x', actor: 'a', role: 'commission', recordedAt: new Date(0), payload: {} }])
 */
export function chainEntries(cycle: number, head: ChainHead, entries: readonly NewLedgerEntry[]): LedgerEntry[] {
  let prevHash = head.hash;
  return entries.map((e, i) => {
    // Hash what the database will give back: plain JSON, without `undefined` members.
    const payload: unknown = JSON.parse(JSON.stringify(e.payload));
    const unhashed = { cycle, seq: head.version + i + 1, type: e.type, actor: e.actor, role: e.role, recordedAt: e.recordedAt.toISOString(), payload, prevHash };
    const entry: LedgerEntry = { ...unhashed, hash: entryHash(unhashed) };
    prevHash = entry.hash;
    return entry;
  });
}

/**
 * Stores entries made by `chainEntries`, all or none, in one statement (one round trip, one commit). Throws
 * `VersionConflict` when another writer took their place first. The database checks that each entry links onto the
 * one before it (migration 042), so a writer with a stale or wrong head cannot break the chain.
 */
export async function insertEntries(db: Queryable, entries: readonly LedgerEntry[]): Promise<void> {
  const first = entries[0];
  if (!first) return;
  // Arrays rather than one placeholder per value: any number of entries in one statement, far below the 65,535
  // parameter limit; WITH ORDINALITY keeps them in chain order for the link check.
  const column = <T>(f: (e: LedgerEntry) => T): T[] => entries.map(f);
  try {
    await db.query(
      `INSERT INTO pool_event (cycle, seq, type, actor, role, recorded_at, payload, prev_hash, hash)
       SELECT $1, seq, type, actor, role, recorded_at, payload::jsonb, prev_hash, hash
       FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
         WITH ORDINALITY AS e(seq, type, actor, role, recorded_at, payload, prev_hash, hash, n)
       ORDER BY n`,
      [
        first.cycle,
        column((e) => e.seq),
        column((e) => e.type),
        column((e) => e.actor),
        column((e) => e.role),
        column((e) => e.recordedAt),
        column((e) => JSON.stringify(e.payload)),
        column((e) => e.prevHash),
        column((e) => e.hash),
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new VersionConflict(first.cycle, first.seq - 1);
    throw err;
  }
}

/** The head of `cycle` at `version`, or undefined when the cycle has fewer entries. */
export async function headAt(db: Queryable, cycle: number, version: number): Promise<ChainHead | undefined> {
  if (version === 0) return { version: 0, hash: GENESIS_HASH };
  const rows = await db.query<{ hash: string }>('SELECT hash FROM pool_event WHERE cycle = $1 AND seq = $2', [cycle, version]);
  return rows[0] && { version, hash: rows[0].hash };
}

/**
 * Appends `entries` to `cycle`, which must be at `expectedVersion` (0 for a cycle with no entries yet); all or none.
 * Throws `VersionConflict` when another writer got there first.
 */
export async function appendEntries(db: Db, cycle: number, expectedVersion: number, entries: readonly NewLedgerEntry[]): Promise<LedgerEntry[]> {
  const head = await headAt(db, cycle, expectedVersion);
  if (!head) throw new VersionConflict(cycle, expectedVersion);
  const written = chainEntries(cycle, head, entries);
  await insertEntries(db, written);
  return written;
}

/** The entries of `cycle` after version `afterSeq` (up to version `upToSeq`, when given), in order. */
export async function readEntries(db: Queryable, cycle: number, afterSeq = 0, upToSeq = 2 ** 31 - 1): Promise<LedgerEntry[]> {
  const rows = await db.query<EntryRow>(
    'SELECT cycle, seq, type, actor, role, recorded_at, payload, prev_hash, hash FROM pool_event WHERE cycle = $1 AND seq > $2 AND seq <= $3 ORDER BY seq',
    [cycle, afterSeq, upToSeq],
  );
  return rows.map(toEntry);
}

/**
 * The payloads of `cycle` after version `afterSeq`, in order, with their positions: what a fold needs and no more.
 * Rebuilding a pool reads every entry, and the other columns (hashes, times, actors) would cost more than half of it.
 */
export async function readPayloads(db: Queryable, cycle: number, afterSeq = 0): Promise<{ seq: number; payload: unknown }[]> {
  return db.query<{ seq: number; payload: unknown }>('SELECT seq, payload FROM pool_event WHERE cycle = $1 AND seq > $2 ORDER BY seq', [cycle, afterSeq]);
}

/** Every cycle that has at least one entry, with its current version. */
export async function listLedgerCycles(db: Queryable): Promise<{ cycle: number; version: number }[]> {
  return db.query<{ cycle: number; version: number }>('SELECT cycle, max(seq)::integer AS version FROM pool_event GROUP BY cycle ORDER BY cycle');
}

export type BrokenLinkReason = 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch';

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  cycles: { cycle: number; entries: number; headHash: string }[];
  /** The first entry, in (cycle, seq) order, where the chain does not hold. */
  firstBroken?: { cycle: number; seq: number; reason: BrokenLinkReason; detail: string };
}

const VERIFY_PAGE = 5000;

/** Rebuilds every cycle's chain from the stored entries and reports the first broken link. */
export async function verifyLedger(db: Queryable, onProgress?: (checked: number, total: number) => void): Promise<LedgerVerification> {
  const total = (await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM pool_event'))[0]?.n ?? 0;
  const cycles: LedgerVerification['cycles'] = [];
  let checked = 0;
  let cursor = { cycle: 0, seq: 0 };
  let current: { cycle: number; entries: number; headHash: string } | undefined;
  for (;;) {
    const rows = await db.query<EntryRow>(
      `SELECT cycle, seq, type, actor, role, recorded_at, payload, prev_hash, hash FROM pool_event
       WHERE (cycle, seq) > ($1, $2) ORDER BY cycle, seq LIMIT ${VERIFY_PAGE}`,
      [cursor.cycle, cursor.seq],
    );
    for (const row of rows) {
      const entry = toEntry(row);
      if (current?.cycle !== entry.cycle) {
        current = { cycle: entry.cycle, entries: 0, headHash: GENESIS_HASH };
        cycles.push(current);
      }
      const broken = checkLink(entry, current.entries + 1, current.headHash);
      if (broken) return { ok: false, entries: total, cycles, firstBroken: { cycle: entry.cycle, seq: entry.seq, ...broken } };
      current.entries += 1;
      current.headHash = entry.hash;
      checked += 1;
    }
    onProgress?.(checked, total);
    const last = rows.at(-1);
    if (!last || rows.length < VERIFY_PAGE) break;
    cursor = { cycle: last.cycle, seq: last.seq };
  }
  return { ok: true, entries: total, cycles };
}

function checkLink(entry: LedgerEntry, expectedSeq: number, expectedPrev: string): { reason: BrokenLinkReason; detail: string } | undefined {
  if (entry.seq !== expectedSeq) return { reason: 'sequence-gap', detail: `expected entry ${expectedSeq}, found ${entry.seq}` };
  if (entry.prevHash !== expectedPrev) {
    return { reason: 'prev-hash-mismatch', detail: `prev_hash ${entry.prevHash} does not match the previous entry's hash ${expectedPrev}` };
  }
  const recomputed = entryHash(entry);
  if (recomputed !== entry.hash) return { reason: 'hash-mismatch', detail: `stored hash ${entry.hash}, content hashes to ${recomputed}` };
  return undefined;
}
