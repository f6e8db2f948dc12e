/**
 * The cycle's statutory calendar on the SYNTHETIC full cycle (src/domain/pool/scenario.ts): worked examples of the
 * periods counted under Art 75 from the events recorded, the fixed dates of the Regulation, what is due, done and
 * overdue on a given day, and who may see which deadline.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_POOL, foldEvents } from '../pool/index.ts';
import { syntheticCycle } from '../pool/scenario.ts';
import { cycleDeadlines, deadlinesVisibleTo, type CycleDeadline } from './deadlines.ts';

const cycle = syntheticCycle();
const byId = (ds: CycleDeadline[]) => new Map(ds.map((d) => [d.id, d]));

describe('the statutory calendar of a cycle (Art 75 counting)', () => {
  it('counts each period from its event, moves an end off a weekend, and keeps the fixed dates fixed', () => {
    const ds = byId(cycleDeadlines(2026, foldEvents(cycle.all), '2027-02-15'));
    const row = (id: string) => {
      const d = ds.get(id);
      expect(d, id).toBeDefined();
      return [d!.due, d!.status, d!.late ?? null];
    };
    // Art 13(2): proposal on Wed 15 Oct 2025, 15 days not counting that day: Thu 30 Oct; the Forum opened on the 28th.
    expect(row('13(2)')).toEqual(['2025-10-30', 'done', false]);
    // Arts 11(4), 12(1), 57(1): dates the Regulation fixes.
    expect(row('12(1)')).toEqual(['2025-10-15', 'done', false]);
    expect(row('57(1)')).toEqual(['2025-12-31', 'done', false]);
    // Art 58(3): IT's access request of Mon 15 June 2026, 10 days: Thu 25 June; the Forum met on the 22nd.
    expect(row('58(3):IT')).toEqual(['2026-06-25', 'done', false]);
    // EL asked on Tue 16 June: Fri 26 June, and no Technical-Level Forum was ever convened for EL.
    expect(row('58(3):EL')).toEqual(['2026-06-26', 'overdue', null]);
    // Art 62(3): AT's deduction request of Wed 1 July 2026, four weeks: Wed 29 July; assessed on the 20th.
    expect(row('62(3):d-at')).toEqual(['2026-07-29', 'done', false]);
    // Art 69: BE's offer of Thu 10 Sept 2026, 30 days end on Sat 10 Oct, so Mon 12 Oct; IT replied on 20 Sept.
    expect(row('69:o-be')).toEqual(['2026-10-12', 'done', false]);
    // Art 60(6): by 31 January of the next year, a fixed date (a Sunday in 2027, not moved); 1 of 26 confirmed.
    expect(row('60(6)')).toEqual(['2027-01-31', 'overdue', null]);
    expect(ds.get('60(6)')!.note).toBe('1 of 26 confirmed');
  });

  it('says due before the last day and overdue after it, and not triggered while the starting event is missing', () => {
    const drafted = foldEvents(cycle.beforeAdoption.slice(0, 2));
    expect(byId(cycleDeadlines(2026, drafted, '2025-10-20')).get('13(2)')!.status).toBe('due');
    expect(byId(cycleDeadlines(2026, drafted, '2025-10-31')).get('13(2)')!.status).toBe('overdue');
    const none = byId(cycleDeadlines(2026, EMPTY_POOL, '2025-10-01'));
    expect(none.get('13(2)')).toMatchObject({ due: null, status: 'not-triggered' });
    expect(byId(cycleDeadlines(2026, EMPTY_POOL, '2025-10-16')).get('12(1)')!.status).toBe('overdue');
    // What no event records is said to be not recorded, never done or overdue.
    expect(none.get('9(7)')!.status).toBe('not-recorded');
  });
});

describe('who sees which deadline', () => {
  const all = cycleDeadlines(2026, foldEvents(cycle.all), '2027-02-15');
  const partyIds = all.filter((d) => d.parties).map((d) => d.id);

  it('names the states a request’s deadline concerns', () => {
    expect(partyIds).toEqual(expect.arrayContaining(['58(3):IT', '58(3):EL', '62(3):d-at', '69:o-be']));
    expect(all.find((d) => d.id === '69:o-be')!.parties).toEqual(['BE', 'IT']);
  });

  it('shows every deadline to the institutions and the Coordinator, the own ones to a state, none of a request to the public', () => {
    for (const role of ['commission', 'council', 'coordinator'] as const) expect(deadlinesVisibleTo(role, all)).toEqual(all);
    const at = deadlinesVisibleTo('member-state:AT', all).map((d) => d.id);
    expect(at).toContain('62(3):d-at');
    expect(at).not.toContain('69:o-be');
    expect(deadlinesVisibleTo('member-state:BE', all).map((d) => d.id)).toContain('69:o-be');
    expect(deadlinesVisibleTo('member-state:IT', all).map((d) => d.id)).toEqual(expect.arrayContaining(['58(3):IT', '69:o-be']));
    const pub = deadlinesVisibleTo('public', all);
    expect(pub.some((d) => d.parties)).toBe(false);
    expect(pub.map((d) => d.id)).toEqual(expect.arrayContaining(['12(1)', '13(2)', '57(1)', '60(6)']));
  });
});
