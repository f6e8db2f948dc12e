import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { CATEGORIES } from '../pool/events.ts';
import { currentDecisions, decisionsFromPoolEvent, disagreements, fromPoolCategory, parseDecision, toPoolCategory, type DecisionRecord } from './decisions.ts';
import { ASSESSMENT_CATEGORIES } from './methodology.ts';

const base = { cycle: 2026, state: 'IT', category: 'under-pressure', adopted: true, ground: 'recurring SAR disembarkations (Art 11(3))', date: '2025-11-11', act: 'Commission Implementing Decision (EU) 2025/2323', by: 'analyst' };

describe('decision records', () => {
  it('validates a record and names the bad field', () => {
    expect(parseDecision(base)).toEqual(base);
    expect(() => parseDecision({ ...base, state: 'DK' })).toThrow(/field state: unknown state "DK"/);
    expect(() => parseDecision({ ...base, category: 'crisis' })).toThrow(/field category: unknown category "crisis"/);
    expect(() => parseDecision({ ...base, date: '11/11/2025' })).toThrow(InputError);
    expect(() => parseDecision({ ...base, ground: '  ' })).toThrow(/field ground: a ground is required/);
  });

  it('maps the categories one to one onto the pool ledger names', () => {
    expect(ASSESSMENT_CATEGORIES.map(toPoolCategory)).toEqual([...CATEGORIES]);
    for (const c of ASSESSMENT_CATEGORIES) expect(fromPoolCategory(toPoolCategory(c))).toBe(c);
  });

  it('the latest record per state and category is in force; the older stays in the history', () => {
    const first = { ...parseDecision(base), origin: 'record' as const, recordedAt: '2025-11-12T10:00:00.000Z' };
    const correction = { ...first, adopted: false, ground: 'corrected', recordedAt: '2025-11-13T10:00:00.000Z' };
    expect(currentDecisions([first, correction])).toEqual([correction]);
    expect(currentDecisions([correction, first])).toEqual([correction]);
  });

  it('shows every disagreement between evidence and decision; an undecided category is none', () => {
    const d = (category: DecisionRecord['category'], adopted: boolean) => ({ ...parseDecision({ ...base, category, adopted }) });
    expect(disagreements(['under-pressure', 'significant-situation'], [d('under-pressure', true), d('at-risk', true), d('significant-situation', false)])).toEqual([
      { category: 'at-risk', kind: 'adopted-without-evidence', computed: false, adopted: true, act: base.act, ground: base.ground },
      { category: 'significant-situation', kind: 'evidence-not-adopted', computed: true, adopted: false, act: base.act, ground: base.ground },
    ]);
    expect(disagreements(['at-risk'], [])).toEqual([]);
  });

  it("reads the pool ledger's Art 11 event as decisions: listed categories adopted, the rest not", () => {
    const records = decisionsFromPoolEvent(2026, { decision: 'Decision 2025/2323', states: [{ code: 'EL', categories: ['migratory-pressure'] }] }, '2025-11-11T09:00:00Z', 'commission');
    expect(records).toHaveLength(26 * 3);
    expect(records.filter((r) => r.adopted)).toMatchObject([{ state: 'EL', category: 'under-pressure', date: '2025-11-11', origin: 'pool-ledger' }]);
    // A decision record made later for the same state and category prevails over the ledger's.
    const own = { ...parseDecision({ ...base, state: 'EL', adopted: false, date: '2025-11-11' }), origin: 'record' as const };
    expect(currentDecisions([...records, own]).find((r) => r.state === 'EL' && r.category === 'under-pressure')).toBe(own);
  });
});
