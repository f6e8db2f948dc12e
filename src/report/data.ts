/**
 * Everything the Report prints, computed once by the engine and independent of language: the same object feeds
 * both languages, the annexes and the tests.
 */
import { coverageSummary, type CoverageSummary } from '../data/coverage.ts';
import { InputError } from '../domain/errors.ts';
import { situationReport, type Situation } from '../cycle/situation.ts';
import type { Queryable } from '../store/db.ts';
import { countObservations } from '../store/observations.ts';
import { inputFiles, latestVintages, type InputFile } from './manifest.ts';

export interface ReportData {
  cycle: number;
  coverage: CoverageSummary;
  situation: Situation;
  inputs: InputFile[];
  vintages: Record<string, string>;
  /** Sections that cannot be written yet, with the reason (stated in the Report and its manifest). */
  omitted: { section: string; reason: string }[];
}

export async function gatherReportData(db: Queryable, cycle: number): Promise<ReportData> {
  if ((await countObservations(db)) === 0) throw new InputError('the store holds no data; load it first with `pactcycle data load`', { field: 'cycle' });
  const situation = await situationReport(db, cycle);
  // A cycle whose reference period no series reaches (on any basis) has no Report to write.
  const current = situation.tables.some((t) => t.rows.some((r) => r.reference?.yearsBack === 0));
  if (!current) {
    throw new InputError(
      `no data covers the reference period ${situation.reference.first}..${situation.reference.last} of the ${cycle} cycle (nor the calendar year ${situation.reference.first.slice(0, 4)})`,
      { field: 'cycle' },
    );
  }
  const [coverage, inputs, vintages] = [await coverageSummary(db, { cycleYear: cycle }), await inputFiles(db), await latestVintages(db)];
  return { cycle, coverage, situation, inputs, vintages, omitted: [] };
}
