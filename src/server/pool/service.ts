/**
 * The pool service: the one place the server reads and changes pools. Every answer is projected for the caller
 * through the domain's visibility rules (`projectFor`, `eventVisibleTo`) before it leaves; every change is parsed
 * with the domain's schema, authorised by `mayRecord`, checked by the state machine (`applyEvent`) on the current
 * state, and appended to the ledger at the version it was checked against.
 */
import {
  allocationBalance,
  applyEvent,
  applyEvents,
  EMPTY_POOL,
  isAdopted,
  mayRecord,
  offsetTriggers,
  poolAccount,
  PoolRuleError,
  poolEventSchema,
  projectFor,
  stateAccount,
  stateAccounts,
  stateOfRole,
  type PoolEvent,
  type PoolRole,
  type PoolRuleCode,
  type PoolState,
  type PoolView,
} from '../../domain/pool/index.ts';
import { cycleDeadlines, deadlinesVisibleTo, type CycleDeadline } from '../../domain/calendar/deadlines.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { eventVisibleTo } from '../../domain/pool/event-visibility.ts';
import type { Db } from '../../store/db.ts';
import { listLedgerCycles, readEntries } from '../../store/ledger.ts';
import type { Principal } from '../auth/accounts.ts';
import { HttpError } from '../errors.ts';
import { CycleLog, TooMuchContention, type CycleSnapshot } from './cycle-log.ts';
import { toPoolEvent, type EventRequest } from './requests.ts';

/** Rule codes that say the pool has moved on (or the act was already taken): 409; the rest are 422. */
const CONFLICT_CODES: ReadonlySet<PoolRuleCode> = new Set(['wrong-phase', 'already-decided', 'deadline-passed', 'duplicate-id', 'released']);

export class PoolService {
  private readonly log: CycleLog<PoolState>;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.log = new CycleLog<PoolState>(db, {
      initial: () => EMPTY_POOL,
      applyAll: (state, entries) => applyEvents(state, entries.map((e) => e.payload as PoolEvent)),
    });
  }

  /** Every cycle with at least one event, and its phase: that a cycle exists is public. */
  async listCycles(): Promise<{ cycle: number; phase: PoolState['phase'] }[]> {
    const cycles = await listLedgerCycles(this.db);
    return Promise.all(cycles.map(async ({ cycle, version }) => ({ cycle, phase: (await this.log.read(cycle, version)).state.phase })));
  }

  private async existing(cycle: number): Promise<CycleSnapshot<PoolState>> {
    const snap = await this.log.read(cycle);
    if (snap.state.phase === 'empty') throw new HttpError(404, 'not-found', `there is no ${cycle} cycle`);
    return snap;
  }

  async view(cycle: number, role: PoolRole): Promise<PoolView> {
    return projectFor(role, (await this.existing(cycle)).state);
  }

  /**
   * The ledger entries the caller may read; positions and hashes only for those who see every entry. They are read
   * from the ledger (not kept in memory), up to the version of the state that decides what the caller may see.
   */
  async events(cycle: number, role: PoolRole) {
    const snap = await this.existing(cycle);
    const full = role === 'commission' || role === 'council';
    const events = (await readEntries(this.db, cycle, 0, snap.version))
      .filter((e) => eventVisibleTo(role, e.payload as PoolEvent, snap.state))
      .map((e) => {
        const ev = e.payload as PoolEvent;
        const base = { type: ev.type, role: ev.role, at: ev.at, payload: ev.payload as Record<string, unknown> };
        return full ? { seq: e.seq, hash: e.hash, recordedAt: e.recordedAt, ...base } : base;
      });
    return { cycle, events };
  }

  /**
   * The cycle's statutory deadlines (Art 75 counting) with what is due, done and overdue on `asOf` (default: today),
   * as far as the caller may see them.
   */
  async deadlines(cycle: number, role: PoolRole, asOf?: IsoDate): Promise<{ cycle: number; asOf: IsoDate; deadlines: CycleDeadline[] }> {
    const { state } = await this.existing(cycle);
    const day = asOf ?? this.now().toISOString().slice(0, 10);
    return { cycle, asOf: day, deadlines: deadlinesVisibleTo(role, cycleDeadlines(cycle, state, day)) };
  }

  /** The four figures per state (fair share, pledges, deductions, implementation) as far as the caller may see them. */
  async accounting(cycle: number, role: PoolRole) {
    const { state } = await this.existing(cycle);
    if (state.phase === 'empty') throw new Error('unreachable');
    const view = projectFor(role, state);
    const base = { cycle, phase: state.phase, ...(view.councilAct ? { act: view.councilAct.lines } : {}), ...(view.implementation ? { implementation: view.implementation } : {}) };
    if (role === 'commission' || role === 'council') {
      return {
        ...base,
        states: stateAccounts(state),
        pool: { ...poolAccount(state), offsetTriggers: offsetTriggers(state), allocationBalance: allocationBalance(state) },
      };
    }
    // Art 12(6): a Member State sees its own line, pledges and figures; nobody else's before adoption.
    const own = stateOfRole(role);
    const mine = own ? stateAccount(state, own) : null;
    return { ...base, states: mine ? [mine] : [] };
  }

  /** Records an event for the caller; refuses (and writes nothing) when the caller may not or the rules say no. */
  async record(cycle: number, principal: Principal, request: EventRequest): Promise<{ event: PoolEvent; id?: string; view: PoolView }> {
    if (principal.role === 'public') throw new HttpError(401, 'unauthenticated', 'sign in or send an API token to record events');
    const role = principal.role;
    const { event: raw, newId } = toPoolEvent(request, role, this.now());
    const parsed = poolEventSchema.safeParse(raw);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid-request', parsed.error.issues.map((i) => `${['body', ...i.path].join('.')}: ${i.message}`).join('; '));
    }
    const event = parsed.data;
    // Authority is decided on the role and the event alone, before the pool is looked at, so a refusal says nothing
    // about what the pool holds.
    const authority = mayRecord(role, event);
    if (!authority.allowed) throw new HttpError(403, 'forbidden', authority.reason);
    if (event.type === 'proposal-drafted' && event.payload.cycle !== cycle) {
      throw new HttpError(422, 'wrong-cycle', `the proposal is for cycle ${event.payload.cycle}, but was sent to cycle ${cycle}`);
    }
    try {
      // Decided on the event as it is stored (plain JSON), so the state it gives is the state a rebuild gives.
      const stored = JSON.parse(JSON.stringify(event)) as PoolEvent;
      const { snapshot } = await this.log.write(cycle, (current) => ({
        entries: [{ type: stored.type, actor: principal.name, role, recordedAt: this.now(), payload: stored }],
        state: applyEvent(current.state, stored),
      }));
      return { event, ...(newId ? { id: newId } : {}), view: projectFor(role, snapshot.state) };
    } catch (err) {
      if (err instanceof PoolRuleError) {
        throw new HttpError(CONFLICT_CODES.has(err.code) ? 409 : 422, err.code, err.message);
      }
      if (err instanceof TooMuchContention) throw new HttpError(503, 'contention', err.message);
      throw err;
    }
  }

  /** Whether the pool of `cycle` has been adopted (its act is public). */
  async isAdopted(cycle: number): Promise<boolean> {
    return isAdopted((await this.log.read(cycle)).state);
  }
}
