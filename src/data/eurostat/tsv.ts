/**
 * Eurostat's bulk TSV (`sdmx/2.1/data/{DATASET}?format=TSV`, and the older bulk download files): the first column
 * packs the dimension codes, comma-separated, under a header such as `freq,unit,na_item,geo\TIME_PERIOD` (older files:
 * `unit,geo\time`); every other column is a period. A cell is `value`, `value flags` (`1234 p`, `628 e`, `99 b`) or `:`
 * (missing, possibly flagged: `: c`). Flags are kept verbatim. Periods may carry padding spaces and any of Eurostat's
 * spellings (`2024`, `2024-Q1`, `2024Q1`, `2024-01`, `2024M01`). The file names no dataset and no release: the
 * caller gives both.
 */
import { InputError } from '../../domain/errors.ts';
import { parseNumber, tryNumber } from '../values.ts';
import { checkVintage, SeriesCollector, type EurostatParsed, type EurostatParseOptions } from './series.ts';

const CELL = /^(\S+?)(?:\s+([A-Za-z]+))?$/;
const DIM = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseEurostatTsv(text: string, opts: EurostatParseOptions): EurostatParsed {
  const file = opts.file;
  if (!opts.dataset) throw new InputError('a bulk TSV file does not say which dataset it is: give the dataset code', { file });
  const vintage = checkVintage(opts.vintage, { file, field: 'vintage' });
  if (text.length === 0) throw new InputError('the file is empty: expected a header row', { file, line: 1 });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.endsWith('\n')) {
    throw new InputError('the file ends in the middle of a line (truncated?): every row must end with a line break', { file, line: countLines(text) });
  }
  const out = new SeriesCollector(opts.dataset, file, opts.periods);

  let start = 0;
  let end = text.indexOf('\n');
  const headerLine = stripCr(text.slice(start, end));
  const header = headerLine.split('\t');
  const first = header[0]!;
  const slash = first.indexOf('\\');
  if (slash < 0) throw new InputError(`the first column "${first}" is not "dims…,geo\\TIME_PERIOD"`, { file, line: 1, field: first });
  const dims = first.slice(0, slash).split(',').map((d) => d.trim());
  const timeName = first.slice(slash + 1).trim();
  if (timeName !== 'TIME_PERIOD' && timeName !== 'time') throw new InputError(`the first column ends in "${timeName}", not TIME_PERIOD`, { file, line: 1, field: first });
  if (dims[dims.length - 1] !== 'geo') throw new InputError(`the last dimension of the first column is "${dims[dims.length - 1]}", not geo`, { file, line: 1, field: first });
  const seen = new Set<string>();
  for (const d of dims) {
    if (!DIM.test(d)) throw new InputError(`"${d}" is not a dimension name`, { file, line: 1, field: first });
    if (seen.has(d)) throw new InputError(`the dimension ${d} is named twice`, { file, line: 1, field: first });
    seen.add(d);
  }
  const periods = header.slice(1).map((p) => p.trim());
  if (periods.length === 0) throw new InputError('the header has no period columns', { file, line: 1 });
  const seenPeriods = new Set<string>();
  for (const p of periods) {
    if (seenPeriods.has(p)) throw new InputError(`the header names period ${p} twice`, { file, line: 1, field: p });
    seenPeriods.add(p);
  }

  let line = 1;
  const codes: Record<string, string> = {};
  const fieldsOf = periods.map((period) => ({ geo: 'geo', period, value: period }));
  while (end + 1 < text.length) {
    start = end + 1;
    end = text.indexOf('\n', start);
    line++;
    const raw = stripCr(text.slice(start, end));
    if (raw === '') continue;
    const cells = raw.split('\t');
    if (cells.length !== periods.length + 1) {
      throw new InputError(`expected ${periods.length + 1} tab-separated fields, found ${cells.length}`, { file, line, field: periods[Math.min(cells.length, periods.length) - 1] ?? first });
    }
    const key = cells[0]!.split(',');
    if (key.length !== dims.length) throw new InputError(`expected ${dims.length} codes (${dims.join(',')}), found ${key.length}`, { file, line, field: first });
    for (let d = 0; d < dims.length; d++) {
      const code = key[d]!.trim();
      if (!code) throw new InputError(`the code of ${dims[d]} is empty`, { file, line, field: dims[d]! });
      codes[dims[d]!] = code;
    }
    const where = { line };
    const series = out.series(codes);
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c]!.trim();
      if (cell === '' || cell === ':' || cell.startsWith(': ')) continue;
      const period = periods[c - 1]!;
      const m = CELL.exec(cell);
      if (!m) throw new InputError(`"${cell}" is not a value with optional flags (e.g. 1234 p)`, { file, line, field: period });
      const value = tryNumber(m[1]!) ?? parseNumber(m[1]!, { file, line, field: period });
      out.cell(series, period, value, m[2] ?? '', vintage, where, fieldsOf[c - 1]!);
    }
  }
  return { dataset: out.dataset, vintage, observations: out.observations(), cells: out.cells, skipped: out.skipped };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
