/**
 * Turns an instance into the small problem the solver works on: cases with identical per-person scores in every
 * state (and the same benefitting state, and the same link status) form one class, so a million persons become a
 * few thousand classes; the balanced shares of the benefitting states (Art 60(1)) and the shares of persons without
 * links (Art 67(4)) are fixed here, before any solving, by the largest-remainder rule.
 */
import { apportion } from '../apportion.ts';
import type { StateCode } from '../member-states.ts';
import { caseSize, type MatchingInstance, type RelocationCase, type RelocationPledge } from './model.ts';
import { caseExclusion, DEFAULT_WEIGHTS, pairExclusion, pairScore, pledgeExclusion, releasedPairs, restrictionExclusion, type Weights } from './scores.ts';

export interface CaseClass {
  benefitting: number;
  /** True when the class has a meaningful link to at least one open state. */
  linked: boolean;
  /** Per-person score in each open state, -1 where the state is not open to the class. */
  weight: Int32Array;
  /** Indices into `instance.cases`. */
  cases: number[];
  persons: number;
  maxSize: number;
}

export interface Prepared {
  instance: MatchingInstance;
  weights: Weights;
  /** Pledges with places, in input order: index j of every per-state array. */
  open: RelocationPledge[];
  benefitting: StateCode[];
  classes: CaseClass[];
  /** Per case: class index, or -1 when the case is excluded or no state is open to it. */
  classOf: Int32Array;
  excluded: { index: number; reason: string }[];
  /** Eligible persons per benefitting state (those with at least one open state). */
  demand: number[];
  /** Balanced share of placements per benefitting state (Art 60(1)). */
  balancedShare: number[];
  /** Share of persons without links per state of relocation, in proportion to pledges (Art 67(4)). */
  shareWithoutLink: number[];
}

export function prepare(instance: MatchingInstance, weights: Weights = DEFAULT_WEIGHTS): Prepared {
  const released = releasedPairs(instance.releases);
  const open = instance.pledges.filter((p) => p.persons > 0);
  const benefitting = [...new Set(instance.cases.map((c) => c.benefitting))].sort();
  const bIndex = new Map(benefitting.map((b, i) => [b, i]));
  const classes: CaseClass[] = [];
  const byKey = new Map<string, number>();
  const classOf = new Int32Array(instance.cases.length).fill(-1);
  const excluded: Prepared['excluded'] = [];
  const w = new Int32Array(open.length);
  // Openness by (state, benefitting state) does not depend on the case: computed once.
  const pairOpen = open.map((p) => benefitting.map((b) => pledgeExclusion(p, b, released) === null));
  instance.cases.forEach((c: RelocationCase, i) => {
    const why = caseExclusion(c);
    if (why) {
      excluded.push({ index: i, reason: why });
      return;
    }
    const bi = bIndex.get(c.benefitting)!;
    let anyOpen = false;
    let linked = false;
    for (let j = 0; j < open.length; j++) {
      const p = open[j]!;
      if (!pairOpen[j]![bi] || restrictionExclusion(c, p)) {
        w[j] = -1;
        continue;
      }
      const s = pairScore(c, p, weights);
      w[j] = s.total;
      anyOpen = true;
      if (s.link) linked = true;
    }
    if (!anyOpen) {
      excluded.push({ index: i, reason: noOpenStateReason(c, open, released) });
      return;
    }
    const key = `${c.benefitting}|${linked ? 1 : 0}|${w.join(',')}`;
    let k = byKey.get(key);
    if (k === undefined) {
      k = classes.length;
      byKey.set(key, k);
      classes.push({ benefitting: bi, linked, weight: Int32Array.from(w), cases: [], persons: 0, maxSize: 0 });
    }
    const cl = classes[k]!;
    cl.cases.push(i);
    const size = caseSize(c);
    cl.persons += size;
    if (size > cl.maxSize) cl.maxSize = size;
    classOf[i] = k;
  });
  const demand = benefitting.map(() => 0);
  let linkedPersons = 0;
  let unlinkedPersons = 0;
  for (const cl of classes) {
    demand[cl.benefitting]! += cl.persons;
    if (cl.linked) linkedPersons += cl.persons;
    else unlinkedPersons += cl.persons;
  }
  const capacity = open.reduce((a, p) => a + p.persons, 0);
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  // Art 60(1): what the pledges can take is shared among the benefitting states in proportion to what they ask.
  const balancedShare = totalDemand > 0 ? apportion(Math.min(totalDemand, capacity), demand) : demand.map(() => 0);
  // Art 67(4): persons without links go to the places that linked persons leave, in proportion to the pledges.
  const unlinkedToPlace = Math.min(unlinkedPersons, Math.max(0, capacity - linkedPersons));
  const shareWithoutLink = open.length > 0 ? apportion(unlinkedToPlace, open.map((p) => p.persons)) : [];
  return { instance, weights, open, benefitting, classes, classOf, excluded, demand, balancedShare, shareWithoutLink };
}

function noOpenStateReason(c: RelocationCase, open: readonly RelocationPledge[], released: ReadonlySet<string>): string {
  if (open.length === 0) return 'no state pledged places';
  const reasons = [...new Set(open.map((p) => pairExclusion(c, p, released)!))];
  return `no state is open to this case: ${reasons.join('; ')}`;
}
