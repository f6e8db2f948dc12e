/**
 * The nationalities channelled to the mandatory border procedure (APR Art 42(1)(j), 45(1)) from the store: Union-wide
 * first-instance decisions by citizenship of the latest year before the year asked. Where the store holds no such
 * data the result says so, names what it does hold and the dataset that would serve, and lists no nationality. The
 * statement and notes are notes (`src/domain/note.ts`), said in a language by `src/notes/`.
 */
import { note, type Note } from '../domain/note.ts';
import { borderNationalities, RECOGNITION_RATE_THRESHOLD, type BorderNationalities, type CitizenshipDecisions } from '../domain/procedures/border-nationalities.ts';
import type { Observation } from '../domain/observation.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';

/** Eurostat's Union aggregate; the rule asks for the Union-wide average. */
const UNION_GEO = 'EU27_2020';
/** A citizenship is a country code or stateless; aggregates (TOTAL, EXT_EU27_2020, …) and UNK are not nationalities. */
const NATIONALITY = /^([A-Z]{2}|STLS)$/;

export const CITIZENSHIP_DATASET = 'migr_asydcfsta';

export interface StoredDecisions {
  indicator: string;
  /** What is stored of the indicator, with or without a citizenship breakdown. */
  periods: { first: string; last: string } | null;
  byCitizenship: boolean;
  sources: string[];
}

export interface BorderNationalitiesReport {
  /** The year the list is for (the border procedure applied in it). */
  year: number;
  status: 'computed' | 'missing';
  threshold: number;
  result: BorderNationalities | null;
  /** The plain statement of what was done, or why nothing could be. */
  statement: Note;
  /** Which data would serve (stated even when present, so a reader can check it). */
  dataNeeded: Note;
  stored: StoredDecisions[];
  notes: Note[];
}

function summarise(indicator: string, rows: readonly Observation[]): StoredDecisions {
  const periods = rows.map((r) => r.period).sort();
  return {
    indicator,
    periods: periods.length ? { first: periods[0]!, last: periods[periods.length - 1]! } : null,
    byCitizenship: rows.some((r) => r.dims?.citizen !== undefined),
    sources: [...new Set(rows.map((r) => r.source))].sort(),
  };
}

const citizenRows = (rows: readonly Observation[]) =>
  rows.filter((r) => r.geo === UNION_GEO && /^\d{4}$/.test(r.period) && r.dims && Object.keys(r.dims).length === 1 && r.dims.citizen && NATIONALITY.test(r.dims.citizen));

/**
 * The Art 42(1)(j) list for `year`: "the latest available yearly Union-wide average Eurostat data" when the year
 * starts, i.e. the latest stored year up to `year − 1` that has decisions by citizenship.
 */
export async function borderNationalitiesFromStore(db: Queryable, year: number): Promise<BorderNationalitiesReport> {
  const [decisions, positive] = await Promise.all(
    ['first_instance_decisions', 'first_instance_positive'].map((indicator) => queryObservations(db, { indicator, anyDims: true })),
  );
  const stored = [summarise('first_instance_decisions', decisions!), summarise('first_instance_positive', positive!)];
  const dataNeeded = note('borderNationalities.dataNeeded', { dataset: CITIZENSHIP_DATASET, geo: UNION_GEO, dataYear: year - 1, year });
  const notes: Note[] = [];

  const dec = citizenRows(decisions!).filter((r) => Number(r.period) <= year - 1);
  const pos = citizenRows(positive!).filter((r) => Number(r.period) <= year - 1);
  const key = (r: Observation) => `${r.period}|${r.dims!.citizen}`;
  const posByKey = new Map(pos.map((r) => [key(r), r]));
  const years = [...new Set(dec.filter((r) => posByKey.has(key(r))).map((r) => Number(r.period)))].sort((a, b) => b - a);

  if (years.length === 0) {
    const held = stored.map((s) =>
      s.periods
        ? note(s.byCitizenship ? 'borderNationalities.heldByCitizenship' : 'borderNationalities.heldTotals', { indicator: s.indicator, first: s.periods.first, last: s.periods.last, sources: s.sources })
        : note('borderNationalities.heldNothing', { indicator: s.indicator }),
    );
    return {
      year,
      status: 'missing',
      threshold: RECOGNITION_RATE_THRESHOLD,
      result: null,
      statement: note('borderNationalities.missing', { before: year - 1, held, needed: dataNeeded }),
      dataNeeded,
      stored,
      notes,
    };
  }

  const dataYear = years[0]!;
  const input: CitizenshipDecisions[] = dec
    .filter((r) => Number(r.period) === dataYear)
    .map((r) => ({ citizen: r.dims!.citizen!, decisions: Math.round(r.value), positive: Math.round(posByKey.get(key(r))!.value) }));
  const missingPositive = dec.filter((r) => Number(r.period) === dataYear && !posByKey.has(key(r))).map((r) => r.dims!.citizen!);
  if (missingPositive.length) notes.push(note('borderNationalities.positiveMissing', { citizens: missingPositive, year: dataYear }));
  if (dataYear < year - 1) notes.push(note('borderNationalities.olderYear', { dataYear, wanted: year - 1 }));
  const result = borderNationalities(dataYear, input);
  const sources = [...new Map(dec.filter((r) => Number(r.period) === dataYear).map((r) => [`${r.source}|${r.vintage}`, r] as const)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, r]) => note('borderNationalities.source', { source: r.source, vintage: r.vintage }));
  return {
    year,
    status: 'computed',
    threshold: RECOGNITION_RATE_THRESHOLD,
    result,
    statement: note('borderNationalities.computed', { channelled: result.channelled.length, rated: result.rates.length, dataYear, sources, year }),
    dataNeeded,
    stored,
    notes,
  };
}
