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
import { checkFigure, checkGeo, type Where } from '../values.ts';

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

interface Placed {
  obs: Observation;
  where: Where;
}

/** Collects the observations of one input, refusing what the source registry and the store could not keep. */
export class SeriesCollector {
  readonly dataset: string;
  private readonly targets: IndicatorDefinition[];
  private readonly byKey = new Map<string, Placed>();
  private readonly bounds: { first: string; last: string } | undefined;
  cells = 0;
  skipped = 0;

  constructor(dataset: string, private readonly file: string, periods?: { from: string; to: string }) {
    this.dataset = normaliseDataset(dataset);
    this.targets = eurostatTargets(this.dataset);
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
    this.cells++;
    const at = (field: string): Where => ({ file: this.file, ...(where.line !== undefined ? { line: where.line } : {}), field: where.key ? `${where.key} ${field}` : field });
    const period = canonicalPeriod(rawPeriod.trim());
    if (!period) throw new InputError(`"${rawPeriod}" is not a period (YYYY, YYYY-Qn or YYYY-MM)`, at(fields.period));
    const p = parsePeriod(period)!;
    const freq = codes.freq;
    if (freq !== undefined && freq !== p.freq) {
      throw new InputError(`period ${period} is not of the frequency ${freq} the row gives`, at(fields.period));
    }
    if (this.bounds) {
      const m = periodMonths(p);
      if (m.first < this.bounds.first || m.last > this.bounds.last) {
        throw new InputError(`period ${period} is outside the periods asked for (${this.bounds.first} to ${this.bounds.last})`, at(fields.period));
      }
    }
    const current = currentCodes(codes);
    const match = this.match(current);
    if (!match) {
      this.skipped++;
      return;
    }
    const geo = current.geo;
    if (geo === undefined) throw new InputError('the cell has no geo', at(fields.geo));
    checkGeo(geo, at(fields.geo));
    checkFigure(value, match.def.unit, at(fields.value));
    const obs: Observation = {
      indicator: match.def.id,
      geo,
      period,
      value,
      unit: match.def.unit,
      flags,
      source: `eurostat:${this.dataset}`,
      vintage,
    };
    if (match.dims) obs.dims = match.dims;
    const key = `${obs.indicator}|${geo}|${period}|${encodeDims(obs.dims)}|${vintage}`;
    const prev = this.byKey.get(key);
    if (!prev) {
      this.byKey.set(key, { obs, where: at(fields.value) });
    } else if (prev.obs.value !== value) {
      const was = prev.where.line !== undefined ? `line ${prev.where.line}` : prev.where.field;
      throw new InputError(
        `duplicate cell with a different value: ${was} gives ${prev.obs.value} for ${obs.indicator} ${geo} ${period}${obs.dims ? ` [${encodeDims(obs.dims)}]` : ''}, this one ${value}`,
        at(fields.value),
      );
    }
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
