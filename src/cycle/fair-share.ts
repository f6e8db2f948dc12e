/**
 * The fair shares of a cycle (Art 66, Annex I) from the store: "the latest available Eurostat data" at the time the
 * Commission proposes the pool, by 15 October of the year before the cycle (Art 12(1)). Then the population on
 * 1 January of that year is published (July) but GDP only up to the year before, so cycle Y uses population of
 * Y−1 and GDP of Y−2 at the latest. Every state uses the same year of each figure; where the latest year lacks a
 * state, the key falls back to the latest complete year and says so.
 */
import { computeFairShares, type FairShare } from '../domain/fair-share.ts';
import { InputError } from '../domain/errors.ts';
import { note, type Note } from '../domain/note.ts';
import { SOLIDARITY_STATES, stateInfo, type MemberStateCode } from '../domain/member-states.ts';
import type { Observation } from '../domain/observation.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';

export interface FairShareOptions {
  cycle: number;
  /** Only vintages published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD); default every stored vintage. */
  asOf?: string;
  /** Override the year of population (1 January) or GDP used. */
  populationYear?: number;
  gdpYear?: number;
}

export interface FairShareFigure {
  /** The year of the figure used for every state. */
  year: string;
  /** Vintages of the figures used, newest first (one in the usual case). */
  vintages: string[];
  sources: string[];
  unit: string;
}

export interface CycleFairShares {
  cycle: number;
  population: FairShareFigure;
  gdp: FairShareFigure;
  states: (FairShare & { code: MemberStateCode; name: string })[];
  /** Every departure from the rule above: a fallback year, a flagged figure. */
  dataNotes: Note[];
}

/** The year each figure is taken from by default: what was published when the Commission proposed the pool. */
export function defaultKeyYears(cycle: number): { population: number; gdp: number } {
  return { population: cycle - 1, gdp: cycle - 2 };
}

async function pickYear(
  db: Queryable,
  indicator: 'population' | 'gdp',
  latestYear: number,
  exact: boolean,
  asOf: string | undefined,
  notes: Note[],
): Promise<{ year: string; rows: Map<string, Observation> }> {
  const rows = await queryObservations(db, { indicator, freq: 'A', geos: SOLIDARITY_STATES, to: String(latestYear), ...(asOf ? { asOf } : {}) });
  const byYear = new Map<string, Map<string, Observation>>();
  for (const o of rows) {
    const m = byYear.get(o.period) ?? new Map<string, Observation>();
    m.set(o.geo, o);
    byYear.set(o.period, m);
  }
  const years = [...byYear.keys()].sort().reverse();
  const complete = years.find((y) => byYear.get(y)!.size === SOLIDARITY_STATES.length);
  if (exact) {
    const m = byYear.get(String(latestYear));
    const missing = SOLIDARITY_STATES.filter((g) => !m?.has(g));
    if (missing.length > 0) throw new InputError(`no ${indicator} figure for ${latestYear} in the store for ${missing.join(', ')}`, { field: `${indicator}Year` });
    return { year: String(latestYear), rows: m! };
  }
  if (!complete) throw new InputError(`no year up to ${latestYear} has a ${indicator} figure for all 26 Member States bound by the solidarity mechanism; load the data first (pactcycle data load)`, { field: indicator });
  const newest = years[0]!;
  if (newest !== complete) {
    const missing = SOLIDARITY_STATES.filter((g) => !byYear.get(newest)!.has(g));
    notes.push(note('fairShare.incompleteYear', { indicator, newest, missing, complete }));
  }
  if (Number(complete) < latestYear) notes.push(note('fairShare.olderYear', { indicator, complete, latest: latestYear }));
  return { year: complete, rows: byYear.get(complete)! };
}

function figure(year: string, rows: Map<string, Observation>, unit: string): FairShareFigure {
  const all = [...rows.values()];
  return {
    year,
    vintages: [...new Set(all.map((o) => o.vintage))].sort().reverse(),
    sources: [...new Set(all.map((o) => o.source))].sort(),
    unit,
  };
}

/** Flags the source put on the figures used (rounded, estimated, provisional), one note per flag. */
function noteFlags(indicator: 'population' | 'gdp', rows: Map<string, Observation>, notes: Note[]): void {
  const byFlag = new Map<string, string[]>();
  for (const o of rows.values()) if (o.flags) byFlag.set(o.flags, [...(byFlag.get(o.flags) ?? []), o.geo]);
  for (const [flags, geos] of byFlag) notes.push(geos.length === rows.size ? note('fairShare.flaggedAll', { indicator, flags }) : note('fairShare.flagged', { indicator, states: geos.sort(), flags }));
}

export async function fairSharesForCycle(db: Queryable, opts: FairShareOptions): Promise<CycleFairShares> {
  const notes: Note[] = [];
  const defaults = defaultKeyYears(opts.cycle);
  const pop = await pickYear(db, 'population', opts.populationYear ?? defaults.population, opts.populationYear !== undefined, opts.asOf, notes);
  const gdp = await pickYear(db, 'gdp', opts.gdpYear ?? defaults.gdp, opts.gdpYear !== undefined, opts.asOf, notes);
  noteFlags('population', pop.rows, notes);
  noteFlags('gdp', gdp.rows, notes);
  const shares = computeFairShares(
    SOLIDARITY_STATES.map((code) => ({ code, population: pop.rows.get(code)!.value, gdp: gdp.rows.get(code)!.value })),
  );
  return {
    cycle: opts.cycle,
    population: figure(pop.year, pop.rows, 'persons on 1 January'),
    gdp: figure(gdp.year, gdp.rows, 'EUR million, current prices'),
    states: shares.map((s) => ({ ...s, code: s.code as MemberStateCode, name: stateInfo(s.code as MemberStateCode).nameEn })),
    dataNotes: notes,
  };
}
