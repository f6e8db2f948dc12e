/** The state of play of the national implementation plans: per milestone across the Union, and per state. */
import type { UnionOverview } from '../../domain/procedures/implementation-plan.ts';
import { col, type ReportTable } from '../table.ts';

export function milestonesTable(o: UnionOverview): ReportTable {
  return {
    id: 'implementation-milestones',
    columns: [
      // The milestone's id in the annexes, its name in the Report's language in the HTML.
      col('milestone', 'label', 'milestone.'),
      col('basis', 'text'),
      col('not_started', 'integer'),
      col('in_progress', 'integer'),
      col('completed', 'integer'),
      col('delayed', 'integer'),
      col('not_reported', 'integer'),
      col('accepted', 'integer'),
    ],
    rows: o.milestones.map((m) => ({
      milestone: m.milestone,
      basis: m.basis,
      not_started: m.counts['not-started'],
      in_progress: m.counts['in-progress'],
      completed: m.counts.completed,
      delayed: m.counts.delayed,
      not_reported: m.counts['not-reported'],
      accepted: m.acceptedByCommission,
    })),
  };
}

export function implementationStatesTable(o: UnionOverview): ReportTable {
  return {
    id: 'implementation-states',
    columns: [col('state', 'state'), col('reported', 'integer'), col('completed', 'integer'), col('accepted', 'integer'), col('delayed', 'integer')],
    rows: o.byState.map((s) => ({ state: s.code, reported: s.reported, completed: s.completed, accepted: s.accepted, delayed: s.delayed })),
  };
}
