import { describe, expect, it } from 'vitest';
import { MILESTONES, mayReviewMilestones, mayUpdateMilestones, unionOverview, validateMilestoneUpdate, type MilestoneRecord } from './implementation-plan.ts';

const rec = (state: MilestoneRecord['state'], milestone: MilestoneRecord['milestone'], status: MilestoneRecord['status'], review: MilestoneRecord['review'] = 'pending'): MilestoneRecord => ({
  state, milestone, status, evidence: status === 'completed' ? 'Act No 1/2026' : '', targetDate: null, updatedBy: 'x', updatedAt: '2026-05-01T00:00:00.000Z',
  review, reviewNote: '', reviewedBy: null, reviewedAt: null,
});

describe('national implementation plans', () => {
  it('lists the eight milestones of the brief', () => {
    expect(MILESTONES.map((m) => m.id)).toEqual(['legal-framework', 'screening', 'eurodac', 'border-procedure-capacity', 'reception', 'staffing', 'contingency-plan', 'national-strategy']);
  });
  it('requires evidence for a completed milestone and known names', () => {
    expect(() => validateMilestoneUpdate({ milestone: 'screening', status: 'completed', evidence: '  ' })).toThrow(/needs evidence/);
    expect(() => validateMilestoneUpdate({ milestone: 'screaming', status: 'completed', evidence: 'x' })).toThrow(/unknown milestone "screaming"/);
    expect(() => validateMilestoneUpdate({ milestone: 'screening', status: 'done', evidence: 'x' })).toThrow(/unknown status "done"/);
    expect(() => validateMilestoneUpdate({ milestone: 'screening', status: 'delayed', evidence: '', targetDate: '1 July' })).toThrow(/field targetDate/);
    expect(() => validateMilestoneUpdate({ milestone: 'screening', status: 'delayed', evidence: '', targetDate: '2026-02-30' })).toThrow(/2026-02-30 does not exist/);
    expect(validateMilestoneUpdate({ milestone: 'eurodac', status: 'in-progress', evidence: '' })).toEqual({ milestone: 'eurodac', status: 'in-progress', evidence: '', targetDate: null });
  });
  it('lets only the Member State update its own milestones and only the Commission review', () => {
    expect(mayUpdateMilestones('member-state:IT', 'IT')).toBe(true);
    expect(mayUpdateMilestones('member-state:EL', 'IT')).toBe(false);
    expect(mayUpdateMilestones('commission', 'IT')).toBe(false);
    expect(mayReviewMilestones('commission')).toBe(true);
    expect(mayReviewMilestones('coordinator')).toBe(false);
    expect(mayReviewMilestones('member-state:IT')).toBe(false);
  });
  it('counts the Union overview and shows silence as not reported, never as not started', () => {
    const o = unionOverview([rec('IT', 'screening', 'completed', 'accepted'), rec('IT', 'eurodac', 'delayed'), rec('EL', 'screening', 'completed')], ['IT', 'EL', 'AT']);
    const screening = o.milestones.find((m) => m.milestone === 'screening')!;
    expect(screening.counts).toEqual({ 'not-started': 0, 'in-progress': 0, completed: 2, delayed: 0, 'not-reported': 1 });
    expect(screening.acceptedByCommission).toBe(1);
    expect(o.byState.find((s) => s.code === 'IT')).toMatchObject({ reported: 2, completed: 1, accepted: 1, delayed: 1 });
    expect(o.statesNotReporting).toEqual(['AT']);
    expect(o.milestones.find((m) => m.milestone === 'reception')!.counts['not-reported']).toBe(3);
  });
});
