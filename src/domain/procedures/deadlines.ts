/**
 * Every time limit of the Pact's procedures, with its article and how it is counted (counting.ts), and the
 * calculator that gives the dates from a start date. One table: adding a time limit is adding a row.
 *
 * A procedure is one or more steps; each step runs from the procedure's start or from the end of an earlier step
 * (the calculator then assumes the earlier step used all its time, and says so). Extensions the Regulation allows
 * are given as the latest date they can reach; whether their condition is met is a decision for the authority.
 */
import { InputError } from '../errors.ts';
import { countPeriod, parseIsoDate, type CountingRule, type PeriodLength } from './counting.ts';

export type Instrument = 'screening' | 'apr' | 'return-border-procedure' | 'ammr';

export interface InstrumentInfo {
  title: string;
  rule: CountingRule;
  /** The first date from which the instrument's time limits can run. */
  appliesFrom: string;
  appliesFromBasis: string;
}

export const INSTRUMENTS: Record<Instrument, InstrumentInfo> = {
  screening: {
    title: 'Regulation (EU) 2024/1356 (Screening)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'the Screening Regulation applies from 12 June 2026 (domain.md §3)',
  },
  apr: {
    title: 'Regulation (EU) 2024/1348 (Asylum Procedure Regulation)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'APR Art 79(2): applications lodged from 12 June 2026',
  },
  'return-border-procedure': {
    title: 'Regulation (EU) 2024/1349 (Return Border Procedure)',
    rule: 'regulation-1182-71',
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'the Return Border Procedure Regulation applies from 12 June 2026 (domain.md §3)',
  },
  ammr: {
    title: 'Regulation (EU) 2024/1351 (AMMR)',
    rule: 'ammr-art-75',
    // Art 85 as published says 1 July 2026; the Council and the Commission use 12 June 2026 (domain.md §1.1,
    // corrigendum UNCONFIRMED). The calculator takes 12 June 2026 and says so; callers may pass another date.
    appliesFrom: '2026-06-12',
    appliesFromBasis: 'AMMR Art 85 (12 June 2026 as used by the Council; the published text says 1 July 2026)',
  },
};

export interface Step {
  id: string;
  label: string;
  length: PeriodLength;
  article: string;
  /** `start` or the id of an earlier step whose end starts this one. */
  from: 'start' | string;
  /** The latest date an extension allowed by the Regulation can reach, counted from the same start. */
  extendedTo?: { length: PeriodLength; article: string; condition: string };
}

export interface ProcedureDefinition {
  name: string;
  instrument: Instrument;
  title: string;
  /** What the start date is. */
  startsOn: string;
  steps: readonly Step[];
  notes?: readonly string[];
}

const d = (n: number): PeriodLength => ({ n, unit: 'days' });
const wd = (n: number): PeriodLength => ({ n, unit: 'working-days' });
const w = (n: number): PeriodLength => ({ n, unit: 'weeks' });
const m = (n: number): PeriodLength => ({ n, unit: 'months' });
const step = (id: string, label: string, length: PeriodLength, article: string, extra: Partial<Step> = {}): Step => ({ id, label, length, article, from: 'start', ...extra });

export const PROCEDURES: readonly ProcedureDefinition[] = [
  // Screening (Regulation (EU) 2024/1356)
  { name: 'screening', instrument: 'screening', title: 'Screening at the external border', startsOn: 'apprehension, disembarkation or presentation at the border crossing point',
    steps: [step('screening', 'screening completed', d(7), 'Screening Art 8(3)')] },
  { name: 'screening-held-72h', instrument: 'screening', title: 'Screening of a person held at the border for more than 72 hours', startsOn: 'apprehension, disembarkation or presentation at the border crossing point',
    steps: [step('screening', 'screening completed', d(4), 'Screening Art 8(3), second subparagraph')] },
  { name: 'screening-territory', instrument: 'screening', title: 'Screening within the territory', startsOn: 'apprehension within the territory',
    steps: [step('screening', 'screening completed', d(3), 'Screening Art 8(4)')] },
  // Asylum Procedure Regulation (EU) 2024/1348
  { name: 'registration', instrument: 'apr', title: 'Registration of an application', startsOn: 'the application is made (for screened persons: the screening ends, Art 27(7))',
    steps: [step('registration', 'application registered', d(5), 'APR Art 27(1)')] },
  { name: 'registration-other-authority', instrument: 'apr', title: 'Registration of an application made to an authority not competent to register', startsOn: 'the application is made',
    steps: [
      step('inform', 'registering authority informed', wd(3), 'APR Art 27(3)'),
      step('registration', 'application registered', d(5), 'APR Art 27(3)', { from: 'inform' }),
    ] },
  { name: 'registration-disproportionate', instrument: 'apr', title: 'Registration when a disproportionate number of applications are made', startsOn: 'the application is made',
    steps: [step('registration', 'application registered', d(15), 'APR Art 27(5)')] },
  { name: 'lodging', instrument: 'apr', title: 'Lodging of an application', startsOn: 'registration',
    steps: [step('lodging', 'application lodged', d(21), 'APR Art 28(1)')] },
  { name: 'lodging-after-transfer', instrument: 'apr', title: 'Lodging after a Dublin transfer', startsOn: 'the applicant identifies himself or herself to the Member State responsible',
    steps: [step('lodging', 'application lodged', d(21), 'APR Art 28(2)')] },
  { name: 'lodging-disproportionate', instrument: 'apr', title: 'Appointment to lodge when numbers are disproportionate', startsOn: 'registration',
    steps: [step('lodging', 'appointment to lodge', m(2), 'APR Art 28(5)')] },
  { name: 'admissibility', instrument: 'apr', title: 'Admissibility examination', startsOn: 'lodging',
    steps: [step('decision', 'admissibility decided', m(2), 'APR Art 35(1)', {
      extendedTo: { length: m(4), article: 'APR Art 35(2)', condition: 'disproportionate numbers, complex issues, or the applicant\'s failure to comply with Art 9' } })] },
  { name: 'admissibility-return-decision', instrument: 'apr', title: 'Admissibility on the Art 38(1)(e) ground (late application after a return decision)', startsOn: 'lodging',
    steps: [step('decision', 'admissibility decided', wd(10), 'APR Art 35(1), second subparagraph')] },
  { name: 'accelerated', instrument: 'apr', title: 'Accelerated examination procedure', startsOn: 'lodging',
    steps: [step('decision', 'decision taken', m(3), 'APR Art 35(3)')] },
  { name: 'regular', instrument: 'apr', title: 'Examination on the merits', startsOn: 'lodging',
    steps: [
      step('decision', 'decision taken', m(6), 'APR Art 35(4)', {
        extendedTo: { length: m(12), article: 'APR Art 35(5)', condition: 'disproportionate numbers, complex issues, or the applicant\'s failure to comply with Art 9' } }),
      step('absolute', 'absolute maximum when the decision is postponed', m(21), 'APR Art 35(7)'),
    ] },
  { name: 'border-procedure', instrument: 'apr', title: 'Asylum border procedure', startsOn: 'registration',
    steps: [
      step('lodging', 'application lodged', d(5), 'APR Art 51(1)'),
      step('end', 'border procedure ends, including the appeal', w(12), 'APR Art 51(2)'),
    ] },
  { name: 'border-procedure-after-relocation', instrument: 'apr', title: 'Asylum border procedure applied by the Member State of relocation', startsOn: 'registration',
    steps: [
      step('lodging', 'application lodged', d(5), 'APR Art 51(1)'),
      step('end', 'border procedure ends, including the appeal', w(16), 'APR Art 51(2)'),
    ] },
  // Return Border Procedure Regulation (EU) 2024/1349
  { name: 'return-border-procedure', instrument: 'return-border-procedure', title: 'Return border procedure', startsOn: 'the person no longer has a right to remain',
    steps: [step('end', 'return border procedure ends', w(12), 'RBPR Art 4(2)', {
      extendedTo: { length: w(18), article: 'RBPR Art 6 (crisis situations: +6 weeks)', condition: 'a crisis situation' } })] },
  // AMMR Part III (Dublin)
  { name: 'take-charge-request', instrument: 'ammr', title: 'Take charge request', startsOn: 'registration of the application',
    steps: [step('request', 'take charge request sent', m(2), 'AMMR Art 39(1)')],
    notes: ['Missed: the Member State where the application was registered becomes responsible (Art 39(1), third subparagraph).'] },
  { name: 'take-charge-request-hit', instrument: 'ammr', title: 'Take charge request after a Eurodac or VIS hit', startsOn: 'receipt of the hit',
    steps: [step('request', 'take charge request sent', m(1), 'AMMR Art 39(1), second subparagraph')] },
  { name: 'take-charge-reply', instrument: 'ammr', title: 'Reply to a take charge request', startsOn: 'receipt of the request',
    steps: [step('reply', 'reply given', m(1), 'AMMR Art 40(1)')],
    notes: ['No reply by then is acceptance (Art 40(8)). An urgent reply may be asked, at least one week (Art 39(2), 40(7)).'] },
  { name: 'take-charge-reply-hit', instrument: 'ammr', title: 'Reply to a take charge request based on a Eurodac or VIS hit', startsOn: 'receipt of the request',
    steps: [step('reply', 'reply given', w(2), 'AMMR Art 40(2)')],
    notes: ['No reply by then is acceptance (Art 40(8)).'] },
  { name: 'take-back', instrument: 'ammr', title: 'Take back notification', startsOn: 'receipt of the Eurodac hit',
    steps: [
      step('notification', 'take back notification made', w(2), 'AMMR Art 41(1)'),
      step('confirmation', 'receipt confirmed (silence is confirmation)', w(2), 'AMMR Art 41(3)-(4)', { from: 'notification' }),
    ] },
  { name: 'transfer-decision', instrument: 'ammr', title: 'Transfer decision', startsOn: 'acceptance or confirmation',
    steps: [step('decision', 'transfer decision taken', w(2), 'AMMR Art 42(1)')] },
  { name: 'transfer', instrument: 'ammr', title: 'Dublin transfer', startsOn: 'acceptance or confirmation, or the final decision on an appeal with suspensive effect',
    steps: [
      step('transfer', 'transfer carried out', m(6), 'AMMR Art 46(1)', {
        extendedTo: { length: m(36), article: 'AMMR Art 46(2)', condition: 'absconding, physical resistance, making oneself unfit, or not complying with medical requirements (1 year for imprisonment)' } }),
    ],
    notes: ['Missed: responsibility passes to the transferring Member State (Art 46(2), 37(1)).', 'Extension for imprisonment: up to 1 year (Art 46(2)).'] },
  { name: 'dublin-detention', instrument: 'ammr', title: 'Dublin procedure for a detained person', startsOn: 'registration of the application (or detention, if later)',
    steps: [
      step('request', 'take charge request or take back notification', w(2), 'AMMR Art 45'),
      step('reply', 'reply', w(1), 'AMMR Art 45', { from: 'request' }),
      step('transfer', 'transfer', w(5), 'AMMR Art 45', { from: 'reply' }),
    ] },
  { name: 'irregular-entry-responsibility', instrument: 'ammr', title: 'Responsibility for irregular entry', startsOn: 'the irregular border crossing',
    steps: [step('ceases', 'responsibility ceases for applications registered after', m(20), 'AMMR Art 33(1)')] },
  { name: 'sar-responsibility', instrument: 'ammr', title: 'Responsibility after disembarkation following search and rescue', startsOn: 'the disembarkation',
    steps: [step('ceases', 'responsibility ceases for applications registered after', m(12), 'AMMR Art 33(2)')] },
  { name: 'border-rejection-cessation', instrument: 'ammr', title: 'Cessation after a final rejection in the border procedure', startsOn: 'the rejection becomes final',
    steps: [step('ceases', 'obligations under Art 36(1) cease', m(15), 'AMMR Art 37(2)')] },
  // Relocation (AMMR Art 67)
  { name: 'relocation', instrument: 'ammr', title: 'Relocation', startsOn: 'the Member State of relocation receives the information (Art 67(7))',
    steps: [
      step('confirmation', 'Member State of relocation confirms (silence is confirmation)', w(1), 'AMMR Art 67(9)', {
        extendedTo: { length: w(2), article: 'AMMR Art 67(9)', condition: 'justified complexity or a large number of requests, notified within the first week' } }),
      step('transfer-decision', 'benefitting Member State takes the transfer decision', w(1), 'AMMR Art 67(10)', { from: 'confirmation' }),
      step('transfer', 'transfer carried out', w(4), 'AMMR Art 67(11)', { from: 'confirmation' }),
    ],
    notes: ['The person is notified in writing at least 2 days (applicants) or 1 week (beneficiaries) before the transfer (Art 67(10)).'] },
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
  label: string;
  article: string;
  from: string;
  fromBasis: string;
  period: string;
  nominalEnd: string;
  deadline: string;
  moved: string | null;
  extended: { deadline: string; article: string; condition: string; moved: string | null } | null;
}

export interface DeadlineResult {
  procedure: string;
  title: string;
  instrument: string;
  counting: string;
  startsOn: string;
  from: string;
  steps: StepDeadline[];
  notes: string[];
}

export interface DeadlineOptions {
  holidays?: readonly string[];
  /** Overrides the instrument's date of application (e.g. 1 July 2026 for the AMMR as published). */
  appliesFrom?: string;
}

const COUNTING_TEXT: Record<CountingRule, string> = {
  'ammr-art-75': 'AMMR Art 75: the day of the event not counted; weeks and months end on the same weekday or date (last day of the month if that date does not exist); a last day on a Saturday, Sunday or public holiday moves to the next working day',
  'regulation-1182-71': 'Regulation (EEC, Euratom) No 1182/71 Art 3: the day of the event not counted; weeks and months end on the same weekday or date (last day of the month if that date does not exist); a last day on a Saturday, Sunday or public holiday moves to the next working day; a period of two days or more includes at least two working days',
};

const describeLength = (l: PeriodLength) => `${l.n} ${l.n === 1 ? l.unit.replace(/s$/, '') : l.unit}`;

/** The deadlines of a procedure started on `from` (ISO date). */
export function computeDeadlines(name: string, from: string, opts: DeadlineOptions = {}): DeadlineResult {
  const p = procedureDefinition(name);
  parseIsoDate(from, 'from');
  const holidays = new Set((opts.holidays ?? []).map((h) => (parseIsoDate(h, 'holidays'), h)));
  const inst = INSTRUMENTS[p.instrument];
  const appliesFrom = opts.appliesFrom ?? inst.appliesFrom;
  if (from < appliesFrom) {
    throw new InputError(`${from} is before ${inst.title} applies (${appliesFrom}, ${inst.appliesFromBasis}); earlier cases follow the rules they replaced`, { field: 'from' });
  }
  const ends = new Map<string, string>();
  const steps = p.steps.map((s): StepDeadline => {
    const start = s.from === 'start' ? from : ends.get(s.from)!;
    const counted = countPeriod(start, s.length, inst.rule, holidays);
    ends.set(s.id, counted.end);
    const ext = s.extendedTo ? countPeriod(start, s.extendedTo.length, inst.rule, holidays) : null;
    return {
      id: s.id,
      label: s.label,
      article: s.article,
      from: start,
      fromBasis: s.from === 'start' ? p.startsOn : `the last day of "${p.steps.find((x) => x.id === s.from)!.label}", assuming it took all its time`,
      period: describeLength(s.length),
      nominalEnd: counted.nominalEnd,
      deadline: counted.end,
      moved: counted.moved,
      extended: ext && s.extendedTo ? { deadline: ext.end, article: s.extendedTo.article, condition: s.extendedTo.condition, moved: ext.moved } : null,
    };
  });
  const notes = [...(p.notes ?? [])];
  if (holidays.size === 0) notes.push('No public holidays were given: only Saturdays and Sundays are treated as non-working days. Pass the Member State\'s public holidays to count them.');
  if (p.instrument === 'ammr' && opts.appliesFrom === undefined) notes.push(`The AMMR's date of application is taken as ${appliesFrom}; ${inst.appliesFromBasis}.`);
  return { procedure: p.name, title: p.title, instrument: inst.title, counting: COUNTING_TEXT[inst.rule], startsOn: p.startsOn, from, steps, notes };
}
