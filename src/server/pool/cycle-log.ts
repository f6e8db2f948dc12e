/**
 * The state of each cycle, rebuilt by folding its ledger and kept up to date incrementally: a read catches up with
 * entries appended since (by this or another process), a write decides against the state this process holds and
 * appends at that version. When another process appended first (`VersionConflict`) the write catches up, decides
 * again on the new state, and retries — a bounded number of times.
 *
 * Within one process, writes to a cycle queue up, and whatever queued while one append was in flight is decided in
 * order and appended together in the next (group commit): one round trip and one commit for the lot instead of
 * one each, so the rate a cycle can take is not bounded by one commit's latency. A write that `decide` refuses is
 * refused only on the stored state: the cycle is read again first, and when it has moved on, decided again.
 */
import type { Db } from '../../store/db.ts';
import { chainEntries, GENESIS_HASH, headAt, insertEntries, readPayloads, VersionConflict, type LedgerEntry, type NewLedgerEntry } from '../../store/ledger.ts';

/** What a fold reads of a stored entry: its position and its payload. */
export type FoldedEntry = Pick<LedgerEntry, 'seq' | 'payload'>;

export interface Fold<S> {
  /** The state of a cycle with no events. */
  initial(cycle: number): S;
  /** The state after more stored entries, in order; must not change `state` (snapshots are shared). */
  applyAll(state: S, entries: readonly FoldedEntry[]): S;
}

export interface CycleSnapshot<S> {
  cycle: number;
  version: number;
  /** The hash of the entry at `version` (the genesis hash at version 0): where the next entry links on. */
  hash: string;
  state: S;
}

export class TooMuchContention extends Error {
  constructor(cycle: number, attempts: number) {
    super(`cycle ${cycle}: ${attempts} attempts in a row lost to concurrent writers; try again`);
    this.name = 'TooMuchContention';
  }
}

/** What a write is decided on: the state at a version (in a group, after the writes before it). */
export interface Decidable<S> {
  cycle: number;
  version: number;
  state: S;
}
/**
 * The entries to append; or the entries and the state after them, when deciding computed that state anyway (it must
 * be what the fold gives for the entries as stored: decide on plain JSON), which spares folding them again.
 */
export type Decision<S> = NewLedgerEntry[] | { entries: NewLedgerEntry[]; state: S };
type Decide<S> = (current: Decidable<S>) => Decision<S>;
interface WriteResult<S> {
  snapshot: CycleSnapshot<S>;
  written: LedgerEntry[];
}
interface QueuedWrite<S> {
  decide: Decide<S>;
  resolve(result: WriteResult<S>): void;
  reject(err: unknown): void;
}

/** Writes decided and appended together at most; bounds one statement's size and the wait of the first in line. */
const MAX_GROUP = 200;

export class CycleLog<S> {
  private readonly snapshots = new Map<number, CycleSnapshot<S>>();
  private readonly queues = new Map<number, QueuedWrite<S>[]>();

  constructor(
    private readonly db: Db,
    private readonly fold: Fold<S>,
    private readonly maxAttempts = 20,
  ) {}

  /**
   * The cycle as stored now. A caller that has just read the cycle's version (`listLedgerCycles`) passes it, and a
   * snapshot at least that new is returned without asking the database again.
   */
  async read(cycle: number, storedVersion?: number): Promise<CycleSnapshot<S>> {
    const snap = this.snapshots.get(cycle) ?? { cycle, version: 0, hash: GENESIS_HASH, state: this.fold.initial(cycle) };
    if (storedVersion !== undefined && snap.version >= storedVersion) return snap;
    const fresh = await readPayloads(this.db, cycle, snap.version);
    const last = fresh.at(-1);
    if (!last) return this.keep(snap);
    // Only the newest entry's hash is needed (to link the next write onto); reading every hash would cost more.
    const head = await headAt(this.db, cycle, last.seq);
    if (!head) throw new Error(`cycle ${cycle}: entry ${last.seq} was read but is gone (the ledger is append-only)`);
    return this.keep({ cycle, version: last.seq, hash: head.hash, state: this.fold.applyAll(snap.state, fresh) });
  }

  private keep(snap: CycleSnapshot<S>): CycleSnapshot<S> {
    // Keep the newest snapshot: a slower concurrent read must not replace a newer one.
    const cached = this.snapshots.get(snap.cycle);
    if (!cached || cached.version < snap.version) this.snapshots.set(snap.cycle, snap);
    return snap;
  }

  /**
   * Appends what `decide` returns for the current state; `decide` throws to refuse (nothing is written). It may be
   * called again, on a newer state, when another writer got there first. The snapshot returned includes the write
   * (and any written with it).
   */
  write(cycle: number, decide: Decide<S>): Promise<WriteResult<S>> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(cycle);
      if (queue) {
        queue.push({ decide, resolve, reject });
        return;
      }
      this.queues.set(cycle, [{ decide, resolve, reject }]);
      void this.drain(cycle);
    });
  }

  /** Appends the cycle's queued writes, group by group, until none is left. */
  private async drain(cycle: number): Promise<void> {
    const queue = this.queues.get(cycle)!;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, MAX_GROUP);
        try {
          await this.appendGroup(cycle, group);
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      this.queues.delete(cycle);
    }
  }

  /** Settles every write of `group`: appended together, or refused by its own `decide`. */
  private async appendGroup(cycle: number, group: QueuedWrite<S>[]): Promise<void> {
    let snap = this.snapshots.get(cycle) ?? (await this.read(cycle));
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      // Decide in order, each on the state after the writes before it in the group.
      let at: Decidable<S> & { hash: string } = snap;
      const accepted: { write: QueuedWrite<S>; written: LedgerEntry[] }[] = [];
      const refused: { write: QueuedWrite<S>; err: unknown }[] = [];
      for (const write of group) {
        let decision: Decision<S>;
        try {
          decision = write.decide(at);
        } catch (err) {
          refused.push({ write, err });
          continue;
        }
        const written = chainEntries(cycle, at, Array.isArray(decision) ? decision : decision.entries);
        accepted.push({ write, written });
        const last = written.at(-1);
        if (last) {
          const state = Array.isArray(decision) ? this.fold.applyAll(at.state, written) : decision.state;
          at = { cycle, version: last.seq, hash: last.hash, state };
        }
      }
      if (refused.length > 0) {
        // A refusal must stand on the stored state, not on what this process last saw of it.
        const stored = await this.read(cycle);
        if (stored.version !== snap.version) {
          snap = stored;
          continue;
        }
      }
      const written = accepted.flatMap((a) => a.written);
      try {
        await insertEntries(this.db, written);
      } catch (err) {
        if (!(err instanceof VersionConflict)) throw err;
        // Another process appended first: back off a little (jittered), catch up and decide again.
        await new Promise((r) => setTimeout(r, Math.random() * attempt * 2));
        snap = await this.read(cycle);
        continue;
      }
      const done = this.keep({ cycle, version: at.version, hash: at.hash, state: at.state });
      for (const { write, written } of accepted) write.resolve({ snapshot: done, written });
      for (const { write, err } of refused) write.reject(err);
      return;
    }
    throw new TooMuchContention(cycle, this.maxAttempts);
  }
}
