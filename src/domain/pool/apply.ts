/**
 * The pool's state machine: each event is checked against the phase and the rules of the Regulation and folded
 * into the state, or refused with a `PoolRuleError` citing the article. Pure: no clock (times come in the events),
 * no I/O.
 *
 * `applyEvent` never changes the state it is given (it works on a copy of the books and requests, which shares the
 * persistent pledge maps); `foldEvents` and `applyEvents` copy once and then fold in place, so rebuilding a pool costs
 * O(1) per event (O(log pledges) for a pledge).
 */
import { Map as PersistentMap } from 'immutable';
import { periodEnd } from '../calendar/art75.ts';
import { dateOf } from '../calendar/dates.ts';
import { isSolidarityState, type MemberStateCode } from '../member-states.ts';
import { ensure, PoolRuleError } from './errors.ts';
import type { PoolEvent, PoolEventOf, PoolEventType } from './events.ts';
import { addAmounts, AMOUNT_FIELD, measureAmount, zeroAmounts, type Amounts, type Measure } from './measures.ts';
import { art63_1, art63_2, art63_3, art63_4 } from './offsets.ts';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from './settings.ts';
import {
  clonePool,
  EMPTY_POOL,
  hasFullDeduction,
  isAdopted,
  newBook,
  obligation,
  transferKey,
  type AdoptedOrLater,
  type AdoptedPool,
  type ClosedPool,
  type ForumPool,
  type ImplementationPool,
  type OpenPool,
  type Phase,
  type PoolState,
  type StateBook,
  type Transfer,
} from './state.ts';

type Handler<T extends PoolEventType> = (s: PoolState, e: PoolEventOf<T>, settings: PoolSettings) => PoolState;
type StateIn<P extends Phase> = Extract<PoolState, { phase: P }>;

const PHASE_NAMES: Record<Phase, string> = {
  empty: 'before the Commission proposal',
  drafted: 'after the Commission proposal, before the High-Level Forum',
  forum: 'at the High-Level Forum, before the Council act',
  adopted: 'after the Council act, before implementation starts',
  implementation: 'during implementation',
  closed: 'after the year was closed',
};

function inPhase<P extends Phase>(s: PoolState, e: PoolEvent, phases: readonly P[], rule: string): asserts s is StateIn<P> {
  if (!(phases as readonly Phase[]).includes(s.phase)) {
    throw new PoolRuleError('wrong-phase', `${e.type} is not allowed ${PHASE_NAMES[s.phase]}: ${rule}`);
  }
}

function book(s: OpenPool, code: string, what = 'state'): StateBook {
  const b = isSolidarityState(code) ? s.states.get(code) : undefined;
  ensure(b !== undefined, 'unknown-state', () =>
    isSolidarityState(code)
      ? `${what} ${code} has no line in the proposal of cycle ${s.cycle} (Art 12(2))`
      : `unknown ${what} ${JSON.stringify(code)}: not one of the 26 Member States bound by the solidarity mechanism`,
  );
  return b;
}

function wholeNumber(n: number, what: string, { positive = false } = {}): void {
  ensure(Number.isSafeInteger(n) && (positive ? n > 0 : n >= 0), 'invalid-amount', () => `${what} must be a whole number ${positive ? 'of at least 1' : 'not below 0'}, got ${n}`);
}

function checkMeasure(m: Measure): void {
  wholeNumber(measureAmount(m), m.kind === 'relocation' || m.kind === 'offset' ? 'persons' : 'euros', { positive: true });
  if (m.kind === 'alternative') ensure(m.description.trim() !== '', 'invalid-amount', 'Art 57(4): an alternative measure needs a description');
}

function checkAmounts(a: Amounts, what: string): void {
  wholeNumber(a.relocations, `${what}: relocations`);
  wholeNumber(a.financialEur, `${what}: financialEur`);
  wholeNumber(a.alternativeEur, `${what}: alternativeEur`);
  wholeNumber(a.offsets, `${what}: offsets`);
}

function timeOf(e: PoolEvent): string {
  ensure(typeof e.at === 'string' && !Number.isNaN(Date.parse(e.at)), 'invalid-time', () => `${e.type}: time ${JSON.stringify(e.at)} is not an ISO 8601 timestamp`);
  return e.at;
}

const describeAmounts = (a: Amounts) =>
  `${a.relocations} relocations, EUR ${a.financialEur} financial, EUR ${a.alternativeEur} alternative, ${a.offsets} offsets`;

function lessOrEqual(a: Amounts, b: Amounts): boolean {
  return a.relocations <= b.relocations && a.financialEur <= b.financialEur && a.alternativeEur <= b.alternativeEur && a.offsets <= b.offsets;
}

function transfer(s: AdoptedOrLater, contributing: MemberStateCode, benefitting: MemberStateCode): Transfer {
  const key = transferKey(contributing, benefitting);
  let t = s.transfers.get(key);
  if (!t) {
    t = { contributing, benefitting, allocated: zeroAmounts(), implemented: zeroAmounts() };
    s.transfers.set(key, t);
  }
  return t;
}

function benefittingState(s: AdoptedOrLater, code: string, rule: string): StateBook {
  const b = book(s, code, 'benefitting state');
  ensure(b.benefitting !== null, 'not-benefitting', () => `${code} is not a benefitting Member State (${rule})`);
  return b;
}

function notReleased(b: StateBook, rule: string): void {
  ensure(b.systemicShortcomings === null, 'released', () =>
    `Art 60(3): the Commission found systemic shortcomings in ${b.code} regarding the Dublin rules (${b.systemicShortcomings!.decision}); contributing states are released from ${rule} towards it until the finding is lifted`);
}

// Pledges are made at the High-Level Forum (Art 57(3)), or at a reconvened Forum after adoption (Art 13(4)).
function pledgingOpen(s: PoolState, e: PoolEvent): asserts s is ForumPool | AdoptedPool | ImplementationPool {
  const reconvenedOpen = (s.phase === 'adopted' || s.phase === 'implementation') && s.reconvened.at(-1)?.open === true;
  if (s.phase !== 'forum' && !reconvenedOpen) {
    throw new PoolRuleError(
      'wrong-phase',
      `${e.type} is not allowed ${PHASE_NAMES[s.phase]}: Member States pledge at the High-Level Forum until the Council act (Art 57(3)); after adoption only at a Forum reconvened under Art 13(4)`,
    );
  }
}

/** Art 57(1), 13(4): every live pledge becomes binding. */
function bindPledges(s: OpenPool): void {
  for (const b of s.states.values()) b.pledges = b.pledges.map((p) => (p.binding ? p : { ...p, binding: true }));
}

function ownPledge(s: OpenPool, pledgeId: string, state: MemberStateCode) {
  const p = s.states.get(state)?.pledges.get(pledgeId);
  ensure(p !== undefined && p.state === state, 'unknown-pledge', () => `${state} has no live pledge ${JSON.stringify(pledgeId)}`);
  ensure(!p.binding, 'wrong-phase', () => `pledge ${pledgeId} is binding since the Council act (Art 57(1)); it can no longer be amended or withdrawn (a deduction is asked under Arts 61–62)`);
  return p;
}

function addPledge(s: OpenPool, b: StateBook, m: Measure, sign: 1 | -1): void {
  const field = AMOUNT_FIELD[m.kind];
  const n = sign * measureAmount(m);
  b.pledged[field] += n;
  s.pledgedTotal[field] += n;
  if (isAdopted(s)) b.pending[field] += n;
}

const AFTER_ACT = ['adopted', 'implementation'] as const;

const HANDLERS: { [T in PoolEventType]: Handler<T> } = {
  'proposal-drafted'(s, e) {
    inPhase(s, e, ['empty'], 'a cycle has one Commission proposal (Art 12(1))');
    const p = e.payload;
    wholeNumber(p.cycle, 'cycle', { positive: true });
    wholeNumber(p.referenceRelocations, 'reference relocations');
    wholeNumber(p.referenceFinancialEur, 'reference financial contributions');
    const states = new Map<MemberStateCode, StateBook>();
    for (const line of p.states) {
      ensure(isSolidarityState(line.code), 'unknown-state', () => `unknown state ${JSON.stringify(line.code)} in the proposal: not one of the 26 Member States bound by the solidarity mechanism`);
      ensure(!states.has(line.code), 'inconsistent', () => `the proposal has two lines for ${line.code}`);
      wholeNumber(line.relocations, `${line.code}: relocations`);
      wholeNumber(line.financialEur, `${line.code}: financialEur`);
      ensure(line.share >= 0 && line.share <= 1, 'invalid-amount', () => `${line.code}: share must be between 0 and 1, got ${line.share}`);
      states.set(line.code, newBook(line));
    }
    return {
      phase: 'drafted',
      cycle: p.cycle,
      proposal: p,
      proposedAt: timeOf(e),
      classification: null,
      states,
      pledgeOwners: PersistentMap<string, MemberStateCode>(),
      pledgedTotal: zeroAmounts(),
    };
  },

  'classification-recorded'(s, e) {
    inPhase(s, e, ['drafted', 'forum'], 'the Art 11 decision is adopted with the Report and the proposal (Art 11(1), 12(1))');
    const given = new Map(e.payload.states.map((x) => [x.code, x.categories]));
    for (const code of given.keys()) book(s, code);
    for (const b of s.states.values()) b.categories = [...new Set(given.get(b.code) ?? [])];
    s.classification = { decision: e.payload.decision, at: timeOf(e) };
    return s;
  },

  'forum-opened'(s, e) {
    inPhase(s, e, ['drafted'], 'the High-Level Forum is convened once, after the proposal (Art 13(1)–(2)); later it is reconvened (Art 13(4))');
    return { ...s, phase: 'forum', forumOpenedAt: timeOf(e) };
  },

  'pledge-made'(s, e) {
    pledgingOpen(s, e);
    const { pledgeId, state, measure } = e.payload;
    const b = book(s, state);
    checkMeasure(measure);
    ensure(!s.pledgeOwners.has(pledgeId), 'duplicate-id', () => `pledge ${JSON.stringify(pledgeId)} already exists`);
    const at = timeOf(e);
    s.pledgeOwners = s.pledgeOwners.set(pledgeId, b.code);
    b.pledges = b.pledges.set(pledgeId, { id: pledgeId, state: b.code, measure, madeAt: at, amendedAt: at, binding: false });
    addPledge(s, b, measure, 1);
    return s;
  },

  'pledge-amended'(s, e) {
    pledgingOpen(s, e);
    const { pledgeId, state, measure } = e.payload;
    const b = book(s, state);
    const p = ownPledge(s, pledgeId, state);
    checkMeasure(measure);
    addPledge(s, b, p.measure, -1);
    addPledge(s, b, measure, 1);
    b.pledges = b.pledges.set(pledgeId, { ...p, measure, amendedAt: timeOf(e) });
    return s;
  },

  'pledge-withdrawn'(s, e) {
    pledgingOpen(s, e);
    const { pledgeId, state } = e.payload;
    const b = book(s, state);
    const p = ownPledge(s, pledgeId, state);
    addPledge(s, b, p.measure, -1);
    s.pledgeOwners = s.pledgeOwners.delete(pledgeId);
    b.pledges = b.pledges.delete(pledgeId);
    return s;
  },

  'pool-adopted'(s, e) {
    inPhase(s, e, ['forum'], 'the Council adopts the act after the High-Level Forum, once a year (Art 57(1))');
    const p = e.payload;
    wholeNumber(p.referenceRelocations, 'reference relocations');
    wholeNumber(p.referenceFinancialEur, 'reference financial contributions');
    const sameNumbers = p.referenceRelocations === s.proposal.referenceRelocations && p.referenceFinancialEur === s.proposal.referenceFinancialEur;
    if (p.states) {
      const codes = new Set(p.states.map((l) => l.code));
      ensure(codes.size === p.states.length && codes.size === s.states.size && [...codes].every((c) => s.states.has(c)), 'inconsistent', 'Art 57(1): the Council act must give one line for each state of the proposal');
      for (const line of p.states) {
        wholeNumber(line.relocations, `${line.code}: relocations`);
        wholeNumber(line.financialEur, `${line.code}: financialEur`);
        s.states.get(line.code)!.line = line;
      }
    } else {
      ensure(sameNumbers, 'inconsistent', 'Art 57(1): the Council changed the reference numbers of the proposal, so the act must give the amended line of each state');
    }
    const at = timeOf(e);
    bindPledges(s);
    const amended = !sameNumbers || p.states !== undefined || p.sarPercentage !== s.proposal.sarPercentage;
    const next: AdoptedPool = {
      ...s,
      phase: 'adopted',
      councilAct: { act: p.act, adoptedAt: at, referenceRelocations: p.referenceRelocations, referenceFinancialEur: p.referenceFinancialEur, sarPercentage: p.sarPercentage, amendedProposal: amended },
      reconvened: [],
      selfNotifications: new Map(),
      deductions: new Map(),
      offsets: new Map(),
      transfers: new Map(),
      deductedTotal: zeroAmounts(),
      implementedTotal: zeroAmounts(),
      technicalForums: [],
    };
    return next;
  },

  'implementation-started'(s, e, settings) {
    inPhase(s, e, ['adopted'], 'implementation starts once, after the Council act (Art 60)');
    const at = timeOf(e);
    const from = `${s.cycle}-01-01` > settings.applicationDate ? `${s.cycle}-01-01` : settings.applicationDate;
    ensure(dateOf(at) >= from, 'invalid-time', () => `the ${s.cycle} pool is implemented in ${s.cycle}, and not before the Regulation applies (${settings.applicationDate}, Art 85): ${dateOf(at)} is before ${from}`);
    return { ...s, phase: 'implementation', implementationStartedAt: at };
  },

  'forum-reconvened'(s, e) {
    inPhase(s, e, AFTER_ACT, 'the Council reconvenes the High-Level Forum during the year the act applies to (Art 13(4))');
    ensure(s.reconvened.at(-1)?.open !== true, 'wrong-phase', 'Art 13(4): the High-Level Forum is already reconvened');
    s.reconvened.push({ at: timeOf(e), ground: e.payload.ground, open: true });
    return s;
  },

  'additional-pledges-adopted'(s, e) {
    inPhase(s, e, AFTER_ACT, 'additional pledges are adopted after a reconvened Forum (Art 13(4), 57(1))');
    const last = s.reconvened.at(-1);
    ensure(last?.open === true, 'wrong-phase', 'Art 13(4): no reconvened High-Level Forum is open');
    s.reconvened[s.reconvened.length - 1] = { ...last, open: false };
    bindPledges(s);
    for (const b of s.states.values()) b.pending = zeroAmounts();
    return s;
  },

  'technical-forum-convened'(s, e) {
    inPhase(s, e, ['adopted', 'implementation', 'closed'], 'Art 14(1): the Technical-Level Forum meets after the Council act');
    const code = e.payload.benefitting;
    if (code !== undefined) benefittingState(s, code, 'Art 58(3), 59(6): the Forum is convened for a benefitting Member State');
    s.technicalForums.push({ at: timeOf(e), benefitting: code ?? null });
    return s;
  },

  'access-requested'(s, e) {
    inPhase(s, e, AFTER_ACT, 'Art 58(1): a state informs of its intention to use the pool after the Council act');
    const b = book(s, e.payload.state);
    ensure(b.categories.includes('migratory-pressure'), 'not-entitled', () => `Art 58(1) is for states identified as under migratory pressure in the Art 11 decision; ${b.code} is not, and notifies under Art 59 instead`);
    ensure(b.benefitting === null, 'inconsistent', () => `${b.code} is already a benefitting Member State`);
    checkNeeds(e.payload.needs);
    b.benefitting = { via: 'art-58', since: timeOf(e), needs: e.payload.needs };
    return s;
  },

  'self-notified'(s, e) {
    inPhase(s, e, AFTER_ACT, 'Art 59(1): a state notifies its need to use the pool after the Council act');
    const b = book(s, e.payload.state);
    ensure(!b.categories.includes('migratory-pressure'), 'not-entitled', () => `${b.code} is identified as under migratory pressure: it uses the pool under Art 58, not Art 59`);
    ensure(b.benefitting === null, 'inconsistent', () => `${b.code} is already a benefitting Member State`);
    const previous = s.selfNotifications.get(b.code);
    ensure(!previous || previous.decision !== undefined, 'inconsistent', () => `${b.code} already has a notification awaiting the Commission's decision (Art 59(4))`);
    checkNeeds(e.payload.needs);
    s.selfNotifications.set(b.code, { state: b.code, at: timeOf(e), needs: e.payload.needs, reasoning: e.payload.reasoning });
    return s;
  },

  'self-notification-decided'(s, e) {
    inPhase(s, e, AFTER_ACT, 'Art 59(4): the Commission decides on a notification during the year');
    const b = book(s, e.payload.state);
    const n = s.selfNotifications.get(b.code);
    ensure(n !== undefined, 'unknown-request', () => `${b.code} has no notification under Art 59`);
    ensure(n.decision === undefined, 'already-decided', () => `the Commission already decided on ${b.code}'s notification`);
    const at = timeOf(e);
    s.selfNotifications.set(b.code, { ...n, decision: { granted: e.payload.granted, at, reason: e.payload.reason } });
    // Art 59(6): a positive decision makes the state a benefitting Member State, unless the Council refuses within two weeks.
    if (e.payload.granted) b.benefitting = { via: 'art-59', since: at, needs: n.needs };
    return s;
  },

  'access-refused-by-council'(s, e, settings) {
    inPhase(s, e, AFTER_ACT, 'Art 59(6): the Council may refuse access within two weeks of the Commission decision');
    const b = book(s, e.payload.state);
    const n = s.selfNotifications.get(b.code);
    ensure(n?.decision?.granted === true, 'unknown-request', () => `there is no positive Commission decision on a notification by ${b.code} for the Council to refuse (Art 59(6))`);
    ensure(n.councilRefusal === undefined, 'already-decided', () => `the Council already refused ${b.code}'s access`);
    const at = timeOf(e);
    const end = periodEnd(dateOf(n.decision.at), { weeks: 2 }, settings.holidays);
    ensure(dateOf(at) <= end, 'deadline-passed', () => `Art 59(6): the Council may refuse within two weeks of the Commission decision of ${dateOf(n.decision!.at)}, i.e. by ${end} (Art 75); ${dateOf(at)} is too late`);
    s.selfNotifications.set(b.code, { ...n, councilRefusal: { at, ground: e.payload.ground, reason: e.payload.reason } });
    b.benefitting = null;
    return s;
  },

  'deduction-requested'(s, e) {
    inPhase(s, e, AFTER_ACT, 'Arts 61(1), 62(1): a deduction of the pledges in the Council act is asked after the act, during the year');
    const { requestId, state, article, amounts, reasoning } = e.payload;
    const b = book(s, state);
    ensure(!s.deductions.has(requestId), 'duplicate-id', () => `deduction request ${JSON.stringify(requestId)} already exists`);
    checkAmounts(amounts, 'deduction');
    ensure(amounts.relocations + amounts.financialEur + amounts.alternativeEur + amounts.offsets > 0, 'invalid-amount', 'a deduction request must ask for something');
    const substantiated = reasoning !== undefined && reasoning.trim() !== '';
    if (article === 61) {
      const used = b.benefitting !== null || s.selfNotifications.has(b.code);
      ensure(!used, 'not-entitled', () => `Art 61(1): ${b.code} has used the pool (Art 58) or notified a need to use it (Art 59), so it may not ask for a deduction under Art 61`);
      ensure(b.categories.includes('migratory-pressure') || substantiated, 'not-entitled', () => `Art 61(2): ${b.code} is not identified as under migratory pressure in the Art 11 decision; it may ask only with substantiated reasoning that it considers itself under pressure`);
    } else {
      ensure(b.categories.includes('significant-migratory-situation') || substantiated, 'not-entitled', () => `Art 62(2): ${b.code} is not identified as facing a significant migratory situation; it may ask only with substantiated reasoning on the significance of its situation`);
    }
    const available = obligation(b);
    ensure(lessOrEqual(amounts, available), 'beyond-pledge', () => `Arts 61(1), 62(1): a deduction is of the state's own pledges; ${b.code} asked for ${describeAmounts(amounts)} but its pledges less granted deductions are ${describeAmounts(available)}`);
    s.deductions.set(requestId, { id: requestId, state: b.code, article, amounts, reasoning, requestedAt: timeOf(e) });
    return s;
  },

  'deduction-assessed'(s, e, settings) {
    inPhase(s, e, AFTER_ACT, 'Arts 61(3), 62(3): the Commission assesses a deduction request within four weeks');
    const r = s.deductions.get(e.payload.requestId);
    ensure(r !== undefined, 'unknown-request', () => `no deduction request ${JSON.stringify(e.payload.requestId)}`);
    ensure(r.assessment === undefined, 'already-decided', () => `the Commission already assessed deduction request ${r.id}`);
    const at = timeOf(e);
    const due = periodEnd(dateOf(r.requestedAt), { weeks: 4 }, settings.holidays);
    s.deductions.set(r.id, { ...r, assessment: { at, favourable: e.payload.favourable, reason: e.payload.reason, late: dateOf(at) > due } });
    return s;
  },

  'deduction-decided'(s, e) {
    inPhase(s, e, AFTER_ACT, 'Arts 61(4), 62(4): the Council decides on a deduction during the year');
    const r = s.deductions.get(e.payload.requestId);
    ensure(r !== undefined, 'unknown-request', () => `no deduction request ${JSON.stringify(e.payload.requestId)}`);
    ensure(r.assessment !== undefined, 'wrong-phase', () => `Arts 61(3)–(4), 62(3)–(4): the Council decides on the Commission's assessment, which request ${r.id} does not have yet`);
    ensure(r.decision === undefined, 'already-decided', () => `the Council already decided on deduction request ${r.id}`);
    const granted = e.payload.granted;
    checkAmounts(granted, 'granted deduction');
    ensure(lessOrEqual(granted, r.amounts), 'inconsistent', () => `the Council cannot grant more than was asked (${describeAmounts(r.amounts)})`);
    const b = s.states.get(r.state)!;
    ensure(lessOrEqual(granted, obligation(b)), 'beyond-pledge', () => `${b.code}'s pledges less granted deductions are ${describeAmounts(obligation(b))}; a deduction cannot exceed them`);
    addAmounts(b.deducted, granted);
    addAmounts(s.deductedTotal, granted);
    s.deductions.set(r.id, { ...r, decision: { at: timeOf(e), act: e.payload.act, granted } });
    return s;
  },

  'offset-requested'(s, e) {
    inPhase(s, e, ['implementation', 'closed'], 'Art 63(1), 63(5): offsets are requested during implementation, and after the year for unimplemented relocations');
    const { requestId, state, contributing, persons } = e.payload;
    ensure(!s.offsets.has(requestId), 'duplicate-id', () => `offset request ${JSON.stringify(requestId)} already exists`);
    wholeNumber(persons, 'persons', { positive: true });
    const ben = benefittingState(s, state, 'Art 63(1): offsets are requested by a benefitting Member State');
    const con = book(s, contributing, 'contributing state');
    ensure(con.code !== ben.code, 'inconsistent', 'a state cannot request offsets from itself');
    ensure(con.benefitting === null, 'not-entitled', () => `Art 60(3): ${con.code} is a benefitting Member State and does not have to implement pledges`);
    notReleased(ben, 'applying offsets');
    let article: '63(1)' | '63(3)' | '63(4)' | '63(5)';
    if (s.phase === 'closed') {
      article = '63(5)';
      const open = [...s.offsets.values()].filter((o) => o.contributing === con.code && o.article === '63(5)' && o.reply === undefined).reduce((a, o) => a + o.persons, 0);
      ensure(persons + open <= con.offsetsOwed, 'cap-exceeded', () => `Art 63(5): ${con.code} owes offsets for ${con.offsetsOwed} unimplemented relocations, ${open} of them already requested and unanswered; ${persons} more cannot be requested`);
    } else if (art63_1(s).applies) article = '63(1)';
    else if (art63_3(s).applies) article = '63(3)';
    else if (art63_4(s).applies) article = '63(4)';
    else throw new PoolRuleError('trigger-not-met', art63_1(s).explanation + ' Nor are offsets mandatory under Art 63(3) or 63(4).');
    s.offsets.set(requestId, { id: requestId, initiative: 'request', article, benefitting: ben.code, contributing: con.code, persons, at: timeOf(e) });
    return s;
  },

  'offset-offered'(s, e, settings) {
    inPhase(s, e, ['implementation'], 'Art 63(2): a contributing state offers offsets during implementation');
    const { requestId, state, benefitting, persons } = e.payload;
    ensure(!s.offsets.has(requestId), 'duplicate-id', () => `offset request ${JSON.stringify(requestId)} already exists`);
    wholeNumber(persons, 'persons', { positive: true });
    const con = book(s, state, 'contributing state');
    const ben = benefittingState(s, benefitting, 'Art 63(2): offsets are offered to a benefitting Member State');
    ensure(con.code !== ben.code, 'inconsistent', 'a state cannot offer offsets to itself');
    notReleased(ben, 'applying offsets');
    let article: '63(2)' | '63(3)' | '63(4)';
    const own = art63_2(s, con.code);
    if (own.applies) article = '63(2)';
    else if (art63_3(s, settings).applies) article = '63(3)';
    else if (art63_4(s, settings).applies) article = '63(4)';
    else throw new PoolRuleError('trigger-not-met', own.explanation);
    s.offsets.set(requestId, { id: requestId, initiative: 'offer', article, benefitting: ben.code, contributing: con.code, persons, at: timeOf(e) });
    return s;
  },

  'offset-replied'(s, e, settings) {
    inPhase(s, e, ['implementation', 'closed'], 'Art 69: a request or offer of offsets is answered within 30 days');
    const o = s.offsets.get(e.payload.requestId);
    ensure(o !== undefined, 'unknown-request', () => `no offset request ${JSON.stringify(e.payload.requestId)}`);
    ensure(o.reply === undefined, 'already-decided', () => `offset request ${o.id} was already answered`);
    const replier = o.initiative === 'request' ? o.contributing : o.benefitting;
    ensure(e.payload.state === replier, 'not-authorised', () => `offset ${o.initiative} ${o.id} is answered by ${replier}, not ${e.payload.state} (Art 69)`);
    const accepted = e.payload.acceptedPersons;
    wholeNumber(accepted, 'accepted persons');
    ensure(accepted <= o.persons, 'inconsistent', () => `Art 69: the reply may accept at most the ${o.persons} persons ${o.initiative === 'request' ? 'requested' : 'offered'}`);
    const con = s.states.get(o.contributing)!;
    if (o.initiative === 'request' && o.article !== '63(5)') {
      ensure(con.offsetsAccepted + accepted <= con.line.relocations, 'cap-exceeded', () => `Art 63(7): ${con.code} cannot be required to take responsibility beyond its fair share of ${con.line.relocations}; it already accepted ${con.offsetsAccepted}`);
    }
    if (accepted > 0) notReleased(s.states.get(o.benefitting)!, 'applying offsets');
    const at = timeOf(e);
    const due = periodEnd(dateOf(o.at), { days: 30 }, settings.holidays);
    s.offsets.set(o.id, { ...o, reply: { at, acceptedPersons: accepted, late: dateOf(at) > due } });
    con.offsetsAccepted += accepted;
    con.allocated.offsets += accepted;
    if (o.article === '63(5)') con.offsetsOwed -= accepted;
    transfer(s, o.contributing, o.benefitting).allocated.offsets += accepted;
    return s;
  },

  'systemic-shortcomings-found'(s, e) {
    inPhase(s, e, ['adopted', 'implementation', 'closed'], 'Art 60(3): the finding concerns a benefitting state of the pool');
    const b = book(s, e.payload.state);
    ensure(b.systemicShortcomings === null, 'inconsistent', () => `systemic shortcomings in ${b.code} are already found and not lifted`);
    b.systemicShortcomings = { since: timeOf(e), decision: e.payload.decision };
    return s;
  },

  'systemic-shortcomings-lifted'(s, e) {
    inPhase(s, e, ['adopted', 'implementation', 'closed'], 'Art 60(3)');
    const b = book(s, e.payload.state);
    ensure(b.systemicShortcomings !== null, 'inconsistent', () => `no finding of systemic shortcomings in ${b.code} to lift`);
    timeOf(e);
    b.systemicShortcomings = null;
    return s;
  },

  'allocation-made'(s, e) {
    inPhase(s, e, ['implementation'], 'Art 60(1): the Coordinator allocates pledges during implementation');
    const { contributing, benefitting, kind, amount } = e.payload;
    wholeNumber(amount, kind === 'relocation' || kind === 'offset' ? 'persons' : 'euros', { positive: true });
    ensure(kind !== 'offset', 'inconsistent', 'Art 63, 69: offsets are agreed by request or offer and reply between the two states, not allocated');
    const con = book(s, contributing, 'contributing state');
    const ben = benefittingState(s, benefitting, 'Art 60(1): pledges are allocated to benefitting Member States');
    ensure(con.code !== ben.code, 'inconsistent', 'a state cannot be allocated its own pledge');
    ensure(con.benefitting === null, 'not-entitled', () => `Art 60(3): ${con.code} is a benefitting Member State and does not have to implement its pledges`);
    notReleased(ben, 'implementing pledges');
    const field = AMOUNT_FIELD[kind];
    const capacity = obligation(con)[field] - con.allocated[field];
    ensure(amount <= capacity, 'beyond-pledge', () => `Art 60(1): ${con.code} has ${Math.max(0, capacity)} ${field} of pledges left to allocate (pledges less granted deductions and earlier allocations); ${amount} is more`);
    con.allocated[field] += amount;
    transfer(s, con.code, ben.code).allocated[field] += amount;
    timeOf(e);
    return s;
  },

  'fulfilment-recorded'(s, e) {
    inPhase(s, e, ['implementation', 'closed'], 'pledges are implemented during the year (Art 60(3)); relocations and offsets may be completed after it (Arts 63(5), 67(12))');
    const { state, benefitting, kind, amount } = e.payload;
    wholeNumber(amount, kind === 'relocation' || kind === 'offset' ? 'persons' : 'euros', { positive: true });
    const con = book(s, state, 'contributing state');
    const field = AMOUNT_FIELD[kind];
    if (benefitting === undefined) {
      ensure(kind === 'financial', 'inconsistent', () => `a fulfilment of kind ${kind} names the benefitting state it was delivered to`);
      ensure(con.implemented.financialEur + amount <= obligation(con).financialEur, 'beyond-pledge', () => `${con.code}'s financial contributions due are EUR ${obligation(con).financialEur}, EUR ${con.implemented.financialEur} already paid`);
    } else {
      const ben = book(s, benefitting, 'benefitting state');
      notReleased(ben, 'implementing pledges');
      const t = s.transfers.get(transferKey(con.code, ben.code));
      const left = t ? t.allocated[field] - t.implemented[field] : 0;
      ensure(amount <= left, 'beyond-allocation', () => `${con.code} has ${left} ${field} allocated to ${ben.code} and not yet implemented (Art 60(1)); ${amount} is more`);
      t!.implemented[field] += amount;
    }
    con.implemented[field] += amount;
    s.implementedTotal[field] += amount;
    timeOf(e);
    return s;
  },

  'alternative-converted'(s, e) {
    inPhase(s, e, ['implementation', 'closed'], 'Art 57(4): alternative measures not requested in the year are converted into financial contributions');
    const b = book(s, e.payload.state);
    wholeNumber(e.payload.euros, 'euros', { positive: true });
    const unrequested = obligation(b).alternativeEur - b.allocated.alternativeEur;
    ensure(e.payload.euros <= unrequested, 'beyond-pledge', () => `Art 57(4): only alternative measures not requested by a benefitting state are converted; ${b.code} has EUR ${Math.max(0, unrequested)} of them`);
    b.convertedEur += e.payload.euros;
    timeOf(e);
    return s;
  },

  'year-closed'(s, e) {
    inPhase(s, e, ['implementation'], 'the year is closed once, after implementation (Art 60(3))');
    for (const b of s.states.values()) {
      // Art 63(5): relocations pledged and not carried out by the year's end are owed as offsets; benefitting states
      // and states with a full deduction were not bound to implement (Art 60(3)).
      b.offsetsOwed = b.benefitting || hasFullDeduction(b) ? 0 : Math.max(0, obligation(b).relocations - b.implemented.relocations);
    }
    const next: ClosedPool = { ...s, phase: 'closed', closedAt: timeOf(e) };
    return next;
  },

  'implementation-confirmed'(s, e) {
    inPhase(s, e, ['closed'], 'Art 60(6): states confirm in January what they implemented in the preceding year');
    const b = book(s, e.payload.state);
    checkAmounts(e.payload.amounts, 'confirmation');
    b.confirmation = { at: timeOf(e), amounts: e.payload.amounts };
    return s;
  },
};

function checkNeeds(n: { relocations: number; financialEur: number }): void {
  wholeNumber(n.relocations, 'needs: relocations');
  wholeNumber(n.financialEur, 'needs: financialEur');
}

function step(s: PoolState, e: PoolEvent, settings: PoolSettings): PoolState {
  const handler = HANDLERS[e.type] as Handler<PoolEventType> | undefined;
  if (!handler) throw new PoolRuleError('inconsistent', `unknown event type ${JSON.stringify((e as { type: unknown }).type)}`);
  return handler(s, e as PoolEventOf<PoolEventType>, settings);
}

/**
 * The state after one more event; throws `PoolRuleError` when the rules refuse it. `state` is left unchanged.
 * @example applyEvent(EMPTY_POOL, { type: 'proposal-drafted', role: 'commission', at: '2025-11-11T12:00:00Z', payload: proposal })
 */
export function applyEvent(state: PoolState, event: PoolEvent, settings: PoolSettings = DEFAULT_POOL_SETTINGS): PoolState {
  return step(clonePool(state), event, settings);
}

/** The state after several more events, copying `state` once: O(live state + events). `state` is left unchanged. */
export function applyEvents(state: PoolState, events: Iterable<PoolEvent>, settings: PoolSettings = DEFAULT_POOL_SETTINGS): PoolState {
  let s = clonePool(state);
  for (const e of events) s = step(pledgeMaps(s, 'mutable'), e, settings);
  return pledgeMaps(s, 'immutable');
}

/**
 * The pledge maps of this private copy, changed in place while a batch is folded (a persistent map copies a path per
 * change; a rebuild folds 100,000 events) and frozen again before anyone else sees the state. Changing in place
 * never reaches `state`: a mutable copy of a persistent map copies the nodes it shares before writing to them.
 */
function pledgeMaps(s: PoolState, how: 'mutable' | 'immutable'): PoolState {
  if (s.phase === 'empty') return s;
  s.pledgeOwners = how === 'mutable' ? s.pledgeOwners.asMutable() : s.pledgeOwners.asImmutable();
  for (const b of s.states.values()) b.pledges = how === 'mutable' ? b.pledges.asMutable() : b.pledges.asImmutable();
  return s;
}

/** The state of a pool rebuilt from all its events, in order. */
export function foldEvents(events: Iterable<PoolEvent>, settings: PoolSettings = DEFAULT_POOL_SETTINGS): PoolState {
  return applyEvents(EMPTY_POOL, events, settings);
}

/** Implementation pools and closed pools are the ones where obligations run; a narrowing helper for readers. */
export function isImplementing(s: PoolState): s is ImplementationPool | ClosedPool {
  return s.phase === 'implementation' || s.phase === 'closed';
}

