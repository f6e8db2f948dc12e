/**
 * The peers of the matching benchmark, fed the same instance: HiGHS (the `highs` npm package, WebAssembly) on the
 * case-level MIP — one binary per case and open state, families whole, the same objective with the same penalties —
 * and scipy's `linear_sum_assignment` on a pure assignment (one person per row, one place per column).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as highsModule from 'highs';
import { caseSize } from '../src/domain/matching/model.ts';
import type { Prepared } from '../src/domain/matching/prepare.ts';

/** The matching as a CPLEX LP-format MIP, in exactly the units of our objective. */
export function toLpFormat(pr: Prepared): string {
  const { cases } = pr.instance;
  const obj: string[] = [];
  const perCase: string[] = [];
  const perState: string[][] = pr.open.map(() => []);
  const perB: string[][] = pr.benefitting.map(() => []);
  const perShare: string[][] = pr.open.map(() => []);
  const binaries: string[] = [];
  cases.forEach((c, i) => {
    const k = pr.classOf[i]!;
    if (k < 0) return;
    const cl = pr.classes[k]!;
    const size = caseSize(c);
    const row: string[] = [];
    for (let j = 0; j < pr.open.length; j++) {
      const w = cl.weight[j]!;
      if (w < 0) continue;
      const x = `x${i}_${j}`;
      obj.push(`+ ${size * w} ${x}`);
      row.push(x);
      perState[j]!.push(`+ ${size} ${x}`);
      perB[cl.benefitting]!.push(`+ ${size} ${x}`);
      if (!cl.linked) perShare[j]!.push(`+ ${size} ${x}`);
      binaries.push(x);
    }
    if (row.length) perCase.push(` c${i}: ${row.join(' + ')} <= 1`);
  });
  pr.benefitting.forEach((_, b) => obj.push(`- ${pr.weights.balance} ob${b}`));
  pr.open.forEach((_, j) => obj.push(`- ${pr.weights.share} os${j}`));
  const lines = ['Maximize', ` obj: ${obj.join(' ')}`, 'Subject To', ...perCase];
  pr.open.forEach((p, j) => perState[j]!.length && lines.push(` cap${j}: ${perState[j]!.join(' ')} <= ${p.persons}`));
  pr.benefitting.forEach((_, b) => perB[b]!.length && lines.push(` bal${b}: ${perB[b]!.join(' ')} - ob${b} <= ${pr.balancedShare[b]}`));
  pr.open.forEach((_, j) => perShare[j]!.length && lines.push(` share${j}: ${perShare[j]!.join(' ')} - os${j} <= ${pr.shareWithoutLink[j]}`));
  lines.push('Bounds', ...pr.benefitting.map((_, b) => ` ob${b} >= 0`), ...pr.open.map((_, j) => ` os${j} >= 0`));
  lines.push('Binary', ...chunk(binaries, 20).map((c) => ` ${c.join(' ')}`), 'End');
  return lines.join('\n');
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

interface HighsLike {
  solve(problem: string, options?: object): { Status: string; ObjectiveValue: number };
}
// The package is CommonJS typed with `export default`; under NodeNext its default arrives as `.default` or as itself.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (options?: object) => Promise<HighsLike>;

export interface PeerResult {
  objective: number | null;
  ms: number;
  status: string;
}

export async function solveWithHighs(lp: string, timeLimit: number, relaxIntegrality = false): Promise<PeerResult> {
  const highs = await loadHighs();
  const t = performance.now();
  const r = highs.solve(lp, { output_flag: false, time_limit: timeLimit, mip_rel_gap: 1e-9, ...(relaxIntegrality ? { solve_relaxation: true } : {}) });
  const ms = performance.now() - t;
  return { objective: Number.isFinite(r.ObjectiveValue) ? r.ObjectiveValue : null, ms, status: r.Status };
}

/** A Python with scipy: the one on PATH, or Debian's python3-scipy installed on the spot. */
export function pythonWithScipy(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import scipy.optimize'], { stdio: 'ignore' }).status === 0) return py;
  }
  console.log('scipy not found: apt-get install -y python3-scipy');
  spawnSync('apt-get', ['install', '-y', 'python3-scipy'], { stdio: 'inherit' });
  return spawnSync('/usr/bin/python3', ['-c', 'import scipy.optimize'], { stdio: 'ignore' }).status === 0 ? '/usr/bin/python3' : null;
}

/**
 * scipy.optimize.linear_sum_assignment on the person × place matrix (maximise); the time is scipy's own call,
 * measured inside Python, without building the matrix.
 */
export function solveWithScipy(py: string, weights: Int32Array[], capacities: number[]): PeerResult & { buildMs: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-lsa-'));
  try {
    const n = weights.length;
    const m = capacities.reduce((a, b) => a + b, 0);
    // Rows: persons; columns: places (each state's pledge expanded), as int32 binary.
    const buf = new Int32Array(n * m);
    weights.forEach((w, i) => {
      let col = 0;
      capacities.forEach((cap, j) => {
        const v = w[j]! < 0 ? -1_000_000_000 : w[j]!;
        buf.fill(v, i * m + col, i * m + col + cap);
        col += cap;
      });
    });
    writeFileSync(path.join(dir, 'w.bin'), Buffer.from(buf.buffer));
    const script = `
import numpy as np, time, sys, json
from scipy.optimize import linear_sum_assignment
n, m = ${n}, ${m}
t0 = time.perf_counter(); w = np.fromfile(sys.argv[1], dtype=np.int32).reshape(n, m).astype(np.int64); t1 = time.perf_counter()
r, c = linear_sum_assignment(w, maximize=True); t2 = time.perf_counter()
vals = w[r, c]; obj = int(vals[vals > -1000000000].sum())
print(json.dumps({"objective": obj, "ms": (t2 - t1) * 1000, "buildMs": (t1 - t0) * 1000}))`;
    const out = execFileSync(py, ['-c', script, path.join(dir, 'w.bin')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const j = JSON.parse(out) as { objective: number; ms: number; buildMs: number };
    return { ...j, status: 'Optimal' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
