/**
 * The assessment of a cycle from the store (AMMR Arts 9–11): the indicators per Member State for the reference
 * period, the previous 12 months and the look-back, compared with each state's fair share (Art 66); the categories
 * the methodology's rules support, with their evidence; the recorded decisions and every disagreement. Every
 * substitution of a period and every gap is stated in `dataNotes`, per state and indicator.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../domain/errors.ts';
import { SOLIDARITY_STATES, stateInfo, type MemberStateCode } from '../domain/member-states.ts';
import { note, type Note } from '../domain/note.ts';
import type { RouteAttribution } from '../domain/route-attribution.ts';
import { classify, type Evidence } from '../domain/assessment/classify.ts';
import { computeIndicators, type IndicatorFigure, type KeyRow, type UnionFigure } from '../domain/assessment/compute.ts';
import { currentDecisions, decisionsFromPoolEvent, disagreements, type DecisionRecord, type Disagreement } from '../domain/assessment/decisions.ts';
import { ASSESSMENT_INDICATORS, sourceKey, sourcesOf } from '../domain/assessment/indicators.ts';
import { parseMethodology, type AssessmentCategory, type Methodology } from '../domain/assessment/methodology.ts';
import { FIRST_CYCLE, referencePeriods, spanDates } from '../domain/assessment/reference-periods.ts';
import type { SeriesPoint } from '../domain/assessment/resolve.ts';
import type { IndicatorId } from '../data/registry.ts';
import { fairSharesForCycle } from './fair-share.ts';
import { loadRouteAttribution } from './route-attribution.ts';
import type { Queryable } from '../store/db.ts';
import { listDecisions } from '../store/decisions.ts';
import { readEntries } from '../store/ledger.ts';
import type { PoolEventOf } from '../domain/pool/events.ts';
import { queryObservations } from '../store/observations.ts';

export const DEFAULT_METHODOLOGY_FILE = fileURLToPath(new URL('../../methodology/assessment-v1.json', import.meta.url));

/** Reads and validates a methodology file; a bad file is an InputError naming the file and the field. */
export function loadMethodology(file = DEFAULT_METHODOLOGY_FILE): Methodology {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the methodology: ${(err as Error).message}`, { file });
  }
  return parseMethodology(json, file);
}

export interface AssessmentOptions {
  cycle: number;
  /** A methodology (already parsed) or the path of its file; default `methodology/assessment-v1.json`. */
  methodology?: Methodology | string;
  routeTable?: RouteAttribution;
}

export interface StateAssessment {
  code: MemberStateCode;
  name: string;
  /** Computed: the categories the evidence supports under the methodology. */
  categories: AssessmentCategory[];
  evidence: Evidence[];
  /** Under pressure on the Art 11(3) search-and-rescue ground. */
  sarGround: boolean;
  dataNotes: Note[];
  fairShare: number;
  indicators: IndicatorFigure[];
  /** Recorded: the decisions in force for this state (see `decision record`). */
  decisions: DecisionRecord[];
  disagreements: Disagreement[];
}

export interface Assessment {
  cycle: number;
  referencePeriod: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  lookBack: { from: string; to: string; years: number };
  methodology: { id: string; version: number; title: string; status: string };
  /** The Art 66 key the comparison uses (src/cycle/fair-share.ts): the year and vintages of each figure. */
  fairShare: { population: { year: string; vintages: string[] }; gdp: { year: string; vintages: string[] }; notes: Note[] };
  union: UnionFigure[];
  /** Notes that hold for every state (coverage of a source, the route attribution). */
  dataNotes: Note[];
  decisionsRecorded: number;
  states: StateAssessment[];
}

/** The stored series the indicators read, from `fromYear` to the end of `toYear` (the reference period plus the substitution limit). */
export async function readAssessmentSeries(db: Queryable, fromYear: number, toYear: number) {
  const series = new Map<string, Map<string, SeriesPoint[]>>();
  const bounds = { from: String(fromYear), to: `${toYear}-12` };
  const sources = sourcesOf(ASSESSMENT_INDICATORS.filter((i) => i.scope !== 'routes'));
  // One query for every series without extra dimensions, one per series with them: round trips dominate the reads.
  const groups = [sources.filter((s) => !s.dims), ...sources.filter((s) => s.dims).map((s) => [s])];
  for (const group of groups) {
    const dims = group[0]!.dims;
    const rows = await queryObservations(db, { indicator: group.map((s) => s.series), geos: SOLIDARITY_STATES, ...bounds, ...(dims ? { dims } : {}) });
    for (const source of group) series.set(sourceKey(source), new Map());
    for (const o of rows) {
      const byGeo = series.get(sourceKey({ series: o.indicator as IndicatorId, ...(dims ? { dims } : {}) }))!;
      const list = byGeo.get(o.geo) ?? [];
      list.push({ period: o.period, value: o.value, flags: o.flags, source: o.source, vintage: o.vintage });
      byGeo.set(o.geo, list);
    }
  }
  const routes = new Map<string, SeriesPoint[]>();
  // Rows by route only: the nationality breakdown and the press year-to-date figures carry more dimensions.
  const crossings = await queryObservations(db, { indicator: 'irregular_crossings', geos: ['EU27_2020'], anyDims: true, dimKeys: ['route'], ...bounds });
  for (const o of crossings) {
    if (!o.dims?.route) continue;
    const list = routes.get(o.dims.route) ?? [];
    list.push({ period: o.period, value: o.value, flags: o.flags, source: o.source, vintage: o.vintage });
    routes.set(o.dims.route, list);
  }
  return { series, routes };
}

/** The latest Art 11 decision recorded in the cycle's pool ledger, if any (the pool's notion of the same decision). */
async function classificationEvent(db: Queryable, cycle: number): Promise<PoolEventOf<'classification-recorded'> | undefined> {
  const entries = await readEntries(db, cycle);
  const last = entries.filter((e) => e.type === 'classification-recorded').at(-1);
  return last?.payload as PoolEventOf<'classification-recorded'> | undefined;
}

/**
 * Every Art 11 decision record of a cycle: those stored with `decision record` and the one the Commission put in the
 * pool ledger. `currentDecisions` gives the ones in force.
 */
export async function decisionRecords(db: Queryable, cycle: number): Promise<DecisionRecord[]> {
  const records: DecisionRecord[] = [...(await listDecisions(db, cycle))];
  const ledger = await classificationEvent(db, cycle);
  if (ledger) records.push(...decisionsFromPoolEvent(cycle, ledger.payload, ledger.at, ledger.role));
  return records;
}

/** The assessment of one cycle; throws InputError (exit 2) for an unknown cycle or one with no data. */
export async function runAssessment(db: Queryable, opts: AssessmentOptions): Promise<Assessment> {
  const methodology = typeof opts.methodology === 'object' ? opts.methodology : loadMethodology(opts.methodology);
  const periods = referencePeriods(opts.cycle, methodology.parameters.lookBackYears);
  const shares = await fairSharesForCycle(db, { cycle: opts.cycle });
  const key: KeyRow[] = shares.states.map((s) => ({ code: s.code, share: s.share, population: s.population, gdpMeur: s.gdp }));
  const maxGap = methodology.parameters.maxSubstitutionMonths;
  const reach = Math.ceil(maxGap / 12) + 1;
  const { series, routes } = await readAssessmentSeries(db, Number(periods.cumulative.from.slice(0, 4)) - reach, Number(periods.current.to.slice(0, 4)) + reach);
  const computed = computeIndicators({
    periods,
    key,
    indicators: ASSESSMENT_INDICATORS,
    series,
    routes,
    routeTable: opts.routeTable ?? loadRouteAttribution(),
    maxGapMonths: maxGap,
  });
  const anyCurrent = [...computed.byState.values()].some((figs) => figs.some((f) => f.period === 'current' && f.value !== null && f.value > 0));
  if (!anyCurrent) {
    throw new InputError(`no data in the store for the ${opts.cycle} cycle's reference period ${periods.current.from} to ${periods.current.to} (nor within ${maxGap} months of it); load the data first (pactcycle data load)`, { field: 'cycle' });
  }
  const classes = new Map(classify(methodology, computed.byState).map((c) => [c.code, c]));

  const records = await decisionRecords(db, opts.cycle);
  const inForce = currentDecisions(records);

  const states: StateAssessment[] = key.map((k) => {
    const c = classes.get(k.code)!;
    const decisions = inForce.filter((d) => d.state === k.code);
    return {
      code: k.code,
      name: stateInfo(k.code).nameEn,
      categories: c.categories,
      evidence: c.evidence,
      sarGround: c.sarGround,
      dataNotes: [...computed.notes.get(k.code)!, ...c.notes],
      fairShare: k.share,
      indicators: computed.byState.get(k.code)!,
      decisions,
      disagreements: disagreements(c.categories, decisions),
    };
  });
  return {
    cycle: opts.cycle,
    referencePeriod: spanDates(periods.current),
    previousPeriod: spanDates(periods.previous),
    lookBack: { ...spanDates(periods.cumulative), years: periods.lookBackYears },
    methodology: { id: methodology.id, version: methodology.version, title: methodology.title, status: methodology.status },
    fairShare: {
      population: { year: shares.population.year, vintages: shares.population.vintages },
      gdp: { year: shares.gdp.year, vintages: shares.gdp.vintages },
      notes: shares.dataNotes,
    },
    union: computed.union,
    dataNotes: [
      ...(opts.cycle < FIRST_CYCLE ? [note('assessment.backcast', { first: FIRST_CYCLE, version: String(methodology.version) })] : []),
      ...computed.generalNotes,
    ],
    decisionsRecorded: records.length,
    states,
  };
}
