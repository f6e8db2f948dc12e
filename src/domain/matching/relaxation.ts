/**
 * The relocation matching as a minimum-cost flow over classes of cases, counted in persons. When every case is one
 * person this is the exact problem; with families it is the LP relaxation (a family may be split across states), so
 * its value is an upper bound on any assignment that keeps families whole.
 *
 *   source → class (persons) → state j (score) → sink (pledged places)
 *   class without links → share node j → state j: the first `shareWithoutLink[j]` persons free, then a penalty (Art 67(4))
 *   class → unplaced node of its benefitting state → sink: the first `demand − balancedShare` unplaced persons earn
 *           the balance weight, i.e. persons placed beyond the balanced share pay it (Art 60(1))
 *
 * Costs are `M − score` so that they are non-negative; every unit of supply crosses exactly one such arc.
 */
import { MinCostFlow } from './min-cost-flow.ts';
import type { Prepared } from './prepare.ts';

export interface Relaxation {
  /** flows[k][j]: persons of class k in open state j (integral). */
  flows: Int32Array[];
  /** Value of the relaxation (the objective counted on persons). */
  value: number;
  /** Dual price per person of a place in state j, for classes with a link (direct) and without (through the share node). */
  price: Float64Array;
  priceWithoutLink: Float64Array;
  phases: number;
  arcs: number;
}

export function solveRelaxation(pr: Prepared): Relaxation {
  const nb = pr.benefitting.length;
  const ns = pr.open.length;
  const nc = pr.classes.length;
  const S = 0;
  const T = 1;
  const unplaced = (b: number) => 2 + b;
  const stateNode = (j: number) => 2 + nb + j;
  const shareNode = (j: number) => 2 + nb + ns + j;
  const classNode = (k: number) => 2 + nb + 2 * ns + k;
  const { weights: W } = pr;
  let maxW = W.balance;
  for (const cl of pr.classes) for (const w of cl.weight) if (w > maxW) maxW = w;
  const M = maxW;
  const g = new MinCostFlow(2 + nb + 2 * ns + nc, nc * (ns + 2) + 4 * ns + 2 * nb);
  const classArcs: Int32Array[] = [];
  pr.classes.forEach((cl, k) => {
    g.addArc(S, classNode(k), cl.persons, 0);
    g.addArc(classNode(k), unplaced(cl.benefitting), cl.persons, 0);
    const arcs = new Int32Array(ns).fill(-1);
    for (let j = 0; j < ns; j++) {
      const w = cl.weight[j]!;
      if (w < 0) continue;
      arcs[j] = g.addArc(classNode(k), cl.linked ? stateNode(j) : shareNode(j), cl.persons, M - w);
    }
    classArcs.push(arcs);
  });
  for (let b = 0; b < nb; b++) {
    const free = pr.demand[b]! - pr.balancedShare[b]!;
    if (free > 0) g.addArc(unplaced(b), T, free, M - W.balance);
    g.addArc(unplaced(b), T, pr.balancedShare[b]!, M);
  }
  for (let j = 0; j < ns; j++) {
    const cap = pr.open[j]!.persons;
    g.addArc(shareNode(j), stateNode(j), pr.shareWithoutLink[j]!, 0);
    g.addArc(shareNode(j), stateNode(j), cap, W.share);
    g.addArc(stateNode(j), T, cap, 0);
  }
  const supply = pr.classes.reduce((a, c) => a + c.persons, 0);
  const { flow, cost } = g.solve(S, T);
  if (flow !== supply) throw new Error(`internal: routed ${flow} of ${supply} persons`);
  const flows = classArcs.map((arcs) => Int32Array.from(arcs, (a) => (a < 0 ? 0 : g.flow(a))));
  // Undo the shift: every person paid M once; the balance weight was earned on the first unplaced persons.
  let balanceTotal = 0;
  for (let b = 0; b < nb; b++) balanceTotal += W.balance * (pr.demand[b]! - pr.balancedShare[b]!);
  const value = M * supply - cost - balanceTotal;
  const price = new Float64Array(ns);
  const priceWithoutLink = new Float64Array(ns);
  for (let j = 0; j < ns; j++) {
    price[j] = g.potential[T]! - g.potential[stateNode(j)]!;
    priceWithoutLink[j] = g.potential[T]! - g.potential[shareNode(j)]!;
  }
  return { flows, value, price, priceWithoutLink, phases: g.phases, arcs: g.arcs };
}
