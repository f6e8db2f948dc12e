/**
 * Turns an instance into the small problem the solver works on: cases with identical per-person scores in every
 * state (and the same benefitting state, and the same link status) form one class, so a million persons become a
 * few thousand classes; the balanced shares of the benefitting states (Art 60(1)) and the shares of persons without
 * links (Art 67(4)) are fixed here, before any solving, by the largest-remainder rule.
 */
import { apportion } from '../apportion.ts';
import type { StateCode } from '../member-states.ts';
import { caseSize, isVulnerable, type MatchingInstance, type RelocationCase, type RelocationPledge } from './model.ts';
import { caseExclusion, DEFAULT_WEIGHTS, pairExclusion, pledgeExclusion, releasedPairs, restrictionExclusion, type Weights } from './scores.ts';

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
  const stateIndex = new Map(open.map((p, j) => [p.state as string, j]));
  // Profile points depend only on the nationality and on the languages: cached per distinct value.
  const natPoints = new Map<string, Int32Array>();
  const langPoints = new Map<string, Int32Array>();
  const linkPoints = new Int32Array(open.length);
  // Class keys spell each state's score as one character: distinct scores are few.
  const weightIds = new Map<number, number>();
  instance.cases.forEach((c: RelocationCase, i) => {
    const why = caseExclusion(c);
    if (why) {
      excluded.push({ index: i, reason: why });
      return;
    }
    const bi = bIndex.get(c.benefitting)!;
    let nat = natPoints.get(c.nationality);
    if (!nat) natPoints.set(c.nationality, (nat = Int32Array.from(open, (p) => (p.preferences.nationalities.includes(c.nationality) ? weights.nationalityPreference : 0))));
    const langKey = c.languages.join('|');
    let lang = langPoints.get(langKey);
    if (!lang) langPoints.set(langKey, (lang = Int32Array.from(open, (p) => (c.languages.some((l) => p.preferences.languages.includes(l)) ? weights.languagePreference : 0))));
    for (const l of c.links) {
      const j = stateIndex.get(l.state);
      if (j !== undefined && weights.link[l.kind] > linkPoints[j]!) linkPoints[j] = weights.link[l.kind];
    }
    const base = (isVulnerable(c) ? weights.vulnerable : 0) + weights.placed;
    let anyOpen = false;
    let linked = false;
    for (let j = 0; j < open.length; j++) {
      if (!pairOpen[j]![bi] || restrictionExclusion(c, open[j]!)) {
        w[j] = -1;
        continue;
      }
      // The same sum as pairScore(c, open[j]).total, computed without allocating (this loop runs per case and state).
      w[j] = base + linkPoints[j]! + nat[j]! + lang[j]!;
      anyOpen = true;
      if (linkPoints[j]! > 0) linked = true;
    }
    for (const l of c.links) {
      const j = stateIndex.get(l.state);
      if (j !== undefined) linkPoints[j] = 0;
    }
    if (!anyOpen) {
      excluded.push({ index: i, reason: noOpenStateReason(c, open, released) });
      return;
    }
    let key = `${bi}|${linked ? 1 : 0}|`;
    for (let j = 0; j < w.length; j++) {
      let id = weightIds.get(w[j]!);
      if (id === undefined) weightIds.set(w[j]!, (id = weightIds.size));
      key += String.fromCharCode(48 + id);
    }
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
