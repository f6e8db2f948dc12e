/**
 * Relocation through the year: requests arrive in batches (monthly, as benefitting states send them) while the
 * pledges are for the whole year. Three policies are simulated on the same arrivals and scored by the same
 * objective as the one-shot matching, beside the hindsight optimum (all arrivals known at once):
 *
 * - `greedy`: first come, first served — each case, in arrival order, takes its best state with room;
 * - `batch`: each batch matched optimally on the places left, blind to later arrivals;
 * - `priced`: each batch is matched together with a forecast of the rest of the year (the arrivals seen so far,
 *   scaled to the months left), and only the current batch is committed. The forecast's places are what keeps
 *   capacity for later arrivals; the LP duals of that joint problem are the capacity prices, reported per batch
 *   (dynamic refugee-placement systems price capacity the same way).
 *
 * Cases not placed in their batch wait for the next one.
 */
import type { StateCode } from '../member-states.ts';
import { caseSize, type MatchingInstance, type RelocationCase, type RelocationPledge } from './model.ts';
import { prepare, type Prepared } from './prepare.ts';
import { solveRelaxation } from './relaxation.ts';
import { evaluate, roundToCases, type Placement } from './solve.ts';

export type Policy = 'greedy' | 'batch' | 'priced';

export interface PolicyOutcome {
  policy: Policy | 'hindsight';
  objective: number;
  /** Objective as a share of the hindsight optimum's. */
  shareOfHindsight: number;
  placedPersons: number;
  linkedPlaced: number;
  vulnerablePlaced: number;
}

export interface YearSimulation {
  batches: number;
  outcomes: PolicyOutcome[];
  /** Capacity prices per batch and state (priced policy), per person. */
  prices: { batch: number; price: Record<string, number> }[];
}

interface Year {
  all: RelocationCase[];
  batchOf: Int32Array;
  pledges: RelocationPledge[];
  releases: MatchingInstance['releases'];
}

/** Simulates a year of arrivals under each policy. `batches[b]` are the cases arriving in batch b. */
export function simulateYear(batches: readonly RelocationCase[][], pledges: readonly RelocationPledge[], releases: MatchingInstance['releases'] = []): YearSimulation {
  const all = batches.flat();
  const batchOf = new Int32Array(all.length);
  let k = 0;
  batches.forEach((b, i) => b.forEach(() => (batchOf[k++] = i)));
  const year: Year = { all, batchOf, pledges: [...pledges], releases };
  const full = prepare({ cases: all, pledges: year.pledges, releases });
  const hindsightPlacement = roundToCases(full, solveRelaxation(full));
  const hindsight = evaluate(full, hindsightPlacement);
  const prices: YearSimulation['prices'] = [];
  const outcome = (policy: PolicyOutcome['policy'], placement: Placement): PolicyOutcome => {
    let placedPersons = 0;
    let linkedPlaced = 0;
    let vulnerablePlaced = 0;
    placement.forEach((j, i) => {
      if (j < 0) return;
      const c = all[i]!;
      const size = caseSize(c);
      placedPersons += size;
      if (c.links.some((l) => l.state === full.open[j]!.state)) linkedPlaced += size;
      if (c.vulnerabilities.length > 0) vulnerablePlaced += size;
    });
    const objective = evaluate(full, placement);
    return { policy, objective, shareOfHindsight: hindsight > 0 ? objective / hindsight : 1, placedPersons, linkedPlaced, vulnerablePlaced };
  };
  return {
    batches: batches.length,
    outcomes: [outcome('hindsight', hindsightPlacement), outcome('greedy', greedy(full, year)), outcome('batch', byBatch(full, year, false, prices)), outcome('priced', byBatch(full, year, true, prices))],
    prices,
  };
}

/** First come, first served: the best state with room, in arrival order. */
function greedy(full: Prepared, year: Year): Placement {
  const room = full.open.map((p) => p.persons);
  const placement = new Int32Array(year.all.length).fill(-1);
  year.all.forEach((c, i) => {
    const k = full.classOf[i]!;
    if (k < 0) return;
    const w = full.classes[k]!.weight;
    const size = caseSize(c);
    let best = -1;
    for (let j = 0; j < w.length; j++) if (w[j]! >= 0 && room[j]! >= size && (best < 0 || w[j]! > w[best]!)) best = j;
    if (best >= 0) {
      placement[i] = best;
      room[best]! -= size;
    }
  });
  return placement;
}

function byBatch(full: Prepared, year: Year, priced: boolean, prices: YearSimulation['prices']): Placement {
  const nb = Math.max(0, ...year.batchOf) + 1;
  const room = new Map<StateCode, number>(full.open.map((p) => [p.state, p.persons]));
  const openIndex = new Map(full.open.map((p, j) => [p.state, j]));
  const placement = new Int32Array(year.all.length).fill(-1);
  let waiting: number[] = [];
  let seenPersons = 0;
  const history: number[] = [];
  for (let b = 0; b < nb; b++) {
    const current = [...waiting];
    year.all.forEach((c, i) => {
      if (year.batchOf[i] === b) {
        current.push(i);
        history.push(i);
        seenPersons += caseSize(c);
      }
    });
    const forecast: RelocationCase[] = [];
    if (priced && b < nb - 1) {
      // The rest of the year looks like what has arrived so far, at the same pace.
      const expected = Math.round((seenPersons / (b + 1)) * (nb - 1 - b));
      let persons = 0;
      for (let n = 0; persons < expected && history.length > 0; n++) {
        const c = year.all[history[n % history.length]!]!;
        forecast.push({ ...c, id: `forecast:${n}` });
        persons += caseSize(c);
      }
    }
    const pledges = year.pledges.map((p) => ({ ...p, persons: room.get(p.state) ?? 0 }));
    const cases = [...current.map((i) => year.all[i]!), ...forecast];
    const pr = prepare({ cases, pledges, releases: year.releases });
    const rel = solveRelaxation(pr);
    if (priced) prices.push({ batch: b, price: Object.fromEntries(pr.open.map((p, j) => [p.state, rel.price[j]!])) });
    const local = roundToCases(pr, rel);
    waiting = [];
    current.forEach((i, n) => {
      const j = local[n]!;
      if (j < 0) {
        waiting.push(i);
        return;
      }
      const state = pr.open[j]!.state;
      placement[i] = openIndex.get(state)!;
      room.set(state, room.get(state)! - caseSize(year.all[i]!));
    });
  }
  return placement;
}
