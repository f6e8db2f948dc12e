/**
 * The manifest of a tidy data folder: for every file, which indicator(s) its rows feed, which columns hold geo,
 * period and value, where the figures come from (source, dataset, vintage) and what the loader must do to turn a row
 * into an observation in the store's conventions (notes/conventions.md). `data/manifest.json` describes
 * `../shared/data`; a folder may carry its own `manifest.json`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../domain/errors.ts';
import { canonicalPeriod } from '../domain/period.ts';
import { isIndicatorId } from './registry.ts';

const vintage = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a vintage is YYYY, YYYY-MM or YYYY-MM-DD');
const period = z.string().refine((p) => canonicalPeriod(p) !== null, 'not a period (YYYY, YYYY-Qn or YYYY-MM)');
const indicatorId = z.string().refine(isIndicatorId, 'not an indicator id of src/data/registry.ts');

/** One indicator the rows of a file feed; `when` picks the rows (a split), `valueColumn` a wide column. */
const target = z.strictObject({
  indicator: indicatorId,
  when: z.strictObject({ column: z.string(), equals: z.string() }).optional(),
  valueColumn: z.string().optional(),
  /** Overrides the file's source for these rows (e.g. one dataset code per split). */
  source: z.string().optional(),
  dataset: z.string().optional(),
  /** Constant extra dimensions for these rows, e.g. `{ "origin": "UKR" }`. */
  dims: z.record(z.string(), z.string()).optional(),
});

/** A per-row provenance looked up from a column (e.g. population_1jan.csv's `source_id`). */
const rowProvenance = z.strictObject({
  column: z.string(),
  values: z.record(z.string(), z.strictObject({ vintage, flags: z.string().optional(), source: z.string().optional() })),
});

const fileEntry = z.strictObject({
  file: z.string().min(1),
  description: z.string().optional(),
  /** `publisher:dataset`, e.g. `eurostat:demo_pjan`, `frontex:ibc`, `unhcr:refugees`. */
  source: z.string().min(1),
  dataset: z.string().optional(),
  /** The release or extraction date; absent when `rowProvenance` or `vintageColumn` gives it per row. */
  vintage: vintage.optional(),
  /** A column holding the vintage of each row verbatim (e.g. the release month of a press figure). */
  vintageColumn: z.string().optional(),
  rowProvenance: rowProvenance.optional(),
  columns: z.strictObject({
    /** The geo column, or a fixed geo for data that are not by state (Frontex routes are stored under EU27_2020). */
    geo: z.union([z.string(), z.strictObject({ fixed: z.string() })]),
    period: z.string(),
    /** Dates (`YYYY-MM-DD`) in the period column are reduced to their month, keeping the latest date of each month. */
    periodIsDate: z.boolean().optional(),
    value: z.string().default('value'),
    /** Extra dimensions: store name → column name. */
    dims: z.record(z.string(), z.string()).optional(),
  }),
  targets: z.array(target).min(1),
  /** The periods the file covers (inclusive); a row outside is an error. */
  periods: z.strictObject({ from: period, to: period }),
  /** Columns whose values become flags; `map` rewrites values (empty string = no flag). */
  flagColumns: z.array(z.strictObject({ column: z.string(), map: z.record(z.string(), z.string()).optional() })).optional(),
  /** Flags added to every row of a period, e.g. `{ "2025-09": "partial" }` for a month the file covers in part. */
  periodFlags: z.record(z.string(), z.string()).optional(),
  /** Columns summed over (removed from the key), as conventions.md asks for Frontex's land/sea `type`. */
  sumOver: z.array(z.string()).optional(),
  /** Sub-national areas stored under their state with a dimension (IOM DTM's two parts of Spain). */
  subAreas: z.strictObject({ dim: z.string(), codes: z.record(z.string(), z.string()) }).optional(),
  /** Rows where `column` equals `equals` are annual totals stamped on a month: stored as the year. */
  annualWhen: z.strictObject({ column: z.string(), equals: z.string() }).optional(),
  /** Counts published with floating-point noise (UN WPP's modelled 8481411.00000001) are rounded to whole numbers. */
  round: z.boolean().optional(),
  /** Rows of a fallback file are kept only where no other file of the folder gives the same figure. */
  fallback: z.boolean().optional(),
});

/**
 * A file of the folder in one of Eurostat's own formats (a saved API answer or a bulk download), read by the parsers
 * of src/data/eurostat/ into the indicators of the source registry. The dataset and vintage are needed where the file
 * does not say them (bulk TSV; SDMX 3.0 CSV has no release date).
 */
const eurostatEntry = z.strictObject({
  file: z.string().min(1),
  description: z.string().optional(),
  format: z.enum(['jsonstat', 'sdmx-csv', 'tsv']),
  dataset: z.string().regex(/^[a-z0-9_]+$/, 'a Eurostat dataset code in lower case').optional(),
  vintage: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a vintage here is YYYY-MM-DD').optional(),
  /** The periods the file covers (inclusive); a cell outside is an error. */
  periods: z.strictObject({ from: period, to: period }).optional(),
  fallback: z.boolean().optional(),
});

export const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  files: z.array(fileEntry),
  /** Files in Eurostat's formats (JSON-stat 2.0, SDMX-CSV, bulk TSV). */
  eurostat: z.array(eurostatEntry).default([]),
  /** Files of the folder deliberately not loaded, with the reason. */
  notLoaded: z.array(z.strictObject({ file: z.string(), reason: z.string() })).default([]),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileEntry>;
export type ManifestTarget = z.infer<typeof target>;
export type ManifestEurostatFile = z.infer<typeof eurostatEntry>;

export function parseManifest(text: string, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, { file });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  const manifest = result.data;
  const seen = new Set<string>();
  manifest.eurostat.forEach((f, i) => {
    if (seen.has(f.file)) throw new InputError(`the file ${f.file} is described twice`, { file, field: `eurostat.${i}.file` });
    seen.add(f.file);
    if (f.format === 'tsv' && (!f.dataset || !f.vintage)) {
      throw new InputError(`${f.file}: a bulk TSV file names neither its dataset nor its release; give dataset and vintage`, { file, field: `eurostat.${i}` });
    }
  });
  manifest.files.forEach((f, i) => {
    if (seen.has(f.file)) throw new InputError(`the file ${f.file} is described twice`, { file, field: `files.${i}.file` });
    seen.add(f.file);
    if (!f.vintage && !f.vintageColumn && !f.rowProvenance) {
      throw new InputError(`${f.file}: give a vintage, a vintageColumn or a rowProvenance`, { file, field: `files.${i}.vintage` });
    }
  });
  return manifest;
}

export function readManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the manifest: ${(err as Error).message}`, { file: path });
  }
  return parseManifest(text, path);
}
