/**
 * Every parser of the data layer, fed random and mutated input: it returns, or throws the project's InputError —
 * never a TypeError, RangeError or anything else. The seeds are real inputs (the recorded JSON-stat responses, the
 * real tidy CSV files, real figures in SDMX-CSV and TSV framing) so that mutations land near valid input, where the
 * interesting failures are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { realEntry, realText } from '../../test/helpers/data-folder.ts';
import { bulkTsv, sdmx21Csv, sdmx30CsvWithLabels, tidyObservations } from '../../test/helpers/eurostat-shapes.ts';
import { F1_UNE_RT_M_DE, F3_NAMA_10_GDP_IT, fixture } from '../../test/helpers/fixtures.ts';
import { readCsv } from './csv.ts';
import { parseJsonStat } from './eurostat/jsonstat.ts';
import { parseSdmxCsv } from './eurostat/sdmx-csv.ts';
import { parseEurostatTsv } from './eurostat/tsv.ts';
import { parseTidyCsv } from './tidy-csv.ts';

const RUNS = 300;

function onlyInputError(fn: () => unknown): boolean {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return true;
    throw e;
  }
  return true;
}

/** A random edit of a text: cut, insert, duplicate a line, replace a character, or truncate. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(',', '\t', '\n', '"', ':', '-', '.', 'e9', ' p', '\\', '{', '}', '[', ']', 'null', '-1', '1e400')) }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % t.length : 0;
    if (m.kind === 'cut') t = t.slice(0, at) + t.slice(at + m.len);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'truncate') t = t.slice(0, at);
    else {
      const lines = t.split('\n');
      const i = lines.length ? m.at % lines.length : 0;
      lines.splice(i, 0, lines[i] ?? '');
      t = lines.join('\n');
    }
  }
  return t;
}

const mutated = (seed: string) => fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => apply(seed, ms));
/** Random text that looks like data: digits, separators, codes. */
const dataLike = fc.string({ unit: fc.constantFrom(...'0123456789,;\t\n\r":-.ABCDEFGHIJKLMNOPQRSTUVWXYZ_eEpb \\{}[]'.split('')), maxLength: 300 });

const TIDY = 'eurostat/gdp_current_prices_meur_2010_2024.csv';
const tidyText = realText(TIDY).split('\n').slice(0, 40).join('\n') + '\n';
const frst = tidyObservations('eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv').slice(0, 40);
const codes = { citizen: 'TOTAL', applicant: 'FRST', sex: 'T', unit: 'PER', age: 'TOTAL' };
const sdmx21 = sdmx21Csv('ESTAT:MIGR_ASYAPPCTZA(1.0)', '16/09/26 11:00:00', [{ codes, observations: frst }]);
const sdmx30 = sdmx30CsvWithLabels('ESTAT:MIGR_ASYAPPCTZA(1.0)', 'Asylum applicants', [{ codes, observations: frst }]);
const tsv = bulkTsv([{ codes: { unit: 'PER', citizen: 'TOTAL', sex: 'T', age: 'TOTAL', asyl_app: 'NASY_APP' }, observations: frst }]);

const parsers: [string, (text: string) => unknown, string[]][] = [
  ['readCsv (csv.ts)', (t) => readCsv(t, 'x.csv'), [tidyText]],
  ['parseTidyCsv (tidy-csv.ts)', (t) => parseTidyCsv(t, realEntry(TIDY), 'x.csv'), [tidyText]],
  ['parseJsonStat', (t) => parseJsonStat(t, { file: 'x.json' }), [fixture(F3_NAMA_10_GDP_IT), fixture(F1_UNE_RT_M_DE)]],
  ['parseSdmxCsv', (t) => parseSdmxCsv(t, { file: 'x.csv', vintage: '2026-09-16' }), [sdmx21, sdmx30]],
  ['parseEurostatTsv', (t) => parseEurostatTsv(t, { file: 'x.tsv', dataset: 'migr_asyappctza', vintage: '2024-01-18' }), [tsv]],
];

describe.each(parsers)('%s throws only InputError', (_, parse, seeds) => {
  it('on random text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), dataLike), (t) => onlyInputError(() => parse(t))), { numRuns: RUNS });
  });
  it('on mutated real input', () => {
    // The seeds themselves parse.
    for (const s of seeds) expect(() => parse(s)).not.toThrow();
    fc.assert(fc.property(fc.constantFrom(...seeds).chain(mutated), (t) => onlyInputError(() => parse(t))), { numRuns: RUNS });
  });
});

describe('parseJsonStat throws only InputError on structurally mutated JSON', () => {
  const seed = JSON.parse(fixture(F3_NAMA_10_GDP_IT)) as Record<string, unknown>;
  /** Replaces the value at a random path of the document by a random JSON value. */
  function replaceAt(doc: unknown, path: number[], value: unknown): unknown {
    if (path.length === 0 || typeof doc !== 'object' || doc === null) return value;
    const keys = Object.keys(doc);
    if (keys.length === 0) return value;
    const k = keys[path[0]! % keys.length]!;
    const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...(doc as Record<string, unknown>) };
    copy[k] = replaceAt((doc as Record<string, unknown>)[k], path.slice(1), value);
    return copy;
  }
  it('random values at random paths, and random JSON documents', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), (path, value) =>
        onlyInputError(() => parseJsonStat(JSON.stringify(replaceAt(seed, path, value)), { file: 'x.json' })),
      ),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.jsonValue(), (v) => onlyInputError(() => parseJsonStat(JSON.stringify(v), { file: 'x.json' }))), { numRuns: RUNS });
  });
});
