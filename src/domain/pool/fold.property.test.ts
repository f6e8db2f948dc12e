import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, foldEvents } from './apply.ts';
import { amounts, event } from './builders.ts';
import { PoolRuleError } from './errors.ts';
import type { PoolEvent } from './events.ts';
import { addAmounts, measureAmounts, zeroAmounts } from './measures.ts';
import { syntheticCycle } from './scenario.ts';
import { allPledges, EMPTY_POOL, type PoolState } from './state.ts';

const cycle = syntheticCycle();
const forumStart = cycle.beforeAdoption.slice(0, 3);
const implementationStart = [...cycle.beforeAdoption, ...cycle.adoption, ...cycle.implementation.slice(0, 6)];

const states = ['DE', 'FR', 'IT', 'EL', 'NL', 'SE'] as const;
const stateArb = fc.constantFrom(...states);
const idArb = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const at = '2025-11-01T00:00:00Z';
const measureArb = fc.oneof(
  fc.record({ kind: fc.constant('relocation' as const), persons: fc.integer({ min: -2, max: 500 }) }),
  fc.record({ kind: fc.constant('financial' as const), euros: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('alternative' as const), description: fc.constant('staff'), euros: fc.integer({ min: 1, max: 900_000 }) }),
  fc.record({ kind: fc.constant('offset' as const), persons: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(1.5)) }),
);
const pledgingArb: fc.Arbitrary<PoolEvent> = fc.oneof(
  fc.tuple(stateArb, idArb, measureArb).map(([s, id, m]) => event('pledge-made', `member-state:${s}`, at, { pledgeId: `${s}-${id}`, state: s, measure: m })),
  fc.tuple(stateArb, idArb, measureArb).map(([s, id, m]) => event('pledge-amended', `member-state:${s}`, at, { pledgeId: `${s}-${id}`, state: s, measure: m })),
  fc.tuple(stateArb, idArb).map(([s, id]) => event('pledge-withdrawn', `member-state:${s}`, at, { pledgeId: `${s}-${id}`, state: s })),
);
const kindArb = fc.constantFrom('relocation' as const, 'financial' as const, 'alternative' as const, 'offset' as const);
const deductionArb: fc.Arbitrary<PoolEvent[]> = fc.tuple(stateArb, fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 3_000 })).map(([s, n, g]) => {
  const requestId = `dd-${s}-${n}-${g}`;
  return [
    event('deduction-requested', `member-state:${s}`, '2026-07-01T00:00:00Z', { requestId, state: s, article: 62, amounts: amounts({ relocations: n }), reasoning: 'r' }),
    event('deduction-assessed', 'commission', '2026-07-10T00:00:00Z', { requestId, favourable: true, reason: 'r' }),
    event('deduction-decided', 'council', '2026-07-20T00:00:00Z', { requestId, act: 'a', granted: amounts({ relocations: g }) }),
  ];
});
const singleImplementationArb: fc.Arbitrary<PoolEvent> = fc.oneof(
  fc.tuple(stateArb, stateArb, kindArb, fc.integer({ min: 1, max: 3_000 })).map(([c, b, kind, amount]) => event('allocation-made', 'coordinator', '2026-07-01T00:00:00Z', { contributing: c, benefitting: b, kind, amount })),
  fc.tuple(stateArb, fc.option(stateArb, { nil: undefined }), kindArb, fc.integer({ min: 1, max: 3_000 })).map(([c, b, kind, amount]) =>
    event('fulfilment-recorded', 'coordinator', '2026-08-01T00:00:00Z', { state: c, ...(b ? { benefitting: b } : {}), kind, amount }),
  ),
  fc.tuple(stateArb, fc.boolean()).map(([s, found]) =>
    event(found ? 'systemic-shortcomings-found' : 'systemic-shortcomings-lifted', 'commission', '2026-08-01T00:00:00Z', { state: s, decision: 'd' }),
  ),
  fc.tuple(stateArb, fc.integer({ min: 1, max: 3_000_000 })).map(([s, euros]) => event('alternative-converted', 'commission', '2026-12-01T00:00:00Z', { state: s, euros })),
  fc.tuple(stateArb, fc.integer({ min: 0, max: 3_000 })).map(([s, n]) =>
    event('deduction-requested', `member-state:${s}`, '2026-07-01T00:00:00Z', { requestId: `d-${s}-${n}`, state: s, article: 62, amounts: amounts({ relocations: n }), reasoning: 'r' }),
  ),
);
const implementationArb = (maxLength: number): fc.Arbitrary<PoolEvent[]> =>
  fc.array(fc.oneof(singleImplementationArb.map((e) => [e]), deductionArb), { maxLength }).map((a) => a.flat());

/** Folds `events` on `start` one at a time, keeping those the rules accept. */
function accepted(start: PoolState, events: PoolEvent[]): { state: PoolState; kept: PoolEvent[] } {
  let state = start;
  const kept: PoolEvent[] = [];
  for (const e of events) {
    try {
      state = applyEvent(state, e);
      kept.push(e);
    } catch (err) {
      if (!(err instanceof PoolRuleError)) throw err;
    }
  }
  return { state, kept };
}

/** A comparable picture of a state (Maps as entry lists). */
const picture = (s: PoolState) => JSON.stringify(s, (_k, v) => (v instanceof Map ? [...v.entries()] : v));

describe('folding pool events (properties)', () => {
  it('keeps pool totals equal to the sum of live pledges, and state totals to their own pledges', () => {
    fc.assert(
      fc.property(fc.array(pledgingArb, { maxLength: 60 }), (events) => {
        const { state } = accepted(foldEvents(forumStart), events);
        if (state.phase !== 'forum') throw new Error(state.phase);
        const total = zeroAmounts();
        const perState = new Map<string, ReturnType<typeof zeroAmounts>>();
        for (const p of allPledges(state)) {
          addAmounts(total, measureAmounts(p.measure));
          const own = perState.get(p.state) ?? zeroAmounts();
          addAmounts(own, measureAmounts(p.measure));
          perState.set(p.state, own);
        }
        expect(state.pledgedTotal).toEqual(total);
        for (const b of state.states.values()) {
          expect(b.pledged).toEqual(perState.get(b.code) ?? zeroAmounts());
          for (const p of b.pledges.values()) expect(p.state).toBe(b.code);
        }
        // The id index names exactly the live pledges, each with the state whose book holds it.
        expect([...state.pledgeOwners].sort()).toEqual(allPledges(state).map((p) => [p.id, p.state]).sort());
      }),
    );
  });

  it('gives the same state whether folded at once, event by event, or as a prefix and the rest', () => {
    fc.assert(
      fc.property(fc.array(pledgingArb, { maxLength: 40 }), implementationArb(40), fc.nat(), (pledging, implementing, cut) => {
        const base = [...forumStart, ...pledging];
        const { kept: keptPledges } = accepted(EMPTY_POOL, base);
        const adopted = [...keptPledges, ...cycle.adoption, ...cycle.implementation.slice(0, 1)];
        const { kept } = accepted(foldEvents(adopted), implementing);
        const all = [...adopted, ...kept];
        const whole = foldEvents(all);
        const k = cut % (all.length + 1);
        const prefix = foldEvents(all.slice(0, k));
        const before = picture(prefix);
        const prefixThenRest = applyEvents(prefix, all.slice(k));
        expect(picture(prefix)).toBe(before);
        const oneByOne = all.reduce((s: PoolState, e) => applyEvent(s, e), EMPTY_POOL);
        expect(picture(prefixThenRest)).toBe(picture(whole));
        expect(picture(oneByOne)).toBe(picture(whole));
      }),
    );
  });

  it('never produces negative or fractional amounts, nor implementation beyond allocation', () => {
    fc.assert(
      fc.property(implementationArb(80), (events) => {
        const { state } = accepted(foldEvents(implementationStart), events);
        if (state.phase !== 'implementation') throw new Error(state.phase);
        for (const b of state.states.values()) {
          for (const a of [b.pledged, b.deducted, b.allocated, b.implemented]) {
            for (const v of Object.values(a)) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
          expect(b.convertedEur).toBeGreaterThanOrEqual(0);
          // Deductions never exceed the pledges they deduct (Arts 61(1), 62(1)).
          expect(b.deducted.relocations).toBeLessThanOrEqual(b.pledged.relocations);
        }
        for (const t of state.transfers.values()) {
          for (const k of ['relocations', 'alternativeEur', 'offsets'] as const) expect(t.implemented[k]).toBeLessThanOrEqual(t.allocated[k]);
        }
      }),
    );
  });

  it('returns to the same totals after withdrawing a pledge and making it again', () => {
    fc.assert(
      fc.property(fc.array(pledgingArb, { maxLength: 30 }), stateArb, measureArb.filter((m) => Number.isInteger('persons' in m ? m.persons : m.euros) && ('persons' in m ? m.persons : m.euros) > 0), (events, s, m) => {
        const { state } = accepted(foldEvents(forumStart), events);
        const id = `${s}-fresh`;
        const made = applyEvent(state, event('pledge-made', `member-state:${s}`, at, { pledgeId: id, state: s, measure: m }));
        const withdrawn = applyEvent(made, event('pledge-withdrawn', `member-state:${s}`, at, { pledgeId: id, state: s }));
        const again = applyEvent(withdrawn, event('pledge-made', `member-state:${s}`, at, { pledgeId: id, state: s, measure: m }));
        if (state.phase !== 'forum' || withdrawn.phase !== 'forum' || again.phase !== 'forum' || made.phase !== 'forum') throw new Error('phase');
        expect(withdrawn.pledgedTotal).toEqual(state.pledgedTotal);
        expect(again.pledgedTotal).toEqual(made.pledgedTotal);
        expect(again.states.get(s)!.pledged).toEqual(made.states.get(s)!.pledged);
      }),
    );
  });
});
