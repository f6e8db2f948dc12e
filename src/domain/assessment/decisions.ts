/**
 * Decision records: the Commission's classification of a Member State in a category (Art 11(1)) is a human decision
 * informed by qualitative grounds (Art 10(2): instrumentalisation, reception strain, …; domain.md §5.2). It is
 * recorded per cycle, state and category — adopted or not, the ground, the date, the act, who recorded it — apart
 * from the computed evidence, and every disagreement between the two is shown.
 *
 * Records are append-only: a later record for the same cycle, state and category supersedes the earlier one (a
 * correction, or a later Art 59(4) decision), and the history stays.
 *
 * The pool ledger's `classification-recorded` event (src/domain/pool/events.ts) carries the same Art 11 decision for
 * the whole cycle at once, with the pool's names for the categories; `toPoolCategory` maps between the two, and the
 * assessment reads that event as decisions where no record says otherwise.
 */
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../member-states.ts';
import type { Category as PoolCategory } from '../pool/events.ts';
import { ASSESSMENT_CATEGORIES, type AssessmentCategory } from './methodology.ts';

export interface DecisionRecord {
  cycle: number;
  state: MemberStateCode;
  category: AssessmentCategory;
  adopted: boolean;
  /** The stated ground, e.g. "disproportionate arrivals in the last year", "threat of instrumentalisation". */
  ground: string;
  /** Date of the decision, YYYY-MM-DD. */
  date: string;
  /** The act, e.g. "Commission Implementing Decision (EU) 2025/2323". */
  act: string;
  /** Who recorded it. */
  by: string;
  /** Where the record comes from: a decision record, or the pool ledger's Art 11 event. */
  origin?: 'record' | 'pool-ledger';
  /** When it was recorded (ISO 8601), for ordering. */
  recordedAt?: string;
}

const stateCodes = SOLIDARITY_STATES as unknown as readonly [MemberStateCode, ...MemberStateCode[]];

export const decisionInputSchema = z.strictObject({
  cycle: z.number().int().min(2026, 'cycles run from 2026').max(2100),
  state: z.enum(stateCodes, { error: (i) => `unknown state ${JSON.stringify(i.input)}: expected one of the 26 Member States bound by the solidarity mechanism (Eurostat codes, EL for Greece)` }),
  category: z.enum(ASSESSMENT_CATEGORIES, { error: (i) => `unknown category ${JSON.stringify(i.input)}: expected ${ASSESSMENT_CATEGORIES.join(', ')}` }),
  adopted: z.boolean(),
  ground: z.string().trim().min(1, 'a ground is required').max(10_000),
  date: z.iso.date({ message: 'date must be YYYY-MM-DD' }),
  act: z.string().trim().min(1, 'the act is required').max(1_000),
  by: z.string().trim().min(1, 'who records the decision is required').max(200),
});

/** Validates a decision before it is stored; the error names the field. */
export function parseDecision(input: unknown): DecisionRecord {
  const parsed = decisionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { field: issue.path.join('.') });
  }
  return parsed.data;
}

const TO_POOL: Record<AssessmentCategory, PoolCategory> = {
  'under-pressure': 'migratory-pressure',
  'at-risk': 'risk-of-migratory-pressure',
  'significant-situation': 'significant-migratory-situation',
};

export function toPoolCategory(c: AssessmentCategory): PoolCategory {
  return TO_POOL[c];
}

export function fromPoolCategory(c: PoolCategory): AssessmentCategory {
  return (Object.entries(TO_POOL) as [AssessmentCategory, PoolCategory][]).find(([, p]) => p === c)![0];
}

/** The decision in force per state and category: the latest record (by date, then by when it was recorded). */
export function currentDecisions(records: readonly DecisionRecord[]): DecisionRecord[] {
  const latest = new Map<string, DecisionRecord>();
  const order = (r: DecisionRecord) => `${r.date}|${r.origin === 'record' ? 1 : 0}|${r.recordedAt ?? ''}`;
  for (const r of records) {
    const key = `${r.state}|${r.category}`;
    const prev = latest.get(key);
    if (!prev || order(r) >= order(prev)) latest.set(key, r);
  }
  return [...latest.values()].sort((a, b) => a.state.localeCompare(b.state) || ASSESSMENT_CATEGORIES.indexOf(a.category) - ASSESSMENT_CATEGORIES.indexOf(b.category));
}

export interface Disagreement {
  category: AssessmentCategory;
  /** The evidence supports the category but the decision did not adopt it, or the reverse. */
  kind: 'evidence-not-adopted' | 'adopted-without-evidence';
  computed: boolean;
  adopted: boolean;
  act: string;
  ground: string;
}

/** Every category where the computed evidence and the decision in force differ. Undecided categories are not disagreements. */
export function disagreements(computed: readonly AssessmentCategory[], decisions: readonly DecisionRecord[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const d of decisions) {
    const isComputed = computed.includes(d.category);
    if (isComputed === d.adopted) continue;
    out.push({ category: d.category, kind: isComputed ? 'evidence-not-adopted' : 'adopted-without-evidence', computed: isComputed, adopted: d.adopted, act: d.act, ground: d.ground });
  }
  return out;
}

/**
 * The pool ledger's Art 11 event as decision records: every listed category adopted, every other category of the
 * 26 states not adopted (the decision names the states it identifies, so the others were not).
 */
export function decisionsFromPoolEvent(cycle: number, event: { decision: string; states: { code: MemberStateCode; categories: PoolCategory[] }[] }, at: string, role: string): DecisionRecord[] {
  const listed = new Map(event.states.map((s) => [s.code, new Set(s.categories.map(fromPoolCategory))]));
  return SOLIDARITY_STATES.flatMap((state) =>
    ASSESSMENT_CATEGORIES.map((category) => ({
      cycle,
      state,
      category,
      adopted: listed.get(state)?.has(category) ?? false,
      ground: listed.get(state)?.has(category) ? 'identified in the Art 11 decision recorded in the pool ledger' : 'not identified in the Art 11 decision recorded in the pool ledger',
      date: at.slice(0, 10),
      act: event.decision,
      by: role,
      origin: 'pool-ledger' as const,
      recordedAt: at,
    })),
  );
}
