/**
 * SDMX-CSV as Eurostat's SDMX endpoints return it, one observation per row:
 * - SDMX 2.1 (`format=SDMX-CSV`): `DATAFLOW,LAST UPDATE,freq,<dims…>,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS`,
 *   DATAFLOW like `ESTAT:MIGR_ASYAPPCTZA(1.0)`, LAST UPDATE like `22/05/26 11:00:00` (day/month/year).
 * - SDMX 3.0 (`format=csvdata&formatVersion=2.0`): `STRUCTURE,STRUCTURE_ID,[STRUCTURE_NAME,][ACTION,]<dims…>,
 *   TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS`; with `labels=name` each code column is followed by a label column
 *   (`freq,Time frequency,…`), which is ignored. This shape carries no release date: the caller gives the vintage.
 */
import { InputError } from '../../domain/errors.ts';
import { readCsv } from '../csv.ts';
import { parseNumber, tryNumber } from '../values.ts';
import { checkVintage, normaliseDataset, SeriesCollector, type EurostatParsed, type EurostatParseOptions } from './series.ts';

const STRUCTURE_COLUMNS = new Set(['DATAFLOW', 'LAST UPDATE', 'STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION']);
/** Dimension columns are Eurostat's lower-case codes; label columns (`Time frequency`, `Sex`) are not. */
const DIM_COLUMN = /^[a-z][a-z0-9_]*$/;
const FLOW = /^(?:[A-Za-z0-9_.]+:)?([A-Za-z0-9_]+)(?:\([^)]*\))?$/;
const LAST_UPDATE = /^(\d{2})\/(\d{2})\/(\d{2})(?: \d{2}:\d{2}(?::\d{2})?)?$/;
const MISSING = new Set(['', ':', 'NaN']);

export function parseSdmxCsv(text: string, opts: EurostatParseOptions): EurostatParsed {
  const file = opts.file;
  const table = readCsv(text, file);
  const h = table.header;
  const col = (name: string) => h.indexOf(name);
  const flowCol = col('DATAFLOW') >= 0 ? col('DATAFLOW') : col('STRUCTURE_ID');
  const updateCol = col('LAST UPDATE');
  const timeCol = col('TIME_PERIOD');
  const valueCol = col('OBS_VALUE');
  const flagCol = col('OBS_FLAG');
  if (flowCol < 0) throw new InputError('the header has neither DATAFLOW (SDMX 2.1) nor STRUCTURE_ID (SDMX 3.0): not SDMX-CSV', { file, line: 1, field: 'DATAFLOW' });
  if (timeCol < 0) throw new InputError('the header has no TIME_PERIOD column', { file, line: 1, field: 'TIME_PERIOD' });
  if (valueCol < 0) throw new InputError('the header has no OBS_VALUE column', { file, line: 1, field: 'OBS_VALUE' });
  const dimCols = h
    .map((name, i) => ({ name, i }))
    .filter(({ name, i }) => i < timeCol && !STRUCTURE_COLUMNS.has(name) && DIM_COLUMN.test(name));
  if (!dimCols.some((d) => d.name === 'geo')) throw new InputError('the header has no geo column', { file, line: 1, field: 'geo' });

  let collector: SeriesCollector | undefined;
  let dataset = opts.dataset ? normaliseDataset(opts.dataset) : undefined;
  let firstVintage: string | undefined;
  for (const { line, fields } of table.rows) {
    const at = (field: string) => ({ file, line, field });
    const flowText = fields[flowCol]!.trim();
    const flow = FLOW.exec(flowText);
    if (!flow) throw new InputError(`"${flowText}" is not a dataflow (e.g. ESTAT:MIGR_ASYAPPCTZA(1.0))`, at(h[flowCol]!));
    const rowDataset = normaliseDataset(flow[1]!);
    dataset ??= rowDataset;
    if (rowDataset !== dataset) throw new InputError(`this row is dataset ${rowDataset}, not ${dataset}`, at(h[flowCol]!));
    collector ??= new SeriesCollector(dataset, file, opts.periods);

    let vintage = opts.vintage;
    if (updateCol >= 0) {
      const raw = fields[updateCol]!.trim();
      const m = LAST_UPDATE.exec(raw);
      if (!m) throw new InputError(`"${raw}" is not a date (DD/MM/YY hh:mm:ss)`, at('LAST UPDATE'));
      vintage = `20${m[3]}-${m[2]}-${m[1]}`;
    }
    vintage = checkVintage(vintage, at(updateCol >= 0 ? 'LAST UPDATE' : 'vintage'));
    firstVintage ??= vintage;

    const codes: Record<string, string> = {};
    for (const d of dimCols) {
      const code = fields[d.i]!.trim();
      if (!code) throw new InputError(`the dimension ${d.name} is empty`, at(d.name));
      codes[d.name] = code;
    }
    const rawValue = fields[valueCol]!.trim();
    const flags = flagCol >= 0 ? fields[flagCol]!.trim() : '';
    // The unit is checked by the collector once the indicator is known; here only that it is a number at all.
    const value = MISSING.has(rawValue) ? null : (tryNumber(rawValue) ?? parseNumber(rawValue, at('OBS_VALUE')));
    collector.add(codes, fields[timeCol]!, value, flags, vintage, { line }, { geo: 'geo', period: 'TIME_PERIOD', value: 'OBS_VALUE' });
  }
  if (!dataset) throw new InputError('the file has no rows and does not say which dataset it is', { file, line: 1 });
  const out = collector ?? new SeriesCollector(dataset, file, opts.periods);
  return { dataset, vintage: firstVintage ?? opts.vintage ?? '', observations: out.observations(), cells: out.cells, skipped: out.skipped };
}
