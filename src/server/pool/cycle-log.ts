/**
 * The state of each cycle, rebuilt by folding its ledger and kept up to date incrementally: a read catches up with
 * entries appended since (by this or another process), a write decides against the current state and appends at
 * the version it decided on. When another process appended first (`VersionConflict`) the write catches up, decides
 * again on the new state, and retries — a bounded number of times. Within one process, writes to a cycle queue up
 * so that they do not race each other needlessly.
 */
import type { Db } from '../../store/db.ts';
import { appendEntries, readEntries, VersionConflict, type LedgerEntry, type NewLedgerEntry } from '../../store/ledger.ts';

export interface Fold<S> {
  /** The state of a cycle with no events. */
  initial(cycle: number): S;
  /** The state after more stored entries, in order; must not change `state` (snapshots are shared). */
  applyAll(state: S, entries: readonly LedgerEntry[]): S;
}

export interface CycleSnapshot<S> {
  cycle: number;
  version: number;
  state: S;
  /** The entries folded so far, in order (for the event log routes). */
  entries: readonly LedgerEntry[];
}

export class TooMuchContention extends Error {
  constructor(cycle: number, attempts: number) {
    super(`cycle ${cycle}: ${attempts} attempts in a row lost to concurrent writers; try again`);
    this.name = 'TooMuchContention';
  }
}

export class CycleLog<S> {
  private readonly snapshots = new Map<number, CycleSnapshot<S>>();
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly fold: Fold<S>,
    private readonly maxAttempts = 20,
  ) {}

  /** The cycle as stored now. */
  async read(cycle: number): Promise<CycleSnapshot<S>> {
    let snap = this.snapshots.get(cycle) ?? { cycle, version: 0, state: this.fold.initial(cycle), entries: [] };
    const fresh = await readEntries(this.db, cycle, snap.version);
    if (fresh.length > 0) {
      snap = { cycle, version: fresh.at(-1)!.seq, state: this.fold.applyAll(snap.state, fresh), entries: [...snap.entries, ...fresh] };
    }
    // Keep the newest snapshot: a slower concurrent read must not replace a newer one.
    const cached = this.snapshots.get(cycle);
    if (!cached || cached.version < snap.version) this.snapshots.set(cycle, snap);
    return snap;
  }

  /**
   * Appends what `decide` returns for the current state; `decide` throws to refuse (nothing is written). It may be
   * called again, on a newer state, when another writer got there first.
   */
  async write(cycle: number, decide: (snapshot: CycleSnapshot<S>) => NewLedgerEntry[]): Promise<{ snapshot: CycleSnapshot<S>; written: LedgerEntry[] }> {
    const previous = this.queues.get(cycle) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.attempt(cycle, decide));
    this.queues.set(cycle, run);
    try {
      return await run;
    } finally {
      if (this.queues.get(cycle) === run) this.queues.delete(cycle);
    }
  }

  private async attempt(cycle: number, decide: (snapshot: CycleSnapshot<S>) => NewLedgerEntry[]) {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const snap = await this.read(cycle);
      const entries = decide(snap);
      try {
        const written = await appendEntries(this.db, cycle, snap.version, entries);
        return { snapshot: await this.read(cycle), written };
      } catch (err) {
        if (!(err instanceof VersionConflict)) throw err;
        // Another process appended first: back off a little (jittered) and decide again on the newer state.
        await new Promise((r) => setTimeout(r, Math.random() * attempt * 2));
      }
    }
    throw new TooMuchContention(cycle, this.maxAttempts);
  }
}
