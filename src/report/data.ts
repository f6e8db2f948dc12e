/**
 * Everything the Report prints, computed once by the engine and independent of language: the same object feeds
 * both languages, the annexes and the tests.
 */
import { coverageSummary, type CoverageSummary } from '../data/coverage.ts';
import { InputError } from '../domain/errors.ts';
import { situationReport, type Situation } from '../cycle/situation.ts';
import { overlaps } from '../domain/situation.ts';
import { runAssessment, type Assessment } from '../cycle/assess.ts';
import { capacityOutlookFromStore, type CapacityOutlookReport } from '../cycle/capacity-outlook.ts';
import { fairSharesForCycle, type CycleFairShares } from '../cycle/fair-share.ts';
import { implementationOverview } from '../cycle/implementation.ts';
import { toolboxSummary } from '../cycle/support-toolbox.ts';
import { poolReport, type PoolReport } from '../cycle/pool-report.ts';
import { forecastRoutes, type RouteForecasts } from '../cycle/route-forecast.ts';
import { APR_APPLIES_FROM } from '../domain/procedures/capacity-acts.ts';
import type { MilestoneRecord, UnionOverview } from '../domain/procedures/implementation-plan.ts';
import type { ToolboxSummary } from '../domain/procedures/support-toolbox.ts';
import type { Db } from '../store/db.ts';
import { countObservations } from '../store/observations.ts';
import { inputFiles, latestVintages, type InputFile } from './manifest.ts';

export interface ReportData {
  cycle: number;
  coverage: CoverageSummary;
  situation: Situation;
  inputs: InputFile[];
  vintages: Record<string, string>;
  forecast: RouteForecasts;
  /** Null when the store cannot give the key (the reason is in `omitted`). */
  fairShares: CycleFairShares | null;
  pool: PoolReport | null;
  /** Will the border-procedure capacity hold in the cycle year (APR Arts 48, 50)? Null when it cannot be computed. */
  capacityOutlook: CapacityOutlookReport | null;
  implementation: UnionOverview & { records: MilestoneRecord[] };
  /** Requests to the Migration Support Toolbox as recorded when the Report is written, in aggregate. */
  toolbox: ToolboxSummary;
  /** The classification evidence and the recorded decisions (Arts 9–11); null when it cannot be computed. */
  assessment: Assessment | null;
  /** Sections that cannot be written yet, with the reason (stated in the Report and its manifest). */
  omitted: { section: string; reason: string }[];
}

/** Runs a part that may lack its data; an InputError becomes a stated omission, anything else is a bug and is thrown. */
async function optional<T>(section: string, omitted: ReportData['omitted'], fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    omitted.push({ section, reason: err.message });
    return null;
  }
}

/**
 * Everything the Report shows for `cycle`. `known.assessment`: the same store's assessment of the same cycle, when the
 * caller has just computed it (`start` does, to print it), so it is not computed twice.
 */
export async function gatherReportData(db: Db, cycle: number, known: { assessment?: Assessment } = {}): Promise<ReportData> {
  if ((await countObservations(db)) === 0) throw new InputError('the store holds no data; load it first with `pactcycle data load`', { field: 'cycle' });
  const situation = await situationReport(db, cycle);
  // A cycle whose reference period no series reaches, even in part, has no Report to write.
  const current = situation.tables.some((t) => t.rows.some((r) => r.reference && overlaps(r.reference.window, situation.reference)));
  if (!current) {
    throw new InputError(
      `no data covers the reference period ${situation.reference.first}..${situation.reference.last} of the ${cycle} cycle, not even in part`,
      { field: 'cycle' },
    );
  }
  const [coverage, inputs, vintages] = [await coverageSummary(db, { cycleYear: cycle }), await inputFiles(db), await latestVintages(db)];
  const omitted: ReportData['omitted'] = [];
  const forecast = await forecastRoutes(db, cycle);
  const fairShares = await optional('fair-shares', omitted, () => fairSharesForCycle(db, { cycle }));
  const assessment = known.assessment ?? (await optional('assessment', omitted, () => runAssessment(db, { cycle })));
  const pool = await optional('pool', omitted, () => poolReport(db, cycle, assessment ?? undefined));
  // The year the pool is for is the year whose border-procedure capacity is at stake (APR Art 47: per calendar year).
  const capacityOutlook = await optional('capacity-outlook', omitted, async () => {
    if (cycle < 2026) throw new InputError(`the border procedure and its capacity apply from ${APR_APPLIES_FROM} (APR Art 79(2)), after the ${cycle} cycle`, { field: 'cycle' });
    return capacityOutlookFromStore(db, cycle, { forecasts: forecast.series });
  });
  const implementation = await implementationOverview(db);
  const toolbox = await toolboxSummary(db);
  return { cycle, coverage, situation, inputs, vintages, forecast, fairShares, pool, capacityOutlook, implementation, toolbox, assessment, omitted };
}
