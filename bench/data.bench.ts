/**
 * The data pipeline (issue 2).
 * (a) Loading all of ../shared/data into an empty, already created embedded store (PGlite on disk, as the default),
 *     against merely reading and parsing the same bytes; their ratio (target: load ≤ 5× parse). The one-off time to
 *     create a new store (PGlite start and every migration) is printed separately and is not in either figure.
 * (b) Parser throughput in MB/s beside a peer over the same bytes: JSON-stat beside `JSON.parse`, bulk TSV beside
 *     plain line splitting (`split('\n')`, then `split('\t')` and `split(',')` of the key of each line).
 *     The inputs are real figures scaled up by repetition (stated with each figure): the recorded nama_10_gdp answer
 *     (F3) with Italy's series repeated over 38 geo codes and 20 na_item codes, and the real first-time applicants by
 *     citizenship (R1) in bulk TSV shape, repeated over 20 age codes. Cells of codes no indicator asks for are read
 *     and skipped, as in a wide real answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDataFolder, storeParsedFolder } from '../src/data/load.ts';
import { parseJsonStat } from '../src/data/eurostat/jsonstat.ts';
import { parseEurostatTsv } from '../src/data/eurostat/tsv.ts';
import { AGGREGATE_GEOS, DUBLIN_ASSOCIATED, EU27 } from '../src/domain/member-states.ts';
import { openStore } from '../src/store/db.ts';
import { SHARED_DATA } from '../test/helpers/data-folder.ts';
import { bulkTsv, tidyObservations } from '../test/helpers/eurostat-shapes.ts';
import { F3_NAMA_10_GDP_IT, fixture } from '../test/helpers/fixtures.ts';

const LOAD_RUNS = 3;
const PARSE_RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** CPU time of this process in ms (PGlite runs in it, so this covers the database's work too). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function time<T>(fn: () => T): { ms: number; cpu: number; result: T } {
  const t0 = performance.now();
  const c0 = cpuMs();
  const result = fn();
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, result };
}

async function loadBenchmark(): Promise<void> {
  // Parse only: read every file of the folder and parse it (what the load does before it touches the store).
  parseDataFolder(SHARED_DATA); // warm-up (JIT, file cache)
  const parseTimes: number[] = [];
  const parseCpu: number[] = [];
  let parsed = parseDataFolder(SHARED_DATA);
  for (let i = 0; i < PARSE_RUNS; i++) {
    const r = time(() => parseDataFolder(SHARED_DATA));
    parseTimes.push(r.ms);
    parseCpu.push(r.cpu);
    parsed = r.result;
  }
  const bytes = parsed.files.reduce((n, f) => n + f.bytes, 0);
  const observations = parsed.files.reduce((n, f) => n + f.observations.length, 0);

  const createTimes: number[] = [];
  const loadTimes: number[] = [];
  const loadCpu: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const home = mkdtempSync(path.join(tmpdir(), 'pactcycle-bench-'));
    try {
      const t0 = performance.now();
      const db = await openStore({ home });
      createTimes.push(performance.now() - t0);
      try {
        // The load as `pactcycle data load` runs it: read and parse every file, then one transaction.
        const t1 = performance.now();
        const c1 = cpuMs();
        const summary = await storeParsedFolder(db, parseDataFolder(SHARED_DATA));
        loadTimes.push(performance.now() - t1);
        loadCpu.push(cpuMs() - c1);
        if (summary.inserted !== observations) throw new Error(`expected ${observations} inserted, got ${summary.inserted}`);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  const parse = median(parseTimes);
  const load = median(loadTimes);
  const ratio = load / parse;
  console.log(`../shared/data: ${parsed.files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${observations.toLocaleString('en-GB')} observations`);
  const cpuRatio = median(loadCpu) / median(parseCpu);
  console.log(`read + parse only (median of ${PARSE_RUNS}): ${ms(parse)} wall, ${ms(median(parseCpu))} CPU`);
  console.log(`load into an empty, already created PGlite store on disk, incl. read + parse (median of ${LOAD_RUNS}): ${ms(load)} wall, ${ms(median(loadCpu))} CPU`);
  console.log(`load ÷ parse = ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU  (target ≤ 5×: ${ratio <= 5 ? 'met' : 'NOT met'} on wall time)`);
  console.log('(the machine is shared: wall times include waiting for a core; CPU time counts only this process, PGlite included)');
  console.log(`one-off: create a new store (PGlite start + all migrations), median of ${LOAD_RUNS}: ${ms(median(createTimes))}`);
}

/** F3 with Italy's series repeated over every known geo and over 20 na_item codes (values copied). */
function scaledJsonStat(): string {
  const doc = JSON.parse(fixture(F3_NAMA_10_GDP_IT)) as {
    value: Record<string, number>;
    size: number[];
    id: string[];
    dimension: Record<string, { label?: string; category: { index: Record<string, number>; label?: Record<string, string> } }>;
  };
  const geos = [...EU27, ...DUBLIN_ASSOCIATED, ...AGGREGATE_GEOS];
  // Real nama_10_gdp na_item codes; only B1GQ is an indicator of the registry, the rest are read and skipped.
  const items = ['B1GQ', 'B1G', 'P3', 'P3_S13', 'P31_S13', 'P31_S14_S15', 'P31_S14', 'P31_S15', 'P32_S13', 'P41', 'P5G', 'P51G', 'P52_P53', 'P52', 'P53', 'P6', 'P61', 'P62', 'P7', 'P71'];
  const [timeSize] = [doc.size[4]!];
  const value: Record<string, number> = {};
  for (let n = 0; n < items.length; n++) {
    for (let g = 0; g < geos.length; g++) {
      for (const [k, v] of Object.entries(doc.value)) value[String((n * geos.length + g) * timeSize + Number(k))] = v;
    }
  }
  doc.value = value;
  doc.size = [1, 1, items.length, geos.length, timeSize];
  doc.dimension.na_item!.category = { index: Object.fromEntries(items.map((c, i) => [c, i])) };
  doc.dimension.geo!.category = { index: Object.fromEntries(geos.map((c, i) => [c, i])) };
  return JSON.stringify(doc);
}

/** R1's first-time applicants by citizenship (and the totals) as bulk TSV, repeated over 20 age codes. */
function scaledTsv(): string {
  const byCitizen = tidyObservations('eurostat/asylum_first_time_applicants_by_citizenship_annual_2014_2022.csv');
  const totals = tidyObservations('eurostat/asylum_first_time_applicants_annual_2008_2022.csv');
  const ages = ['TOTAL', 'Y_LT14', 'Y14-17', 'Y_LT18', 'Y18-34', 'Y35-64', 'Y_GE65', 'UNK', 'Y_LT1', 'Y1-4', 'Y5-9', 'Y10-14', 'Y15-19', 'Y20-24', 'Y25-29', 'Y30-34', 'Y35-39', 'Y40-44', 'Y45-49', 'Y50-54'];
  const series = [];
  for (const age of ages) {
    const citizens = new Map<string, typeof byCitizen>();
    for (const o of byCitizen) {
      const c = o.dims!.citizen!;
      if (!citizens.has(c)) citizens.set(c, []);
      citizens.get(c)!.push(o);
    }
    series.push({ codes: { unit: 'PER', citizen: 'TOTAL', sex: 'T', age, asyl_app: 'NASY_APP' }, observations: totals });
    for (const [citizen, obs] of citizens) series.push({ codes: { unit: 'PER', citizen, sex: 'T', age, asyl_app: 'NASY_APP' }, observations: obs });
  }
  return bulkTsv(series);
}

function throughput(label: string, text: string, parse: (t: string) => unknown, peerLabel: string, peer: (t: string) => unknown): void {
  const mb = Buffer.byteLength(text) / 1e6;
  parse(text);
  peer(text);
  // CPU time, not wall: on a shared machine wall time measures the neighbours.
  const ours = median(Array.from({ length: PARSE_RUNS }, () => time(() => parse(text)).cpu));
  const theirs = median(Array.from({ length: PARSE_RUNS }, () => time(() => peer(text)).cpu));
  const rate = (t: number) => `${(mb / (t / 1000)).toFixed(1)} MB/s`;
  console.log(`${label} (${mb.toFixed(2)} MB): ${rate(ours)} (${ms(ours)} CPU)  |  ${peerLabel}: ${rate(theirs)} (${ms(theirs)} CPU)  |  ours ÷ peer time = ${(ours / theirs).toFixed(1)}×`);
}

export async function run(): Promise<void> {
  // `npm run bench data parsers` skips the store part.
  if (!process.argv.includes('parsers')) await loadBenchmark();

  const json = scaledJsonStat();
  const jr = parseJsonStat(json, { file: 'scaled.json' });
  console.log(`\nJSON-stat input: F3 (nama_10_gdp, Italy) repeated over 38 geo × 20 na_item codes: ${jr.cells.toLocaleString('en-GB')} cells, ${jr.observations.length.toLocaleString('en-GB')} observations (B1GQ), the rest skipped`);
  throughput('parseJsonStat', json, (t) => parseJsonStat(t, { file: 'scaled.json' }), 'JSON.parse', (t) => JSON.parse(t));

  const tsv = scaledTsv();
  const tr = parseEurostatTsv(tsv, { file: 'scaled.tsv', dataset: 'migr_asyappctza', vintage: '2024-01-18' });
  console.log(`TSV input: R1 first-time applicants (totals and by citizenship, asyl_app=NASY_APP) repeated over 20 age codes: ${tr.cells.toLocaleString('en-GB')} cells, ${tr.observations.length.toLocaleString('en-GB')} observations (age=TOTAL), the rest skipped`);
  throughput(
    'parseEurostatTsv',
    tsv,
    (t) => parseEurostatTsv(t, { file: 'scaled.tsv', dataset: 'migr_asyappctza', vintage: '2024-01-18' }),
    'line splitting',
    (t) => {
      let n = 0;
      for (const line of t.split('\n')) {
        const cells = line.split('\t');
        n += cells.length + (cells[0] ?? '').split(',').length;
      }
      return n;
    },
  );
}
