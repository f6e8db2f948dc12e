/**
 * Relocation matching (AMMR Arts 60, 67): the assignment of whole cases to pledged places, its value, the proof of
 * how far it can be from the best (the LP bound), and an explanation of every case.
 *
 * Method: solve the relaxation in persons as a minimum-cost flow over classes (`relaxation.ts`). When every case is
 * one person its flow is the optimum itself. Otherwise each class's persons in a state are filled with whole cases
 * (largest first, best fit), and the cases left over go, best score first, to the state where they are worth the
 * most among those with room; the gap to the relaxation's value is reported.
 */
import type { StateCode } from '../member-states.ts';
import { caseSize, type Link, type MatchingInstance, type RelocationCase } from './model.ts';
import { prepare, type CaseClass, type Prepared } from './prepare.ts';
import { solveRelaxation, type Relaxation } from './relaxation.ts';
import { DEFAULT_WEIGHTS, pairExclusion, pairScore, releasedPairs, type PairScore, type Weights } from './scores.ts';

export interface Alternative {
  state: StateCode;
  /** Per-person score there. */
  score: number;
  whyNot: string;
}

export interface CaseAssignment {
  caseId: string;
  benefitting: StateCode;
  persons: number;
  state: StateCode | null;
  score: PairScore | null;
  link: Link | null;
  alternative: Alternative | null;
  /** Links to states that are not open to the case, and why. */
  unusableLinks: { state: StateCode; kind: Link['kind']; why: string }[];
  explanation: string;
}

export interface StateLine {
  state: StateCode;
  capacity: number;
  assigned: number;
  withoutLink: number;
  shareWithoutLink: number;
  /** Dual price per person of a place here (0 when places are left). */
  price: number;
}

export interface BenefittingLine {
  state: StateCode;
  demand: number;
  balancedShare: number;
  assigned: number;
}

export interface MatchResult {
  assignments: CaseAssignment[];
  states: StateLine[];
  benefitting: BenefittingLine[];
  objective: number;
  /** Value of the LP relaxation: no assignment of whole families can do better. */
  bound: number;
  /** (bound − objective) / bound; 0 means proven optimal. */
  gap: number;
  optimal: boolean;
  placedPersons: number;
  eligiblePersons: number;
  excluded: { caseId: string; reason: string }[];
  solver: { classes: number; arcs: number; phases: number };
}

export interface MatchOptions {
  weights?: Weights;
}

/** Shared by every case without an unusable link: never mutated. */
const NO_LINKS: CaseAssignment['unusableLinks'] = Object.freeze([]) as unknown as CaseAssignment['unusableLinks'];

interface Explained {
  score: PairScore | null;
  link: Link | null;
  alternative: Alternative | null;
  text: string;
}

/** Whole-case assignment: state index per case (-1 unplaced), in instance order. */
export type Placement = Int32Array;

export function match(instance: MatchingInstance, options: MatchOptions = {}): MatchResult {
  const pr = prepare(instance, options.weights ?? DEFAULT_WEIGHTS);
  const rel = solveRelaxation(pr);
  const placement = roundToCases(pr, rel);
  return describe(pr, rel, placement);
}

/** Fills each class's flow with whole cases, then places the leftovers greedily where there is room. */
export function roundToCases(pr: Prepared, rel: Relaxation): Placement {
  const { cases } = pr.instance;
  const ns = pr.open.length;
  const placement = new Int32Array(cases.length).fill(-1);
  const used = new Float64Array(ns);
  const leftovers: number[] = [];
  const classBest = pr.classes.map((cl) => Math.max(...cl.weight));
  pr.classes.forEach((cl, k) => {
    const room = Float64Array.from(rel.flows[k]!);
    let roomLeft = room.reduce((a, b) => a + b, 0);
    const order = cl.maxSize === 1 ? cl.cases : [...cl.cases].sort((a, b) => caseSize(cases[b]!) - caseSize(cases[a]!) || (cases[a]!.id < cases[b]!.id ? -1 : 1));
    for (const i of order) {
      if (roomLeft === 0) break;
      const size = caseSize(cases[i]!);
      let best = -1;
      for (let j = 0; j < ns; j++) if (room[j]! >= size && (best < 0 || room[j]! < room[best]!)) best = j;
      if (best < 0) {
        leftovers.push(i);
        continue;
      }
      room[best]! -= size;
      roomLeft -= size;
      used[best]! += size;
      placement[i] = best;
    }
  });
  // Leftovers: cases whose class had persons placed that whole cases could not fill. Best score first, bigger first.
  const bestOf = (i: number) => classBest[pr.classOf[i]!]!;
  leftovers.sort((a, b) => bestOf(b) - bestOf(a) || caseSize(cases[b]!) - caseSize(cases[a]!));
  for (const i of leftovers) {
    const w = pr.classes[pr.classOf[i]!]!.weight;
    const size = caseSize(cases[i]!);
    let best = -1;
    for (let j = 0; j < ns; j++) if (w[j]! >= 0 && pr.open[j]!.persons - used[j]! >= size && (best < 0 || w[j]! > w[best]!)) best = j;
    if (best >= 0) {
      placement[i] = best;
      used[best]! += size;
    }
  }
  return placement;
}

/** The objective of a whole-case placement, with the same penalties as the relaxation. */
export function evaluate(pr: Prepared, placement: Placement): number {
  const { cases } = pr.instance;
  const placedB = new Float64Array(pr.benefitting.length);
  const withoutLink = new Float64Array(pr.open.length);
  let value = 0;
  for (let i = 0; i < cases.length; i++) {
    const j = placement[i]!;
    if (j < 0) continue;
    const cl = pr.classes[pr.classOf[i]!]!;
    const size = caseSize(cases[i]!);
    value += size * cl.weight[j]!;
    placedB[cl.benefitting]! += size;
    if (!cl.linked) withoutLink[j]! += size;
  }
  pr.benefitting.forEach((_, b) => (value -= pr.weights.balance * Math.max(0, placedB[b]! - pr.balancedShare[b]!)));
  pr.open.forEach((_, j) => (value -= pr.weights.share * Math.max(0, withoutLink[j]! - pr.shareWithoutLink[j]!)));
  return value;
}

/** Checks a placement against the hard rules: capacities, open states only, families whole (one state per case). */
export function checkPlacement(pr: Prepared, placement: Placement): string[] {
  const problems: string[] = [];
  const used = new Float64Array(pr.open.length);
  placement.forEach((j, i) => {
    if (j < 0) return;
    const k = pr.classOf[i]!;
    if (k < 0 || pr.classes[k]!.weight[j]! < 0) problems.push(`case ${pr.instance.cases[i]!.id} placed in ${pr.open[j]!.state}, which is not open to it`);
    used[j]! += caseSize(pr.instance.cases[i]!);
  });
  pr.open.forEach((p, j) => {
    if (used[j]! > p.persons) problems.push(`${p.state}: ${used[j]} persons placed for ${p.persons} places`);
  });
  return problems;
}

function describe(pr: Prepared, rel: Relaxation, placement: Placement): MatchResult {
  const { cases } = pr.instance;
  const released = releasedPairs(pr.instance.releases);
  const ns = pr.open.length;
  const assigned = new Float64Array(ns);
  const withoutLink = new Float64Array(ns);
  const placedB = new Float64Array(pr.benefitting.length);
  const excludedWhy = new Map(pr.excluded.map((e) => [e.index, e.reason]));
  let placedPersons = 0;
  placement.forEach((j, i) => {
    if (j < 0) return;
    const cl = pr.classes[pr.classOf[i]!]!;
    const size = caseSize(cases[i]!);
    assigned[j]! += size;
    placedB[cl.benefitting]! += size;
    placedPersons += size;
    if (!cl.linked) withoutLink[j]! += size;
  });
  const full = (j: number) => assigned[j]! >= pr.open[j]!.persons;
  const stateOf = (j: number) => pr.open[j]!.state;
  const explained = new Map<number, Explained>();
  const pledgeOf = new Map(pr.instance.pledges.map((p) => [p.state, p]));
  const explainPlacement = (c: RelocationCase, cl: CaseClass, j: number, size: number): Explained => {
    const priceOf = (s: number) => (cl.linked ? rel.price[s]! : rel.priceWithoutLink[s]!);
    const score = j >= 0 ? pairScore(c, pr.open[j]!, pr.weights) : null;
    const link = score?.link ? { state: stateOf(j), kind: score.link.kind } : null;
    // The best alternative: the open state with the highest score other than the one chosen.
    let alt = -1;
    for (let s = 0; s < ns; s++) {
      if (s === j || cl.weight[s]! < 0) continue;
      if (alt < 0 || cl.weight[s]! > cl.weight[alt]! || (cl.weight[s] === cl.weight[alt] && priceOf(s) < priceOf(alt))) alt = s;
    }
    let alternative: Alternative | null = null;
    if (alt >= 0) {
      const altScore = cl.weight[alt]!;
      const mine = j >= 0 ? cl.weight[j]! : 0;
      let whyNot: string;
      if (j >= 0 && altScore < mine) whyNot = `lower score (${altScore} against ${mine} per person)`;
      else if (full(alt)) whyNot = `all ${pr.open[alt]!.persons} places of ${stateOf(alt)} went to cases with stronger claims (a place there is worth ${priceOf(alt)} per person at the margin${j >= 0 ? `, against ${priceOf(j)} in ${stateOf(j)}` : ''})`;
      else if (j >= 0 && altScore === mine) whyNot = `equal score; ${stateOf(j)} keeps the sharing of persons without links and the balance among benefitting states closer to their targets`;
      else if (size > pr.open[alt]!.persons - assigned[alt]!) whyNot = `only ${pr.open[alt]!.persons - assigned[alt]!} places were left in ${stateOf(alt)}, fewer than the ${size} members of the family (never split, Art 67(6))`;
      else whyNot = `placing the case there would push ${c.benefitting} beyond its balanced share of ${pr.balancedShare[cl.benefitting]} (Art 60(1))`;
      alternative = { state: stateOf(alt), score: altScore, whyNot };
    }
    const parts: string[] = [];
    if (j >= 0) {
      parts.push(`Proposed for ${stateOf(j)}${link ? ` through a ${link.kind} link` : ' (no meaningful link to an open state: shared in proportion to pledges, Art 67(4))'}.`);
      parts.push(`Score ${score!.total} per person: placed ${score!.placed}${score!.vulnerable ? `, vulnerable ${score!.vulnerable}` : ''}${score!.link ? `, ${score!.link.kind} link ${score!.link.points}` : ''}${score!.profile ? `, profile preference ${score!.profile}` : ''}.`);
    } else {
      parts.push('Not placed in this run: the pledged places open to this case are taken.');
    }
    if (alternative) parts.push(`Best alternative ${alternative.state} (score ${alternative.score}): ${alternative.whyNot}.`);
    return { score, link, alternative, text: parts.join(' ') };
  };
  const linkKinds = new Map<string, number>();
  const assignments: CaseAssignment[] = new Array<CaseAssignment>(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const size = caseSize(c);
    const why = excludedWhy.get(i);
    if (why !== undefined) {
      assignments[i] = { caseId: c.id, benefitting: c.benefitting, persons: size, state: null, score: null, link: null, alternative: null, unusableLinks: NO_LINKS, explanation: `Not proposed for relocation: ${why}.` };
      continue;
    }
    const k = pr.classOf[i]!;
    const cl = pr.classes[k]!;
    const j = placement[i]!;
    // Cases of one class placed in one state (with the same link there) share their explanation: computed once,
    // under a numeric key (a million cases make a million keys).
    let linkKind = 0;
    if (j >= 0 && c.links.length > 0) {
      const kind = c.links.find((l) => l.state === stateOf(j))?.kind;
      if (kind) {
        linkKind = linkKinds.get(kind) ?? linkKinds.size + 1;
        linkKinds.set(kind, linkKind);
      }
    }
    const key = ((k * (ns + 1) + (j + 1)) * 64 + Math.min(size, 63)) * 8 + linkKind;
    let shared = explained.get(key);
    if (!shared) {
      shared = explainPlacement(c, cl, j, size);
      explained.set(key, shared);
    }
    let unusableLinks: CaseAssignment['unusableLinks'] = NO_LINKS;
    let explanation = shared.text;
    if (c.links.length > 0) {
      const found = c.links.flatMap((l) => {
        const p = pledgeOf.get(l.state);
        const whyNot = p ? pairExclusion(c, p, released) : `${l.state} made no pledge`;
        return whyNot ? [{ state: l.state, kind: l.kind, why: whyNot }] : [];
      });
      if (found.length > 0) {
        unusableLinks = found;
        explanation = `${shared.text} ${found.map((u) => `The ${u.kind} link to ${u.state} cannot be used: ${u.why}.`).join(' ')}`;
      }
    }
    assignments[i] = { caseId: c.id, benefitting: c.benefitting, persons: size, state: j >= 0 ? stateOf(j) : null, score: shared.score, link: shared.link, alternative: shared.alternative, unusableLinks, explanation };
  }
  const objective = evaluate(pr, placement);
  const bound = rel.value;
  const gap = bound > 0 ? Math.max(0, (bound - objective) / bound) : 0;
  return {
    assignments,
    states: pr.open.map((p, j) => ({
      state: p.state,
      capacity: p.persons,
      assigned: assigned[j]!,
      withoutLink: withoutLink[j]!,
      shareWithoutLink: pr.shareWithoutLink[j]!,
      price: rel.price[j]!,
    })),
    benefitting: pr.benefitting.map((b, k) => ({ state: b, demand: pr.demand[k]!, balancedShare: pr.balancedShare[k]!, assigned: placedB[k]! })),
    objective,
    bound,
    gap,
    optimal: objective === bound,
    placedPersons,
    eligiblePersons: pr.demand.reduce((a, b) => a + b, 0),
    excluded: pr.excluded.map((e) => ({ caseId: cases[e.index]!.id, reason: e.reason })),
    solver: { classes: pr.classes.length, arcs: rel.arcs, phases: rel.phases },
  };
}
