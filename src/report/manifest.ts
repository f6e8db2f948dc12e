/**
 * The Report's `manifest.json`: what it was made from, so that anyone can make it again — every input file with its
 * sha256 and vintage (as recorded when it was loaded), the methodology version, the cycle and reference period, and
 * the sha256 of every file of the Report itself.
 */
import type { Queryable } from '../store/db.ts';

/** Bumped whenever a rule that changes a printed figure changes (methodology section, `methodology/`). */
export const METHODOLOGY_VERSION = '2026.1';

export interface InputFile {
  file: string;
  sha256: string;
  source: string;
  vintages: string[];
  indicators: string[];
  rows: number;
}

/** Every file loaded into the store, one entry per distinct content (a file loaded again unchanged counts once). */
export async function inputFiles(db: Queryable): Promise<InputFile[]> {
  const rows = await db.query<{ source_file: string; sha256: string; source: string; vintage: string; indicator: string; rows_read: number }>(
    'SELECT source_file, sha256, source, vintage, indicator, rows_read FROM data_load ORDER BY source_file, sha256, id',
  );
  const out = new Map<string, InputFile>();
  for (const r of rows) {
    const key = `${r.source_file}|${r.sha256}`;
    const f = out.get(key) ?? { file: r.source_file, sha256: r.sha256, source: r.source, vintages: [], indicators: [], rows: r.rows_read };
    if (!f.vintages.includes(r.vintage)) f.vintages.push(r.vintage);
    for (const i of r.indicator.split(',')) if (!f.indicators.includes(i)) f.indicators.push(i);
    out.set(key, f);
  }
  return [...out.values()];
}

export interface ReportManifest {
  report: 'European Annual Asylum and Migration Report';
  legalBasis: 'Regulation (EU) 2024/1351, Art 9';
  cycle: number;
  language: string;
  referencePeriod: { first: string; last: string };
  previousPeriod: { first: string; last: string };
  methodologyVersion: string;
  generator: { name: 'pactcycle'; version: string };
  /** The latest vintage used of each indicator. */
  dataVintages: Record<string, string>;
  inputs: InputFile[];
  /** Sections left out, with the reason (e.g. the classification before it is computed). */
  omitted: { section: string; reason: string }[];
  /** sha256 of each file of the Report folder (except this manifest). */
  files: Record<string, string>;
}

export async function latestVintages(db: Queryable): Promise<Record<string, string>> {
  const rows = await db.query<{ indicator: string; vintage: string }>('SELECT indicator, max(vintage) AS vintage FROM observation GROUP BY indicator ORDER BY indicator');
  return Object.fromEntries(rows.map((r) => [r.indicator, r.vintage]));
}
