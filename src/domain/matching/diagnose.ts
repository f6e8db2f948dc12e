/**
 * Why a matching cannot place every person: the constraint that binds, named. An instance is never "infeasible" in
 * the solver's sense (a case may stay unplaced), but when every eligible person must be placed (`--require-all`)
 * these are the reasons it cannot be, from the most global to the most particular.
 */
import type { MatchingInstance } from './model.ts';
import { pledgeExclusion, releasedPairs } from './scores.ts';
import type { MatchResult } from './solve.ts';

export function whyNotAllPlaced(instance: MatchingInstance, r: MatchResult): string[] {
  // Cases that no pledge is open to (restrictions, releases, no pledge serving their state) come first: by name.
  const closed = r.excluded.filter((e) => e.reason.startsWith('no state'));
  const reasons: string[] = closed.slice(0, 5).map((e) => `case ${e.caseId}: ${e.reason}`);
  if (closed.length > 5) reasons.push(`and ${closed.length - 5} more cases to which no state is open`);
  if (r.placedPersons >= r.eligiblePersons) return reasons;
  const places = instance.pledges.reduce((a, p) => a + p.persons, 0);
  if (r.eligiblePersons > places) {
    reasons.push(`capacity: ${r.eligiblePersons} eligible persons for ${places} pledged places, ${r.eligiblePersons - places} short`);
  }
  const released = releasedPairs(instance.releases);
  for (const b of r.benefitting) {
    const closedBy: string[] = [];
    let open = 0;
    for (const p of instance.pledges) {
      const why = pledgeExclusion(p, b.state, released);
      if (why === null) open += p.persons;
      else if (p.persons > 0 && p.state !== b.state) closedBy.push(why);
    }
    if (b.demand > open) reasons.push(`${b.state}: ${b.demand} eligible persons, ${open} places open to it${closedBy.length ? ` (${closedBy.join('; ')})` : ''}`);
    else if (b.assigned < b.demand && b.assigned >= b.balancedShare && b.balancedShare < b.demand) {
      reasons.push(`${b.state}: placed ${b.assigned} of ${b.demand}; its balanced share is ${b.balancedShare} (Art 60(1)) and the places are taken by the other benefitting states' shares`);
    }
  }
  const excluded = new Set(r.excluded.map((e) => e.caseId));
  const unplacedFamilies = r.assignments.filter((a) => a.state === null && a.persons > 1 && !excluded.has(a.caseId));
  const familyPersons = unplacedFamilies.reduce((s, a) => s + a.persons, 0);
  if (familyPersons > 0 && reasons.length === closed.length) {
    reasons.push(`${familyPersons} persons in ${unplacedFamilies.length} ${unplacedFamilies.length === 1 ? 'family' : 'families'} could not be fitted whole into the places left (families are never split, Art 67(6))`);
  }
  if (reasons.length === closed.length) reasons.push(`${r.eligiblePersons - r.placedPersons} eligible persons are not placed: the places open to them (pledge restrictions, releases) are taken by cases with stronger claims`);
  return reasons;
}
