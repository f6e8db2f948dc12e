/**
 * Turns one tidy CSV file, as its manifest entry describes it, into observations in the store's conventions.
 * Every refusal is an `InputError` naming the file, the line and the column.
 */
import { InputError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { canonicalPeriod, parsePeriod, periodMonths } from '../domain/period.ts';
import { encodeDims } from '../store/observations.ts';
import { readCsv } from './csv.ts';
import type { ManifestFile } from './manifest.ts';
import { indicatorDefinition, type IndicatorId } from './registry.ts';
import { checkFigure, checkGeo, parseFigure, type Where } from './values.ts';

export interface ParsedFile {
  observations: Observation[];
  rowsRead: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VINTAGE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Pending {
  obs: Observation;
  line: number;
  /** For dates reduced to months: the date the figure is for; the latest wins. */
  date?: string;
}

export function parseTidyCsv(text: string, entry: ManifestFile, file = entry.file): ParsedFile {
  const table = readCsv(text, file);
  const col = (name: string, what: string): number => {
    const i = table.header.indexOf(name);
    if (i < 0) throw new InputError(`the header has no column "${name}" (${what}); it has ${table.header.join(',')}`, { file, line: 1, field: name });
    return i;
  };
  const c = entry.columns;
  const geoCol = typeof c.geo === 'string' ? col(c.geo, 'geo') : -1;
  const fixedGeo = typeof c.geo === 'string' ? undefined : c.geo.fixed;
  const periodCol = col(c.period, 'period');
  const dimCols = Object.entries(c.dims ?? {}).map(([dim, name]) => [dim, col(name, `dimension ${dim}`)] as const);
  const targets = entry.targets.map((t) => ({
    ...t,
    whenCol: t.when ? col(t.when.column, 'split') : -1,
    valueCol: col(t.valueColumn ?? c.value, 'value'),
    unit: indicatorDefinition(t.indicator as IndicatorId).unit,
  }));
  const flagCols = (entry.flagColumns ?? []).map((f) => ({ ...f, index: col(f.column, 'flags') }));
  const vintageCol = entry.vintageColumn ? col(entry.vintageColumn, 'vintage') : -1;
  const provCol = entry.rowProvenance ? col(entry.rowProvenance.column, 'provenance') : -1;
  const annualCol = entry.annualWhen ? col(entry.annualWhen.column, 'annual marker') : -1;
  const sumCols = (entry.sumOver ?? []).map((name) => col(name, 'summed over'));
  const from = periodMonths(parsePeriod(canonicalPeriod(entry.periods.from)!)!).first;
  const to = periodMonths(parsePeriod(canonicalPeriod(entry.periods.to)!)!).last;

  const byKey = new Map<string, Pending>();
  // With sumOver, rows are first checked for duplicates on the full key, then summed.
  const seenFull = sumCols.length > 0 ? new Map<string, { line: number; value: number }>() : undefined;

  for (const { line, fields } of table.rows) {
    const at = (field: string) => ({ file, line, field });
    let geo = fixedGeo ?? fields[geoCol]!.trim();
    const dims: Record<string, string> = {};
    if (entry.subAreas && geo in entry.subAreas.codes) {
      dims[entry.subAreas.dim] = geo;
      geo = entry.subAreas.codes[geo]!;
    }
    checkGeo(geo, at(typeof c.geo === 'string' ? c.geo : 'geo'));

    const rawPeriod = fields[periodCol]!.trim();
    let period: string | null;
    let date: string | undefined;
    if (c.periodIsDate) {
      const m = DATE.exec(rawPeriod);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
        throw new InputError(`"${rawPeriod}" is not a date (YYYY-MM-DD)`, at(c.period));
      }
      date = rawPeriod;
      period = `${m[1]}-${m[2]}`;
    } else {
      period = canonicalPeriod(rawPeriod);
      if (!period) throw new InputError(`"${rawPeriod}" is not a period (YYYY, YYYY-Qn or YYYY-MM)`, at(c.period));
    }
    if (entry.annualWhen && fields[annualCol] === entry.annualWhen.equals) period = period.slice(0, 4);
    const months = periodMonths(parsePeriod(period)!);
    if (months.first < from || months.last > to) {
      throw new InputError(`period ${period} is outside the periods the manifest says this file covers (${entry.periods.from} to ${entry.periods.to})`, at(c.period));
    }

    let vintage = entry.vintage;
    let source = entry.source;
    const flags: string[] = [];
    if (vintageCol >= 0) {
      vintage = fields[vintageCol]!.trim();
      if (!VINTAGE.test(vintage)) throw new InputError(`"${vintage}" is not a vintage (YYYY, YYYY-MM or YYYY-MM-DD)`, at(entry.vintageColumn!));
    }
    if (entry.rowProvenance) {
      const key = fields[provCol]!.trim();
      const prov = entry.rowProvenance.values[key];
      if (!prov) throw new InputError(`"${key}" is not a provenance the manifest describes`, at(entry.rowProvenance.column));
      vintage = prov.vintage;
      if (prov.source) source = prov.source;
      if (prov.flags) flags.push(prov.flags);
    }
    for (const f of flagCols) {
      const raw = fields[f.index]!.trim();
      const flag = f.map && raw in f.map ? f.map[raw]! : raw;
      if (flag) flags.push(flag);
    }
    const periodFlag = entry.periodFlags?.[period];
    if (periodFlag) flags.push(periodFlag);
    for (const [dim, i] of dimCols) {
      const v = fields[i]!.trim();
      if (!v) throw new InputError(`the dimension ${dim} is empty`, at(c.dims![dim]!));
      dims[dim] = v;
    }

    let matched = false;
    for (const t of targets) {
      if (t.when && fields[t.whenCol]!.trim() !== t.when.equals) continue;
      matched = true;
      const valueField = t.valueColumn ?? c.value;
      const value = entry.round
        ? roundedFigure(fields[t.valueCol]!, t.unit, at(valueField))
        : parseFigure(fields[t.valueCol]!, t.unit, at(valueField));
      const rowDims = { ...dims, ...t.dims };
      const obs: Observation = {
        indicator: t.indicator,
        geo,
        period,
        value,
        unit: t.unit,
        flags: flags.join(' '),
        source: t.source ?? source,
        vintage: vintage!,
      };
      if (Object.keys(rowDims).length > 0) obs.dims = rowDims;
      const key = `${obs.indicator}|${geo}|${period}|${encodeDims(obs.dims)}|${obs.vintage}`;
      if (seenFull) {
        const full = `${key}|${sumCols.map((i) => fields[i]).join('|')}`;
        const prev = seenFull.get(full);
        if (prev && prev.value !== value) {
          throw new InputError(`duplicate row: line ${prev.line} gives ${prev.value} for the same ${key.replaceAll('|', ' ')}, this line ${value}`, at(valueField));
        }
        if (prev) continue;
        seenFull.set(full, { line, value });
        const acc = byKey.get(key);
        if (acc) acc.obs.value += value;
        else byKey.set(key, { obs, line });
        continue;
      }
      const prev = byKey.get(key);
      if (!prev) {
        byKey.set(key, date ? { obs, line, date } : { obs, line });
      } else if (date && prev.date !== date) {
        // A date series reduced to months keeps the figure of the latest date in the month (a stock at month end).
        if (date > prev.date!) byKey.set(key, { obs, line, date });
      } else if (prev.obs.value !== value) {
        throw new InputError(
          `duplicate row with a different value: line ${prev.line} gives ${prev.obs.value} for ${t.indicator} ${geo} ${period}${obs.dims ? ` [${encodeDims(obs.dims)}]` : ''}, this line ${value}`,
          at(valueField),
        );
      }
    }
    if (!matched) {
      const splits = targets.filter((t) => t.when).map((t) => `${t.when!.column}=${t.when!.equals}`);
      const column = targets.find((t) => t.when)?.when?.column ?? c.value;
      throw new InputError(`the row matches no indicator of the manifest (known: ${splits.join(', ')})`, at(column));
    }
  }
  return { observations: [...byKey.values()].map((p) => p.obs), rowsRead: table.rows.length };
}

function roundedFigure(text: string, unit: string, where: Where): number {
  const value = Math.round(parseFigure(text, 'rounded', where));
  checkFigure(value, unit, where);
  return value;
}
