/**
 * Every deadline of one cycle of the Annual Solidarity Pool, with what is due, done and overdue as of a date given
 * by the caller. Fixed dates of the Regulation ("by 15 October") are dates, not periods, so Art 75 does not move
 * them; periods that start with an event ("within 15 days", "within four weeks") are counted under Art 75 from the
 * event recorded in the pool.
 *
 * Cycle `Y` is the pool for year `Y`: the Report, the Art 11 decision and the proposal come in autumn `Y − 1`,
 * the Council act before the end of `Y − 1`, implementation during `Y` (not before the Regulation applies, Art 85),
 * confirmations in January `Y + 1` (Art 60(6)).
 */
import type { MemberStateCode } from '../member-states.ts';
import { stateOfRole, type PoolRole } from '../pool/roles.ts';
import { isAdopted, type PoolState } from '../pool/state.ts';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '../pool/settings.ts';
import { describePeriod, periodEnd, type Period } from './art75.ts';
import { dateOf, isoDate, type IsoDate } from './dates.ts';

export type DeadlineStatus = 'done' | 'due' | 'overdue' | 'not-triggered' | 'not-recorded';

export interface CycleDeadline {
  /** Stable id, e.g. `9(4)`, `61(3):d-AT` for a request's own deadline. */
  id: string;
  article: string;
  what: string;
  actor: string;
  /** The last day; null while the event that starts the period has not happened. */
  due: IsoDate | null;
  /** How `due` was obtained: a fixed date of the Regulation or a period counted from an event. */
  basis: string;
  status: DeadlineStatus;
  doneAt?: string;
  /** Done, but after the last day. */
  late?: boolean;
  note?: string;
  /** The Member States a deadline of one request or access concerns; none for the cycle's own deadlines. */
  parties?: MemberStateCode[];
}

/**
 * Facts the pool's events do not record (the agencies' information, the network's meetings, the Report), given
 * by id with the date they happened.
 */
export type ExternalFacts = Partial<Record<'9(7)' | '9(8)' | '9(9)' | '9(10)' | '9(4)', IsoDate>>;

interface Item {
  id: string;
  article: string;
  what: string;
  actor: string;
  due: IsoDate | null;
  basis: string;
  doneAt?: string;
  note?: string;
  parties?: MemberStateCode[];
  /** For facts no event of the pool records and none was given. */
  untracked?: boolean;
}

function status(item: Item, asOf: IsoDate): CycleDeadline {
  const { untracked, ...rest } = item;
  const out: CycleDeadline = { ...rest, status: 'due' };
  if (item.doneAt !== undefined) {
    out.status = 'done';
    out.late = item.due !== null && dateOf(item.doneAt) > item.due;
  } else if (untracked) out.status = 'not-recorded';
  else if (item.due === null) out.status = 'not-triggered';
  else out.status = asOf > item.due ? 'overdue' : 'due';
  return out;
}

/**
 * The deadlines of cycle `cycle` as of `asOf`, from the pool's state and any external facts.
 * @example cycleDeadlines(2026, foldEvents(events), '2025-11-20').filter((d) => d.status === 'overdue')
 */
export function cycleDeadlines(cycle: number, pool: PoolState, asOf: IsoDate, settings: PoolSettings = DEFAULT_POOL_SETTINGS, facts: ExternalFacts = {}): CycleDeadline[] {
  const prior = cycle - 1;
  const h = settings.holidays;
  const counted = (from: string | undefined, period: Period): { due: IsoDate | null; basis: string } =>
    from === undefined
      ? { due: null, basis: `${describePeriod(period)} from the triggering event (Art 75)` }
      : { due: periodEnd(dateOf(from), period, h), basis: `${describePeriod(period)} from ${dateOf(from)} (Art 75)` };
  const fixed = (y: number, m: number, d: number) => ({ due: isoDate(y, m, d), basis: 'a date fixed by the Regulation' });
  const open = pool.phase === 'empty' ? null : pool;
  const adopted = isAdopted(pool) ? pool : null;
  const items: Item[] = [];
  const external = (id: keyof ExternalFacts, article: string, what: string, actor: string, due: { due: IsoDate; basis: string }) =>
    items.push({ id, article, what, actor, ...due, ...(facts[id] ? { doneAt: facts[id] } : { untracked: true }) });

  external('9(7)', 'Art 9(7)', 'Member States and the agencies deliver the information of Art 10', 'Member States, EUAA, Frontex, Europol, FRA', fixed(prior, 6, 1));
  external('9(8)', 'Art 9(8)', 'the blueprint network meets on the initial assessment (first half of July)', 'Commission', fixed(prior, 7, 15));
  external('9(9)', 'Art 9(9)', 'updated information', 'Member States, agencies', fixed(prior, 9, 1));
  external('9(10)', 'Art 9(10)', 'the network meets on the consolidated assessment', 'Commission', fixed(prior, 9, 30));
  if (facts['9(4)'] === undefined && open) {
    // Art 12(1): the Report, the Art 11 decision and the proposal are adopted together.
    items.push({ id: '9(4)', article: 'Art 9(4), 9(1)', what: 'the European Annual Asylum and Migration Report', actor: 'Commission', ...fixed(prior, 10, 15), doneAt: open.proposedAt, note: 'taken as adopted with the proposal (Art 12(1))' });
  } else {
    external('9(4)', 'Art 9(4), 9(1)', 'the European Annual Asylum and Migration Report', 'Commission', fixed(prior, 10, 15));
  }
  items.push({ id: '11(4)', article: 'Art 11(1), 11(4)', what: 'the implementing decision on migratory pressure, risk and significant situations', actor: 'Commission', ...fixed(prior, 10, 15), doneAt: open?.classification?.at });
  items.push({ id: '12(1)', article: 'Art 12(1)', what: 'the proposal for the Council implementing act establishing the pool', actor: 'Commission', ...fixed(prior, 10, 15), doneAt: open?.proposedAt });
  items.push({
    id: '12(6)',
    article: 'Art 12(6)',
    what: 'the proposal stays classified (RESTREINT UE) until the Council act',
    actor: 'Commission, Council',
    due: null,
    basis: 'until the Council act',
    doneAt: adopted?.councilAct.adoptedAt,
    ...(open && !adopted ? { note: 'in force' } : {}),
  });
  items.push({ id: '13(2)', article: 'Art 13(1)–(2)', what: 'the High-Level EU Solidarity Forum is convened', actor: 'Council', ...counted(open?.proposedAt, { days: 15 }), doneAt: open && open.phase !== 'drafted' ? open.forumOpenedAt : undefined });
  items.push({ id: '57(1)', article: 'Art 57(1)', what: 'the Council implementing act establishing the pool', actor: 'Council', ...fixed(prior, 12, 31), doneAt: adopted?.councilAct.adoptedAt });
  const start = `${cycle}-01-01` > settings.applicationDate ? `${cycle}-01-01` : settings.applicationDate;
  items.push({ id: '85', article: 'Art 85, 60', what: 'implementation may start (the Regulation applies)', actor: 'Commission', due: start, basis: `the application date setting (${settings.applicationDate})`, doneAt: adopted && adopted.phase !== 'adopted' ? adopted.implementationStartedAt : undefined });
  items.push({ id: '60(3)', article: 'Art 60(3)', what: 'pledges other than financial contributions are implemented', actor: 'contributing Member States', ...fixed(cycle, 12, 31), doneAt: adopted?.phase === 'closed' ? adopted.closedAt : undefined, note: 'done when the year is closed; relocations under way continue (Art 67(12))' });
  if (cycle === 2026) {
    for (const [id, d] of [['60(3)-ss1', isoDate(2026, 7, 12)], ['60(3)-ss2', isoDate(2026, 10, 15)]] as const) {
      items.push({ id, article: 'Art 60(3)', what: 'the Commission assesses systemic shortcomings of benefitting states', actor: 'Commission', due: d, basis: 'announced by the Commission (press, UNCONFIRMED in the Report)', untracked: true });
    }
  }

  if (adopted) {
    const confirmable = [...adopted.states.values()];
    const confirmed = confirmable.filter((b) => b.confirmation);
    const last = confirmed.map((b) => b.confirmation!.at).sort().at(-1);
    items.push({
      id: '60(6)',
      article: 'Art 60(6)',
      what: 'Member States confirm to the Coordinator what they implemented in the year',
      actor: 'Member States',
      ...fixed(cycle + 1, 1, 31),
      doneAt: confirmed.length === confirmable.length ? last : undefined,
      note: `${confirmed.length} of ${confirmable.length} confirmed`,
    });
    const forumFor = (code: MemberStateCode, since: string) => adopted.technicalForums.find((f) => f.benefitting === code && f.at >= since)?.at;
    for (const b of adopted.states.values()) {
      if (b.benefitting?.via === 'art-58') {
        items.push({ id: `58(3):${b.code}`, article: 'Art 58(3)', what: `the Technical-Level Forum is convened for ${b.code}`, actor: 'Coordinator', ...counted(b.benefitting.since, { days: 10 }), doneAt: forumFor(b.code, b.benefitting.since), parties: [b.code] });
      }
    }
    for (const n of adopted.selfNotifications.values()) {
      if (!n.decision?.granted) continue;
      const window = counted(n.decision.at, { weeks: 2 });
      items.push({
        id: `59(6)-council:${n.state}`,
        article: 'Art 59(6)',
        what: `the Council may refuse ${n.state}'s access (insufficient capacity or other objective reasons)`,
        actor: 'Council',
        ...window,
        doneAt: n.councilRefusal?.at ?? (asOf > window.due! ? window.due! : undefined),
        note: n.councilRefusal ? 'refused' : 'the window closes without a refusal',
        parties: [n.state],
      });
      if (!n.councilRefusal) {
        items.push({ id: `59(6)-forum:${n.state}`, article: 'Art 59(6)', what: `the Technical-Level Forum is convened for ${n.state}`, actor: 'Coordinator', ...window, doneAt: forumFor(n.state, n.decision.at), parties: [n.state] });
      } else if (n.councilRefusal.ground === 'insufficient-capacity') {
        const hlf = counted(n.decision.at, { weeks: 1 });
        items.push({ id: `59(7):${n.state}`, article: 'Art 59(7)', what: 'the High-Level Forum is convened after the Council found insufficient capacity', actor: 'Council', ...hlf, doneAt: adopted.reconvened.find((r) => r.at >= n.councilRefusal!.at)?.at, parties: [n.state] });
      }
    }
    for (const d of adopted.deductions.values()) {
      items.push({ id: `${d.article}(3):${d.id}`, article: `Art ${d.article}(3)`, what: `the Commission assesses ${d.state}'s deduction request ${d.id}`, actor: 'Commission', ...counted(d.requestedAt, { weeks: 4 }), doneAt: d.assessment?.at, parties: [d.state] });
    }
    for (const o of adopted.offsets.values()) {
      const replier = o.initiative === 'request' ? o.contributing : o.benefitting;
      items.push({ id: `69:${o.id}`, article: 'Art 69', what: `${replier} replies to the offset ${o.initiative} ${o.id}`, actor: replier, ...counted(o.at, { days: 30 }), doneAt: o.reply?.at, parties: [o.contributing, o.benefitting] });
    }
  }
  return items.map((i) => status(i, asOf));
}

/**
 * The deadlines `role` may see, by the pool's visibility rules (../pool/visibility.ts): the Commission, the Council
 * and the Coordinator see every deadline; a Member State the cycle's own and those of the requests and accesses it is
 * party to; the public the cycle's own only (the dates of a cycle's acts are public, who asked for what is not).
 */
export function deadlinesVisibleTo(role: PoolRole, deadlines: readonly CycleDeadline[]): CycleDeadline[] {
  if (role === 'commission' || role === 'council' || role === 'coordinator') return [...deadlines];
  const own = stateOfRole(role);
  return deadlines.filter((d) => !d.parties || (own !== null && d.parties.includes(own)));
}
