/**
 * What the three Eurostat formats (JSON-stat 2.0, SDMX-CSV, bulk TSV) share once a cell is read: its dimension codes,
 * period, value and flags become an observation of the indicator the source registry maps them to. A cell no
 * indicator of the registry asks for (another unit, sex or age class) is counted and skipped, not an error: the bulk
 * files and wide API answers carry many. Every refusal is an `InputError` naming the file, the line or key, and the
 * field.
 */
import { InputError } from '../../domain/errors.ts';
import type { Observation } from '../../domain/observation.ts';
import { canonicalPeriod, parsePeriod, periodMonths } from '../../domain/period.ts';
import { encodeDims } from '../../store/observations.ts';
import { currentCodes, eurostatTargets, type IndicatorDefinition } from '../registry.ts';
import { checkFigure, checkGeo, isCountUnit, type Where } from '../values.ts';

export interface EurostatParseOptions {
  /** The name errors give for the input: a path or a URL. */
  file: string;
  /** The dataset code (e.g. `migr_asyappctza`); required where the input does not say (bulk TSV). */
  dataset?: string;
  /** The release the figures belong to, where the input does not say (SDMX 3.0 CSV, bulk TSV): YYYY-MM-DD. */
  vintage?: string;
  /** The periods asked for (inclusive, any frequency): a cell outside is refused. */
  periods?: { from: string; to: string };
}

export interface EurostatParsed {
  dataset: string;
  vintage: string;
  observations: Observation[];
  /** Non-empty cells read. */
  cells: number;
  /** Cells that no indicator of the registry asks for. */
  skipped: number;
}

/** Dimensions that place a cell rather than select what it measures. */
const PLACE_DIMS = new Set(['freq', 'geo', 'time', 'TIME_PERIOD']);
const VINTAGE = /^\d{4}-\d{2}-\d{2}$/;

export function checkVintage(vintage: string | undefined, where: Where): string {
  if (!vintage) throw new InputError('the input does not say which release it is: give its vintage (YYYY-MM-DD)', where);
  if (!VINTAGE.test(vintage)) throw new InputError(`"${vintage}" is not a vintage (YYYY-MM-DD)`, where);
  return vintage;
}

export function normaliseDataset(code: string): string {
  return code.trim().toLowerCase();
}

/** A series of one input: its indicator (null when none asks for it) and what every cell of it shares. */
export interface Series {
  freq: string | undefined;
  match: { def: IndicatorDefinition; dims?: Record<string, string> } | null;
  geo: string | undefined;
  geoChecked: boolean;
  keyPrefix: string;
  keySuffix: string;
}

interface Placed {
  obs: Observation;
  line: number | undefined;
  key: string | undefined;
}

/** Collects the observations of one input, refusing what the source registry and the store could not keep. */
export class SeriesCollector {
  readonly dataset: string;
  private readonly targets: IndicatorDefinition[];
  private readonly byKey = new Map<string, Placed>();
  private readonly bounds: { first: string; last: string } | undefined;
  private readonly seriesCache = new Map<string, Series>();
  private readonly periodCache = new Map<string, { period: string; freq: string; outside: boolean }>();
  private readonly source: string;
  cells = 0;
  skipped = 0;

  constructor(dataset: string, private readonly file: string, periods?: { from: string; to: string }) {
    this.dataset = normaliseDataset(dataset);
    this.targets = eurostatTargets(this.dataset);
    this.source = `eurostat:${this.dataset}`;
    if (periods) {
      const from = parsePeriod(periods.from);
      const to = parsePeriod(periods.to);
      if (!from || !to) throw new InputError(`the periods asked for (${periods.from} to ${periods.to}) are not periods`, { file });
      this.bounds = { first: periodMonths(from).first, last: periodMonths(to).last };
    }
  }

  /** True when some indicator of the registry is published in this dataset. */
  get known(): boolean {
    return this.targets.length > 0;
  }

  /**
   * The series a set of dimension codes (without time) belongs to: the indicator it maps to, or null when no
   * indicator asks for it. Looked up once per distinct set of codes; parsers that know where a series starts (a TSV
   * line) call this once and `cell` for each of its cells.
   */
  series(codes: Readonly<Record<string, string>>): Series {
    const cacheKey = Object.values(codes).join('\u0001');
    let series = this.seriesCache.get(cacheKey);
    if (series === undefined) {
      const current = currentCodes(codes);
      const found = this.match(current);
      series = {
        freq: codes.freq,
        match: found,
        geo: current.geo,
        geoChecked: false,
        keyPrefix: found ? `${found.def.id}|${current.geo}|` : '',
        keySuffix: found ? `|${encodeDims(found.dims)}|` : '',
      };
      this.seriesCache.set(cacheKey, series);
    }
    return series;
  }

  /**
   * One cell. `codes` are its dimension codes (without time); `value` null means a missing cell (skipped).
   * `where` names the line or key; `fields` names the input's own field for geo, period and value.
   */
  add(
    codes: Readonly<Record<string, string>>,
    rawPeriod: string,
    value: number | null,
    flags: string,
    vintage: string,
    where: { line?: number; key?: string },
    fields: { geo: string; period: string; value: string },
  ): void {
    if (value === null) return;
    this.cell(this.series(codes), rawPeriod, value, flags, vintage, where, fields);
  }

  cell(
    series: Series,
    rawPeriod: string,
    value: number,
    flags: string,
    vintage: string,
    where: { line?: number | undefined; key?: string | undefined },
    fields: { geo: string; period: string; value: string },
  ): void {
    this.cells++;
    const at = (field: string): Where => ({ file: this.file, ...(where.line !== undefined ? { line: where.line } : {}), field: where.key ? `${where.key} ${field}` : field });
    const period = this.period(rawPeriod, series.freq, () => at(fields.period));
    const match = series.match;
    if (match === null) {
      this.skipped++;
      return;
    }
    const geo = series.geo;
    if (!series.geoChecked) {
      if (geo === undefined) throw new InputError('the cell has no geo', at(fields.geo));
      checkGeo(geo, at(fields.geo));
      series.geoChecked = true;
    }
    if (value < 0 || !Number.isFinite(value) || (isCountUnit(match.def.unit) && !Number.isInteger(value))) checkFigure(value, match.def.unit, at(fields.value));
    const key = `${series.keyPrefix}${period}${series.keySuffix}${vintage}`;
    const prev = this.byKey.get(key);
    if (!prev) {
      const obs: Observation = { indicator: match.def.id, geo: geo!, period, value, unit: match.def.unit, flags, source: this.source, vintage };
      if (match.dims) obs.dims = { ...match.dims };
      this.byKey.set(key, { obs, line: where.line, key: where.key });
    } else if (prev.obs.value !== value) {
      const was = prev.line !== undefined ? `line ${prev.line}` : prev.key;
      throw new InputError(
        `duplicate cell with a different value: ${was} gives ${prev.obs.value} for ${match.def.id} ${geo} ${period}${match.dims ? ` [${encodeDims(match.dims)}]` : ''}, this one ${value}`,
        at(fields.value),
      );
    }
  }

  /** The canonical period of a cell, checked against the row's frequency and the periods asked for. */
  private period(rawPeriod: string, freq: string | undefined, where: () => Where): string {
    let cached = this.periodCache.get(rawPeriod);
    if (cached === undefined) {
      const period = canonicalPeriod(rawPeriod.trim());
      if (!period) throw new InputError(`"${rawPeriod}" is not a period (YYYY, YYYY-Qn or YYYY-MM)`, where());
      const p = parsePeriod(period)!;
      let outside = false;
      if (this.bounds) {
        const m = periodMonths(p);
        outside = m.first < this.bounds.first || m.last > this.bounds.last;
      }
      cached = { period, freq: p.freq, outside };
      this.periodCache.set(rawPeriod, cached);
    }
    if (freq !== undefined && freq !== cached.freq) {
      throw new InputError(`period ${cached.period} is not of the frequency ${freq} the row gives`, where());
    }
    if (cached.outside) {
      throw new InputError(`period ${cached.period} is outside the periods asked for (${this.bounds!.first} to ${this.bounds!.last})`, where());
    }
    return cached.period;
  }

  /**
   * The indicator whose filters the codes meet. Every dimension of the cell other than freq, geo and time must be
   * one the indicator filters on, with its code (or any code, for a breakdown); a dimension the indicator does not
   * name means the cell measures something else.
   */
  private match(codes: Record<string, string>): { def: IndicatorDefinition; dims?: Record<string, string> } | null {
    for (const def of this.targets) {
      const q = def.eurostat!;
      let dims: Record<string, string> | undefined;
      let ok = true;
      for (const [dim, code] of Object.entries(codes)) {
        if (PLACE_DIMS.has(dim)) continue;
        const want = q.filters[dim];
        if (want === undefined) {
          ok = false;
          break;
        }
        if (code === want) continue;
        if (q.breakdowns?.includes(dim)) {
          (dims ??= {})[dim] = code;
          continue;
        }
        ok = false;
        break;
      }
      if (ok) return dims ? { def, dims } : { def };
    }
    return null;
  }

  observations(): Observation[] {
    return [...this.byKey.values()].map((p) => p.obs);
  }
}
