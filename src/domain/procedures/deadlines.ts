/**
 * Every time limit of the Pact's procedures, with its article and how it is counted (counting.ts), and the
 * calculator that gives the dates from a start date. One table: adding a time limit is adding a row.
 *
 * A procedure is one or more steps; each step runs from the procedure's start or from the end of an earlier step
 * (the calculator then assumes the earlier step used all its time, and says so). Extensions the Regulation allows
 * are given as the latest date they can reach; whether their condition is met is a decision for the authority.
 */
import { InputError } from '../errors.ts';
import { note, type Note } from '../note.ts';
import { countPeriod, parseIsoDate, type CountingRule, type PeriodLength } from './counting.ts';

export type Instrument = 'screening' | 'apr' | 'return-border-procedure' | 'ammr';

/**
 * An instrument's counting rule and date of application. Its name, and every title, event and step below, is a term
 * of the note catalogs (`src/notes/<lang>.json`, `terms.instrument`, `terms.procedure`, `terms.startEvent`,
 * `terms.deadlineStep`, `terms.extensionCondition`), so the calculator says them in the reader's language.
 */
export interface InstrumentInfo {
  /** Its short name in errors, which are in English. */
  name: string;
  rule: CountingRule;
  /** The first date from which the instrument's time limits can run. */
  appliesFrom: string;
  appliesFromBasis: string;
}

export const INSTRUMENTS: Record<Instrument, InstrumentInfo> = {
  screening: {
    name: 'Regulation (EU) 2024/1356 (Screening)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'the Screening Regulation applies from 12 June 2026 (domain.md §3)',
  },
  apr: {
    name: 'Regulation (EU) 2024/1348 (Asylum Procedure Regulation)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'APR Art 79(2): applications lodged from 12 June 2026',
  },
  'return-border-procedure': {
    name: 'Regulation (EU) 2024/1349 (Return Border Procedure)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'the Return Border Procedure Regulation applies from 12 June 2026 (domain.md §3)',
  },
  ammr: {
    name: 'Regulation (EU) 2024/1351 (AMMR)',
    rule: 'ammr-art-75',
    // Art 85 as published says 1 July 2026; the Council and the Commission use 12 June 2026 (domain.md §1.1,
    // corrigendum UNCONFIRMED). The calculator takes 12 June 2026 and says so; callers may pass another date.
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'AMMR Art 85 (12 June 2026 as used by the Council; the published text says 1 July 2026)',
  },
};

/** The events a procedure starts on (`terms.startEvent`). */
export const START_EVENTS = [
  'border-apprehension', 'territory-apprehension', 'application-made', 'application-made-screened', 'registration', 'identification', 'lodging',
  'no-right-to-remain', 'hit-received', 'request-received', 'eurodac-hit-received', 'acceptance', 'acceptance-or-appeal', 'registration-or-detention',
  'irregular-crossing', 'disembarkation', 'rejection-final', 'relocation-information',
] as const;
export type StartEvent = (typeof START_EVENTS)[number];

/** What is done by a step's deadline (`terms.deadlineStep`). */
export const STEP_LABELS = [
  'screening-completed', 'registered', 'authority-informed', 'lodged', 'appointment-to-lodge', 'admissibility-decided', 'decision-taken',
  'postponed-maximum', 'border-procedure-ends', 'return-border-procedure-ends', 'take-charge-request-sent', 'reply-given', 'take-back-notified',
  'receipt-confirmed', 'transfer-decision-taken', 'transfer-carried-out', 'request-or-notification', 'reply', 'transfer', 'responsibility-ceases',
  'obligations-cease', 'relocation-confirmed', 'relocation-transfer-decision',
] as const;
export type StepLabel = (typeof STEP_LABELS)[number];

/** When the Regulation allows an extension (`terms.extensionCondition`). */
export const EXTENSION_CONDITIONS = ['apr-35', 'crisis', 'transfer-obstacles', 'relocation-postponement'] as const;
export type ExtensionCondition = (typeof EXTENSION_CONDITIONS)[number];

export interface Step {
  id: string;
  label: StepLabel;
  length: PeriodLength;
  article: string;
  /** `start` or the id of an earlier step whose end starts this one. */
  from: 'start' | string;
  /** The latest date an extension allowed by the Regulation can reach, counted from the same start. */
  extendedTo?: { length: PeriodLength; article: string; condition: ExtensionCondition };
}

export interface ProcedureDefinition {
  /** Its id, and its title's term (`terms.procedure`). */
  name: string;
  instrument: Instrument;
  /** What the start date is. */
  startsOn: StartEvent;
  steps: readonly Step[];
  notes?: readonly Note[];
}

const d = (n: number): PeriodLength => ({ n, unit: 'days' });
const wd = (n: number): PeriodLength => ({ n, unit: 'working-days' });
const w = (n: number): PeriodLength => ({ n, unit: 'weeks' });
const m = (n: number): PeriodLength => ({ n, unit: 'months' });
const step = (id: string, label: StepLabel, length: PeriodLength, article: string, extra: Partial<Step> = {}): Step => ({ id, label, length, article, from: 'start', ...extra });

// Each name is also its title's term in the note catalogs (terms.procedure).
export const PROCEDURES: readonly ProcedureDefinition[] = [
  // Screening (Regulation (EU) 2024/1356)
  { name: 'screening', instrument: 'screening', startsOn: 'border-apprehension',
    steps: [step('screening', 'screening-completed', d(7), 'Screening Art 8(3)')] },
  { name: 'screening-held-72h', instrument: 'screening', startsOn: 'border-apprehension',
    steps: [step('screening', 'screening-completed', d(4), 'Screening Art 8(3), second subparagraph')] },
  { name: 'screening-territory', instrument: 'screening', startsOn: 'territory-apprehension',
    steps: [step('screening', 'screening-completed', d(3), 'Screening Art 8(4)')] },
  // Asylum Procedure Regulation (EU) 2024/1348
  { name: 'registration', instrument: 'apr', startsOn: 'application-made-screened',
    steps: [step('registration', 'registered', d(5), 'APR Art 27(1)')] },
  { name: 'registration-other-authority', instrument: 'apr', startsOn: 'application-made',
    steps: [
      step('inform', 'authority-informed', wd(3), 'APR Art 27(3)'),
      step('registration', 'registered', d(5), 'APR Art 27(3)', { from: 'inform' }),
    ] },
  { name: 'registration-disproportionate', instrument: 'apr', startsOn: 'application-made',
    steps: [step('registration', 'registered', d(15), 'APR Art 27(5)')] },
  { name: 'lodging', instrument: 'apr', startsOn: 'registration',
    steps: [step('lodging', 'lodged', d(21), 'APR Art 28(1)')] },
  { name: 'lodging-after-transfer', instrument: 'apr', startsOn: 'identification',
    steps: [step('lodging', 'lodged', d(21), 'APR Art 28(2)')] },
  { name: 'lodging-disproportionate', instrument: 'apr', startsOn: 'registration',
    steps: [step('lodging', 'appointment-to-lodge', m(2), 'APR Art 28(5)')] },
  { name: 'admissibility', instrument: 'apr', startsOn: 'lodging',
    steps: [step('decision', 'admissibility-decided', m(2), 'APR Art 35(1)', { extendedTo: { length: m(4), article: 'APR Art 35(2)', condition: 'apr-35' } })] },
  { name: 'admissibility-return-decision', instrument: 'apr', startsOn: 'lodging',
    steps: [step('decision', 'admissibility-decided', wd(10), 'APR Art 35(1), second subparagraph')] },
  { name: 'accelerated', instrument: 'apr', startsOn: 'lodging',
    steps: [step('decision', 'decision-taken', m(3), 'APR Art 35(3)')] },
  { name: 'regular', instrument: 'apr', startsOn: 'lodging',
    steps: [
      step('decision', 'decision-taken', m(6), 'APR Art 35(4)', { extendedTo: { length: m(12), article: 'APR Art 35(5)', condition: 'apr-35' } }),
      step('absolute', 'postponed-maximum', m(21), 'APR Art 35(7)'),
    ] },
  { name: 'border-procedure', instrument: 'apr', startsOn: 'registration',
    steps: [
      step('lodging', 'lodged', d(5), 'APR Art 51(1)'),
      step('end', 'border-procedure-ends', w(12), 'APR Art 51(2)'),
    ] },
  { name: 'border-procedure-after-relocation', instrument: 'apr', startsOn: 'registration',
    steps: [
      step('lodging', 'lodged', d(5), 'APR Art 51(1)'),
      step('end', 'border-procedure-ends', w(16), 'APR Art 51(2)'),
    ] },
  // Return Border Procedure Regulation (EU) 2024/1349
  { name: 'return-border-procedure', instrument: 'return-border-procedure', startsOn: 'no-right-to-remain',
    steps: [step('end', 'return-border-procedure-ends', w(12), 'RBPR Art 4(2)', { extendedTo: { length: w(18), article: 'RBPR Art 6 (crisis situations: +6 weeks)', condition: 'crisis' } })] },
  // AMMR Part III (Dublin)
  { name: 'take-charge-request', instrument: 'ammr', startsOn: 'registration',
    steps: [step('request', 'take-charge-request-sent', m(2), 'AMMR Art 39(1)')],
    notes: [note('deadline.takeChargeRequest.missed', {})] },
  { name: 'take-charge-request-hit', instrument: 'ammr', startsOn: 'hit-received',
    steps: [step('request', 'take-charge-request-sent', m(1), 'AMMR Art 39(1), second subparagraph')] },
  { name: 'take-charge-reply', instrument: 'ammr', startsOn: 'request-received',
    steps: [step('reply', 'reply-given', m(1), 'AMMR Art 40(1)')],
    notes: [note('deadline.takeChargeReply.silence', {})] },
  { name: 'take-charge-reply-hit', instrument: 'ammr', startsOn: 'request-received',
    steps: [step('reply', 'reply-given', w(2), 'AMMR Art 40(2)')],
    notes: [note('deadline.takeChargeReplyHit.silence', {})] },
  { name: 'take-back', instrument: 'ammr', startsOn: 'eurodac-hit-received',
    steps: [
      step('notification', 'take-back-notified', w(2), 'AMMR Art 41(1)'),
      step('confirmation', 'receipt-confirmed', w(2), 'AMMR Art 41(3)-(4)', { from: 'notification' }),
    ] },
  { name: 'transfer-decision', instrument: 'ammr', startsOn: 'acceptance',
    steps: [step('decision', 'transfer-decision-taken', w(2), 'AMMR Art 42(1)')] },
  { name: 'transfer', instrument: 'ammr', startsOn: 'acceptance-or-appeal',
    steps: [step('transfer', 'transfer-carried-out', m(6), 'AMMR Art 46(1)', { extendedTo: { length: m(36), article: 'AMMR Art 46(2)', condition: 'transfer-obstacles' } })],
    notes: [note('deadline.transfer.missed', {}), note('deadline.transfer.imprisonment', {})] },
  { name: 'dublin-detention', instrument: 'ammr', startsOn: 'registration-or-detention',
    steps: [
      step('request', 'request-or-notification', w(2), 'AMMR Art 45'),
      step('reply', 'reply', w(1), 'AMMR Art 45', { from: 'request' }),
      step('transfer', 'transfer', w(5), 'AMMR Art 45', { from: 'reply' }),
    ] },
  { name: 'irregular-entry-responsibility', instrument: 'ammr', startsOn: 'irregular-crossing',
    steps: [step('ceases', 'responsibility-ceases', m(20), 'AMMR Art 33(1)')] },
  { name: 'sar-responsibility', instrument: 'ammr', startsOn: 'disembarkation',
    steps: [step('ceases', 'responsibility-ceases', m(12), 'AMMR Art 33(2)')] },
  { name: 'border-rejection-cessation', instrument: 'ammr', startsOn: 'rejection-final',
    steps: [step('ceases', 'obligations-cease', m(15), 'AMMR Art 37(2)')] },
  // Relocation (AMMR Art 67)
  { name: 'relocation', instrument: 'ammr', startsOn: 'relocation-information',
    steps: [
      step('confirmation', 'relocation-confirmed', w(1), 'AMMR Art 67(9)', { extendedTo: { length: w(2), article: 'AMMR Art 67(9)', condition: 'relocation-postponement' } }),
      step('transfer-decision', 'relocation-transfer-decision', w(1), 'AMMR Art 67(10)', { from: 'confirmation' }),
      step('transfer', 'transfer-carried-out', w(4), 'AMMR Art 67(11)', { from: 'confirmation' }),
    ],
    notes: [note('deadline.relocation.notice', {})] },
];

const BY_NAME = new Map(PROCEDURES.map((p) => [p.name, p]));

export function procedureNames(): string[] {
  return PROCEDURES.map((p) => p.name);
}

export function procedureDefinition(name: string): ProcedureDefinition {
  const p = BY_NAME.get(name);
  if (!p) throw new InputError(`unknown procedure "${name}": use one of ${procedureNames().join(', ')}`, { field: 'procedure' });
  return p;
}

export interface StepDeadline {
  id: string;
  label: Note;
  article: string;
  from: string;
  fromBasis: Note;
  period: Note;
  nominalEnd: string;
  deadline: string;
  moved: Note | null;
  extended: { deadline: string; article: string; condition: Note; moved: Note | null } | null;
}

/** The deadlines of a procedure; every text is a note (`src/domain/note.ts`), said in a language by `src/notes/`. */
export interface DeadlineResult {
  procedure: string;
  title: Note;
  instrument: Note;
  counting: Note;
  startsOn: Note;
  from: string;
  steps: StepDeadline[];
  notes: Note[];
}

export interface DeadlineOptions {
  holidays?: readonly string[];
  /** Overrides the instrument's date of application (e.g. 1 July 2026 for the AMMR as published). */
  appliesFrom?: string;
}

const COUNTING: Record<CountingRule, Note> = {
  'ammr-art-75': note('deadline.counting.ammr', {}),
  'regulation-1182-71': note('deadline.counting.regulation1182', {}),
};

const period = (l: PeriodLength): Note => note('deadline.period', { n: l.n, unit: l.n === 1 ? l.unit.replace(/s$/, '') : l.unit });

/** A procedure's title, and the event it starts on, as notes. */
export const procedureTitle = (p: ProcedureDefinition): Note => note('deadline.procedure', { procedure: p.name });
export const procedureStart = (p: ProcedureDefinition): Note => note('deadline.startsOn', { event: p.startsOn });

/** The deadlines of a procedure started on `from` (ISO date). */
export function computeDeadlines(name: string, from: string, opts: DeadlineOptions = {}): DeadlineResult {
  const p = procedureDefinition(name);
  parseIsoDate(from, 'from');
  const holidays = new Set((opts.holidays ?? []).map((h) => (parseIsoDate(h, 'holidays'), h)));
  const inst = INSTRUMENTS[p.instrument];
  const appliesFrom = opts.appliesFrom ?? inst.appliesFrom;
  if (from < appliesFrom) {
    throw new InputError(`${from} is before ${inst.name} applies (${appliesFrom}, ${inst.appliesFromBasis}); earlier cases follow the rules they replaced`, { field: 'from' });
  }
  const ends = new Map<string, string>();
  const steps = p.steps.map((s): StepDeadline => {
    const start = s.from === 'start' ? from : ends.get(s.from)!;
    const counted = countPeriod(start, s.length, inst.rule, holidays);
    ends.set(s.id, counted.end);
    const ext = s.extendedTo ? countPeriod(start, s.extendedTo.length, inst.rule, holidays) : null;
    return {
      id: s.id,
      label: note('deadline.step', { step: s.label }),
      article: s.article,
      from: start,
      fromBasis: s.from === 'start' ? procedureStart(p) : note('deadline.afterStep', { step: p.steps.find((x) => x.id === s.from)!.label }),
      period: period(s.length),
      nominalEnd: counted.nominalEnd,
      deadline: counted.end,
      moved: counted.moved,
      extended: ext && s.extendedTo ? { deadline: ext.end, article: s.extendedTo.article, condition: note('deadline.condition', { condition: s.extendedTo.condition }), moved: ext.moved } : null,
    };
  });
  const notes = [...(p.notes ?? [])];
  if (holidays.size === 0) notes.push(note('deadline.noHolidays', {}));
  // The only instrument whose date of application is in doubt (Art 85 as published against the Council's reading).
  if (p.instrument === 'ammr' && opts.appliesFrom === undefined) notes.push(note('deadline.ammrAppliesFrom', { date: appliesFrom }));
  return { procedure: p.name, title: procedureTitle(p), instrument: note('deadline.instrument', { instrument: p.instrument }), counting: COUNTING[inst.rule], startsOn: procedureStart(p), from, steps, notes };
}
