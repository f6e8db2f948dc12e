/**
 * Minimum-cost flow by the primal-dual method: Dijkstra on reduced costs gives node potentials (the dual), then a
 * blocking flow (Dinic) is pushed along every arc of zero reduced cost at once. With the few distinct costs of a
 * relocation instance the number of phases stays small, and the potentials at the end are the dual prices that
 * explain the assignment (what a place in a Member State is worth to the cases that lost it).
 *
 * Costs are non-negative integers at the start (the caller shifts them), capacities non-negative integers, so every
 * flow found is integral and optimal (Ahuja, Magnanti & Orlin, Network Flows, ch. 9).
 *
 * @example
 * const g = new MinCostFlow(3); const a = g.addArc(0, 1, 2, 1); g.addArc(1, 2, 2, 1);
 * g.solve(0, 2); g.flow(a) // → 2
 */
export class MinCostFlow {
  readonly nodes: number;
  private arcCount = 0;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private readonly head: Int32Array;
  readonly potential: Float64Array;
  phases = 0;

  constructor(nodes: number, arcHint = 16) {
    this.nodes = nodes;
    this.head = new Int32Array(nodes).fill(-1);
    this.potential = new Float64Array(nodes);
    this.to = new Int32Array(arcHint * 2);
    this.next = new Int32Array(arcHint * 2);
    this.cap = new Float64Array(arcHint * 2);
    this.cost = new Float64Array(arcHint * 2);
  }

  private grow(): void {
    const n = this.to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.to = copy(this.to, (k) => new Int32Array(k));
    this.next = copy(this.next, (k) => new Int32Array(k));
    this.cap = copy(this.cap, (k) => new Float64Array(k));
    this.cost = copy(this.cost, (k) => new Float64Array(k));
  }

  /** Adds an arc u → v; returns its id for `flow`. */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (!(cost >= 0) || !Number.isSafeInteger(cost)) throw new RangeError(`arc cost must be a non-negative integer, got ${cost}`);
    if (!(capacity >= 0)) throw new RangeError(`arc capacity must be non-negative, got ${capacity}`);
    if (this.arcCount + 2 > this.to.length) this.grow();
    const e = this.arcCount;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u]!;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.next[e + 1] = this.head[v]!;
    this.head[v] = e + 1;
    this.arcCount += 2;
    return e;
  }

  /** Flow on an arc returned by `addArc` (the residual capacity of its reverse). */
  flow(arc: number): number {
    return this.cap[arc + 1]!;
  }

  get arcs(): number {
    return this.arcCount / 2;
  }

  /** Sends as much flow as possible from s to t (up to `limit`) at minimum cost; returns the flow and its cost. */
  solve(s: number, t: number, limit = Infinity): { flow: number; cost: number } {
    const n = this.nodes;
    const { head, next, to, potential: pot } = this;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new BinaryHeap(n);
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      // Dijkstra on reduced costs (all non-negative by the invariant of the method).
      dist.fill(Infinity);
      dist[s] = 0;
      heap.push(s, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        const du = dist[u]!;
        if (heap.lastKey > du) continue; // a stale entry: u was settled with a shorter distance
        const pu = pot[u]!;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = to[e]!;
          const nd = du + this.cost[e]! + pu - pot[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      const dt = dist[t]!;
      if (dt === Infinity) break;
      for (let v = 0; v < n; v++) pot[v]! += Math.min(dist[v]!, dt);
      this.phases++;
      // Blocking flow on the admissible arcs (residual, zero reduced cost).
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = s;
        while (qh < qt) {
          const u = queue[qh++]!;
          for (let e = head[u]!; e !== -1; e = next[e]!) {
            const v = to[e]!;
            if (level[v] !== -1 || this.cap[e]! <= 0 || this.cost[e]! + pot[u]! - pot[v]! !== 0) continue;
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
        if (level[t] === -1) break;
        iter.set(head);
        for (;;) {
          const f = this.augment(s, t, limit - flow, level, iter);
          if (f <= 0) break;
          flow += f;
          total += f * (pot[t]! - pot[s]!);
          if (flow >= limit) break;
        }
        if (flow >= limit) break;
      }
    }
    return { flow, cost: total };
  }

  private augment(u: number, t: number, pushed: number, level: Int32Array, iter: Int32Array): number {
    if (u === t) return pushed;
    const pot = this.potential;
    for (let e = iter[u]!; e !== -1; e = this.next[e]!, iter[u] = e) {
      const v = this.to[e]!;
      if (this.cap[e]! <= 0 || level[v] !== level[u]! + 1 || this.cost[e]! + pot[u]! - pot[v]! !== 0) continue;
      const d = this.augment(v, t, Math.min(pushed, this.cap[e]!), level, iter);
      if (d > 0) {
        this.cap[e]! -= d;
        this.cap[e ^ 1]! += d;
        return d;
      }
    }
    return 0;
  }
}

/** A binary min-heap of (node, key) with lazy deletion: stale entries are skipped by the caller's distance check. */
class BinaryHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  /** The key of the node last popped. */
  lastKey = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.nodes = n;
      this.keys = k;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.nodes[i] = this.nodes[p]!;
      this.keys[i] = this.keys[p]!;
      i = p;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  /** Pops the node with the smallest key; stale duplicates are popped too and are harmless in Dijkstra. */
  pop(): number {
    const top = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    const lastN = this.nodes[--this.size]!;
    const lastK = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= lastK) break;
      this.nodes[i] = this.nodes[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.nodes[i] = lastN;
    this.keys[i] = lastK;
    return top;
  }
}
