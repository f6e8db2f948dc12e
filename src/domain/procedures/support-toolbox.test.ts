import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkTransition, OPEN_STATUSES, prioritiseRequests, REQUEST_STATUSES, summariseRequests, TOOLBOX_CATALOGUE, validateNewRequest, type SupportRequest } from './support-toolbox.ts';

const req = (id: number, state: SupportRequest['state'], submittedAt: string, status: SupportRequest['status'] = 'submitted'): SupportRequest => ({
  id, state, item: 'euaa-operational-support', description: 'reception experts', status, submittedBy: 'x', submittedAt, updatedBy: 'x', updatedAt: submittedAt, note: '',
});

describe('Migration Support Toolbox (AMMR Art 6(3))', () => {
  it('catalogues agency support, AMIF and BMVI funding, return and the external dimension', () => {
    const ids = TOOLBOX_CATALOGUE.map((i) => i.id);
    for (const id of ['euaa-operational-support', 'frontex-operational-support', 'amif-funding', 'bmvi-funding', 'return-reintegration', 'external-dimension']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('refuses unknown items and empty descriptions', () => {
    expect(() => validateNewRequest({ item: 'money', description: 'we need money now' })).toThrow(/unknown Toolbox item "money"/);
    expect(() => validateNewRequest({ item: 'amif-funding', description: 'x' })).toThrow(/field description/);
  });
  it('serves Member States identified as at risk first, then the others, oldest first; closed requests last', () => {
    const out = prioritiseRequests(
      [
        req(1, 'DE', '2026-07-01T09:00:00.000Z'),
        req(2, 'CY', '2026-07-03T09:00:00.000Z'),
        req(3, 'AT', '2026-06-20T09:00:00.000Z', 'delivered'),
        req(4, 'IT', '2026-07-02T09:00:00.000Z', 'in-review'),
        req(5, 'FR', '2026-06-30T09:00:00.000Z'),
      ],
      new Set(['CY', 'IT']),
    );
    expect(out.map((r) => [r.id, r.priority, r.rank])).toEqual([
      [4, 'at-risk', 1],
      [2, 'at-risk', 2],
      [5, 'standard', 3],
      [1, 'standard', 4],
      [3, 'closed', 5],
    ]);
  });
  it('never puts a standard open request before an at-risk open one (property)', () => {
    const states = ['IT', 'EL', 'CY', 'DE', 'FR'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ state: fc.constantFrom(...states), day: fc.integer({ min: 1, max: 28 }), status: fc.constantFrom(...REQUEST_STATUSES) }), { maxLength: 30 }),
        fc.subarray([...states]),
        (rows, risk) => {
          const requests = rows.map((r, i) => req(i + 1, r.state, `2026-07-${String(r.day).padStart(2, '0')}T00:00:00.000Z`, r.status));
          const out = prioritiseRequests(requests, new Set(risk));
          expect(out).toHaveLength(requests.length);
          const groups = out.map((r) => ({ 'at-risk': 0, standard: 1, closed: 2 })[r.priority]);
          expect(groups).toEqual([...groups].sort());
          for (const r of out) expect(r.priority === 'closed').toBe(!OPEN_STATUSES.includes(r.status));
        },
      ),
    );
  });
  it('lets the Commission decide and the requesting state withdraw, and nothing else', () => {
    expect(checkTransition({ state: 'IT', status: 'submitted' }, 'in-review', 'commission')).toBe('in-review');
    expect(checkTransition({ state: 'IT', status: 'in-review' }, 'withdrawn', 'member-state:IT')).toBe('withdrawn');
    expect(() => checkTransition({ state: 'IT', status: 'submitted' }, 'granted', 'commission')).toThrow(/cannot become granted; it can become in-review, refused, withdrawn/);
    expect(() => checkTransition({ state: 'IT', status: 'in-review' }, 'granted', 'member-state:IT')).toThrow(/only the Commission/);
    expect(() => checkTransition({ state: 'IT', status: 'submitted' }, 'withdrawn', 'member-state:EL')).toThrow(/only IT can withdraw/);
    expect(() => checkTransition({ state: 'IT', status: 'delivered' }, 'refused', 'commission')).toThrow(/it is closed/);
  });
  it('summarises requests for the Report per catalogue item and status, counting those of at-risk states, naming no state', () => {
    const amif = { ...req(3, 'CY', '2026-07-03T09:00:00.000Z', 'granted'), item: 'amif-funding' as const };
    const s = summariseRequests([req(1, 'DE', '2026-07-01T09:00:00.000Z'), req(2, 'CY', '2026-07-02T09:00:00.000Z', 'withdrawn'), amif], { states: ['CY'], basis: 'test' });
    expect([s.requests, s.states]).toEqual([3, 2]);
    expect(s.items.map((i) => i.item)).toEqual(TOOLBOX_CATALOGUE.map((i) => i.id));
    expect(s.items.find((i) => i.item === 'euaa-operational-support')).toMatchObject({ requests: 2, fromAtRisk: 1, byStatus: { submitted: 1, withdrawn: 1, granted: 0 } });
    expect(s.items.find((i) => i.item === 'amif-funding')).toMatchObject({ requests: 1, fromAtRisk: 1, byStatus: { granted: 1 } });
    expect(s.items.reduce((n, i) => n + i.requests, 0)).toBe(3);
    expect(JSON.stringify(s.items)).not.toMatch(/"(DE|CY)"/);
  });
});
