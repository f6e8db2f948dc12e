/**
 * The assessment, fair shares and the pool proposal of one cycle from a warm store (issue 3): the real data of
 * ../shared/data loaded once into an in-memory PGlite store, one warm-up run, then the median of several runs of
 * `runAssessment` + `proposeForCycle` (which computes the cycle's fair shares) for the 2026 cycle (target < 1 s), and
 * the same computation for ten cycles (2017–2026; those before 2026 are back-casts of the methodology) to show how it
 * grows. Peer: reading the same observations from the store without computing anything, the floor of the assessment.
 */
import { fileURLToPath } from 'node:url';
import { readAssessmentSeries, runAssessment } from '../src/cycle/assess.ts';
import { fairSharesForCycle } from '../src/cycle/fair-share.ts';
import { proposeForCycle } from '../src/cycle/propose.ts';
import { loadDataFolder } from '../src/data/index.ts';
import { openMemoryStore, type Db } from '../src/store/db.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const RUNS = 5;
const CYCLES = Array.from({ length: 10 }, (_, i) => 2017 + i);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function cycle(db: Db, year: number) {
  await runAssessment(db, { cycle: year });
  await proposeForCycle(db, { cycle: year });
}

export async function run(): Promise<void> {
  const db = await openMemoryStore();
  try {
    const loadMs = await time(() => loadDataFolder(db, DATA));
    console.log(`setup: ../shared/data loaded into an in-memory PGlite store in ${(loadMs / 1000).toFixed(1)} s (not measured below)`);
    await cycle(db, 2026); // warm-up: caches, JIT
    const one: number[] = [];
    const parts = { assessment: [] as number[], fairShares: [] as number[], proposal: [] as number[], reads: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      one.push(await time(() => cycle(db, 2026)));
      parts.assessment.push(await time(() => runAssessment(db, { cycle: 2026 })));
      parts.fairShares.push(await time(() => fairSharesForCycle(db, { cycle: 2026 })));
      parts.proposal.push(await time(() => proposeForCycle(db, { cycle: 2026 })));
      parts.reads.push(await time(() => readAssessmentSeries(db, 2019, 2026)));
    }
    const m = median(one);
    console.log(`one cycle (2026), assessment + fair shares + proposal, warm store, median of ${RUNS}: ${m.toFixed(0)} ms  (target < 1000 ms: ${m < 1000 ? 'met' : 'NOT met'}; ${(m / 1000).toFixed(2)}× the target)`);
    console.log(`  of which assessment ${median(parts.assessment).toFixed(0)} ms, fair shares ${median(parts.fairShares).toFixed(0)} ms, proposal (incl. its fair shares) ${median(parts.proposal).toFixed(0)} ms`);
    const reads = median(parts.reads);
    console.log(`peer: reading the assessment's observations from the store alone: ${reads.toFixed(0)} ms  (assessment ÷ reads = ${(median(parts.assessment) / Math.max(reads, 0.1)).toFixed(2)}×)`);
    const perCycle: number[] = [];
    const total = await time(async () => {
      for (const year of CYCLES) perCycle.push(await time(() => cycle(db, year)));
    });
    console.log(`ten cycles (${CYCLES[0]}–${CYCLES.at(-1)}), one after the other: ${total.toFixed(0)} ms, ${(total / CYCLES.length).toFixed(0)} ms a cycle (${(total / m).toFixed(1)}× one cycle)`);
    console.log(`  per cycle: ${CYCLES.map((y, i) => `${y} ${perCycle[i]!.toFixed(0)}`).join(', ')} ms`);
  } finally {
    await db.close();
  }
}
