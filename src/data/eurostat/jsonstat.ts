/**
 * JSON-stat 2.0 datasets as Eurostat's statistics API returns them (`statistics/1.0/data/{dataset}`): `id` and
 * `size` give the dimensions in row-major order, `value` (an array, or an object keyed by the flat index when sparse)
 * the figures, `status` the flags, `updated` the release. Cells become observations through the source registry.
 */
import { InputError } from '../../domain/errors.ts';
import { checkVintage, normaliseDataset, SeriesCollector, type EurostatParsed, type EurostatParseOptions, type Series } from './series.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The 1-based line of a character offset, for JSON syntax errors. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const truncated = /end of JSON input|Unterminated/i.test(message);
    throw new InputError(`not valid JSON${truncated ? ' (truncated?)' : ''}: ${message}`, {
      file,
      line: pos ? lineAt(text, Number(pos[1])) : lineAt(text, text.length),
    });
  }
}

export function parseJsonStat(text: string, opts: EurostatParseOptions): EurostatParsed {
  const file = opts.file;
  const doc = parseJson(text, file);
  const fail = (message: string, field: string): never => {
    throw new InputError(message, { file, field });
  };
  if (!isObject(doc)) return fail('a JSON-stat dataset is a JSON object', '(root)');
  if (doc.error !== undefined) {
    // Eurostat answers some bad queries with 200 and an error object.
    const e = Array.isArray(doc.error) ? doc.error[0] : doc.error;
    const label = isObject(e) ? String(e.label ?? e.id ?? JSON.stringify(e)) : JSON.stringify(e);
    return fail(`Eurostat answered with an error: ${label}`, 'error');
  }
  if (doc.version !== '2.0') fail(`version is ${JSON.stringify(doc.version)}, expected "2.0"`, 'version');
  if (doc.class !== 'dataset') fail(`class is ${JSON.stringify(doc.class)}, expected "dataset"`, 'class');
  const ids = doc.id;
  const sizes = doc.size;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return fail('id must be an array of dimension names', 'id');
  if (!Array.isArray(sizes) || sizes.length !== ids.length || !sizes.every((x) => Number.isSafeInteger(x) && (x as number) >= 0)) {
    return fail(`size must be ${ids.length} non-negative whole numbers, one per dimension of id`, 'size');
  }
  const names = ids as string[];
  if (new Set(names).size !== names.length) fail('id names a dimension twice', 'id');
  const timeDim = names.indexOf('time');
  const geoDim = names.indexOf('geo');
  if (timeDim < 0) fail('the dataset has no time dimension', 'id');
  if (geoDim < 0) fail('the dataset has no geo dimension', 'id');
  if (!isObject(doc.dimension)) return fail('dimension must be an object', 'dimension');

  // Each dimension's codes by position.
  const codes: string[][] = names.map((name, d) => {
    const dim = (doc.dimension as Json)[name];
    const field = `dimension.${name}.category.index`;
    if (!isObject(dim) || !isObject(dim.category)) return fail(`dimension ${name} has no category`, `dimension.${name}`);
    const index = dim.category.index;
    const size = sizes[d] as number;
    const given = Array.isArray(index) ? index.length : isObject(index) ? Object.keys(index).length : 1;
    // Checked before anything is sized by it: a malformed `size` must not allocate.
    if (given !== size) fail(`the dimension has ${given} codes but size says ${size}`, field);
    const byPos = new Array<string>(size);
    if (Array.isArray(index)) {
      if (index.length !== size || !index.every((c) => typeof c === 'string')) fail(`expected ${size} codes`, field);
      index.forEach((c, i) => (byPos[i] = c as string));
    } else if (isObject(index)) {
      for (const [code, pos] of Object.entries(index)) {
        if (!Number.isSafeInteger(pos) || (pos as number) < 0 || (pos as number) >= size || byPos[pos as number] !== undefined) {
          fail(`code ${code} has position ${JSON.stringify(pos)}, not a free position below the size ${size}`, field);
        }
        byPos[pos as number] = code;
      }
    } else if (index === undefined && size === 1 && isObject(dim.category.label) && Object.keys(dim.category.label).length === 1) {
      // JSON-stat allows a single-category dimension to give only its label.
      byPos[0] = Object.keys(dim.category.label)[0]!;
    } else {
      return fail('a category index must be an array or an object', field);
    }
    for (let i = 0; i < size; i++) if (byPos[i] === undefined) fail(`no code at position ${i}`, field);
    return byPos;
  });

  const fromDoc = isObject(doc.extension) && typeof doc.extension.id === 'string' ? normaliseDataset(doc.extension.id) : undefined;
  const dataset = opts.dataset ? normaliseDataset(opts.dataset) : fromDoc;
  if (!dataset) return fail('the dataset does not name itself (extension.id); say which dataset it is', 'extension.id');
  if (fromDoc && fromDoc !== dataset) fail(`this is dataset ${fromDoc}, not ${dataset}`, 'extension.id');
  let vintage = opts.vintage;
  if (typeof doc.updated === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(doc.updated);
    if (!m) fail(`"${doc.updated}" is not a date`, 'updated');
    vintage = m![1];
  }
  vintage = checkVintage(vintage, { file, field: 'updated' });

  const cellCount = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(cellCount)) fail('the dataset is too large to index', 'size');
  const flagAt = statusReader(doc.status, cellCount, file);
  const out = new SeriesCollector(dataset, file, opts.periods);
  // Strides for turning a flat index into one position per dimension (row-major: the last dimension varies fastest).
  const strides = new Array<number>(names.length);
  let stride = 1;
  for (let d = names.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= sizes[d] as number;
  }
  // Cells of one series (all positions but time) share their codes: built once per run of consecutive cells.
  const timeSize = sizes[timeDim] as number;
  const timeStride = strides[timeDim]!;
  let lastSeries = -1;
  let series: Series | undefined;
  const where = { key: '' };
  const fields = { geo: 'geo', period: 'time', value: 'value' };
  const cell = (index: number, raw: unknown, key: string) => {
    if (raw === null) return;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) fail(`value ${JSON.stringify(raw)} is not a number`, key);
    const timePos = Math.floor(index / timeStride) % timeSize;
    const seriesIndex = index - timePos * timeStride;
    if (seriesIndex !== lastSeries || !series) {
      const seriesCodes: Record<string, string> = {};
      for (let d = 0; d < names.length; d++) {
        if (d === timeDim) continue;
        seriesCodes[names[d]!] = codes[d]![Math.floor(index / strides[d]!) % (sizes[d] as number)]!;
      }
      series = out.series(seriesCodes);
      lastSeries = seriesIndex;
    }
    where.key = key;
    out.cell(series, codes[timeDim]![timePos]!, raw as number, flagAt(index), vintage!, where, fields);
  };

  const value = doc.value;
  if (Array.isArray(value)) {
    if (value.length !== cellCount) fail(`value has ${value.length} cells; id and size describe ${cellCount}`, 'value');
    value.forEach((v, i) => cell(i, v, `value[${i}]`));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = `value["${k}"]`;
      if (!/^(0|[1-9]\d*)$/.test(k)) fail(`"${k}" is not a cell index`, key);
      const index = Number(k);
      if (index >= cellCount) fail(`index ${k} is outside the dataset (${cellCount} cells)`, key);
      cell(index, v, key);
    }
  } else {
    fail('value must be an array or an object', 'value');
  }
  return { dataset, vintage, observations: out.observations(), cells: out.cells, skipped: out.skipped };
}

/** JSON-stat `status` is absent, one string for every cell, an array, or an object keyed by flat index. */
function statusReader(status: unknown, cells: number, file: string): (index: number) => string {
  if (status === undefined || status === null) return () => '';
  const check = (s: unknown, field: string): string => {
    if (s === null) return '';
    if (typeof s !== 'string') throw new InputError(`flag ${JSON.stringify(s)} is not a string`, { file, field });
    return s.trim();
  };
  if (typeof status === 'string') {
    const s = status.trim();
    return () => s;
  }
  if (Array.isArray(status)) {
    if (status.length !== cells) throw new InputError(`status has ${status.length} cells; the dataset has ${cells}`, { file, field: 'status' });
    const flags = status.map((s, i) => check(s, `status[${i}]`));
    return (i) => flags[i]!;
  }
  if (isObject(status)) {
    const flags = new Map<number, string>();
    for (const [k, s] of Object.entries(status)) {
      const field = `status["${k}"]`;
      if (!/^(0|[1-9]\d*)$/.test(k) || Number(k) >= cells) throw new InputError(`"${k}" is not a cell index of the dataset`, { file, field });
      flags.set(Number(k), check(s, field));
    }
    return (i) => flags.get(i) ?? '';
  }
  throw new InputError('status must be a string, an array or an object', { file, field: 'status' });
}
