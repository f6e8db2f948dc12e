/**
 * One large matching in its own process, so that its memory is its own: `node --import tsx bench/matching-scale.ts
 * PERSONS SEED [singles]` prints one JSON line (times in ms, peak resident memory in MB). The instance is SYNTHETIC.
 */
import { resolveDataDir } from '../src/data/load.ts';
import { readRelocationProfile } from '../src/data/relocation-profile.ts';
import { match } from '../src/domain/matching/solve.ts';
import { generateInstance } from '../src/domain/matching/synthetic.ts';

const persons = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const singlesOnly = process.argv[4] === 'singles';
const profile = readRelocationProfile(resolveDataDir({})!.dir);
let t = performance.now();
const inst = generateInstance(profile, { persons, seed, places: Math.round(persons * 0.8), singlesOnly });
const generateMs = performance.now() - t;
const before = process.resourceUsage().maxRSS / 1024;
const cpu0 = process.cpuUsage();
t = performance.now();
const r = match(inst);
const matchMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const matchCpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  JSON.stringify({
    persons, cases: inst.cases.length, generateMs, matchMs, matchCpuMs,
    peakRssMB: process.resourceUsage().maxRSS / 1024, rssBeforeMatchMB: before,
    objective: r.objective, bound: r.bound, gap: r.gap, optimal: r.optimal, placed: r.placedPersons, solver: r.solver,
  }),
);
