/**
 * The European Annual Asylum and Migration Report (AMMR Art 9) as files: `report.html` (self-contained),
 * `report.pdf` (printed by Chromium), `annexes/` (CSV and JSON of every table, `tables.xlsx`) and `manifest.json`
 * (inputs with their sha256 and vintages, methodology version, hash of every file). Written all or nothing.
 *
 * @example
 * const r = await writeReport(db, { cycle: 2026, lang: 'en', out: 'out/report-2026-en', pdf: false });
 * console.log(r.dir, r.files);
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import { writeAnnexes } from './annexes.ts';
import { buildReport } from './build.ts';
import { gatherReportData, type ReportData } from './data.ts';
import { renderHtml } from './html.ts';
import { catalog, createI18n, LANGUAGES } from './i18n/index.ts';
import { METHODOLOGY_VERSION, type ReportManifest } from './manifest.ts';
import { checkWritable, writeAtomically } from './output.ts';
import { printPdf } from './pdf.ts';

export { LANGUAGES } from './i18n/index.ts';
export { gatherReportData, type ReportData } from './data.ts';

export interface ReportOptions {
  cycle: number;
  /** A language of `src/report/i18n/` (en, nl); default en. */
  lang?: string;
  /** The folder to write; default `out/report-<cycle>-<lang>`. */
  out?: string;
  /** Print the PDF with Chromium (default true). */
  pdf?: boolean;
}

export interface ReportResult {
  dir: string;
  cycle: number;
  lang: string;
  /** Paths relative to `dir`. */
  files: string[];
  omitted: { section: string; reason: string }[];
  /** Milliseconds spent computing, rendering HTML and annexes, printing the PDF. */
  timings: { data: number; html: number; pdf: number };
}

export const defaultOut = (cycle: number, lang: string) => path.join('out', `report-${cycle}-${lang}`);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function checkOptions(opts: ReportOptions): { cycle: number; lang: string; out: string; pdf: boolean } {
  if (!Number.isInteger(opts.cycle) || opts.cycle < 2010 || opts.cycle > 2100) throw new InputError(`unknown cycle ${opts.cycle}: a cycle is a year from 2010 to 2100`, { field: 'cycle' });
  const lang = opts.lang ?? 'en';
  catalog(lang); // throws the UsageError naming the languages
  const out = opts.out ?? defaultOut(opts.cycle, lang);
  checkWritable(out); // before any work: an unwritable folder is known at once
  return { cycle: opts.cycle, lang, out, pdf: opts.pdf ?? true };
}

/** Writes the Report for one cycle in one language; `data` may be passed to reuse figures computed for another language. */
export async function writeReport(db: Db, options: ReportOptions, data?: ReportData): Promise<ReportResult> {
  const opts = checkOptions(options);
  const t0 = performance.now();
  const d = data ?? (await gatherReportData(db, opts.cycle));
  const t1 = performance.now();
  const i18n = createI18n(opts.lang);
  let t2 = t1;
  let t3 = t1;
  const files = await writeAtomically(opts.out, async (tmp) => {
    const built = buildReport(d, i18n);
    const html = renderHtml(built.document, i18n);
    writeFileSync(path.join(tmp, 'report.html'), html);
    mkdirSync(path.join(tmp, 'annexes'));
    const files = ['report.html', ...(await writeAnnexes(path.join(tmp, 'annexes'), built.tables, i18n))];
    t2 = performance.now();
    if (opts.pdf) {
      await printPdf(path.join(tmp, 'report.html'), path.join(tmp, 'report.pdf'));
      files.push('report.pdf');
    }
    t3 = performance.now();
    const manifest: ReportManifest = {
      report: 'European Annual Asylum and Migration Report',
      legalBasis: 'Regulation (EU) 2024/1351, Art 9',
      cycle: d.cycle,
      language: opts.lang,
      referencePeriod: d.situation.reference,
      previousPeriod: d.situation.previous,
      methodologyVersion: METHODOLOGY_VERSION,
      generator: { name: 'pactcycle', version: '0.1.0' },
      dataVintages: d.vintages,
      inputs: d.inputs,
      omitted: d.omitted,
      files: Object.fromEntries(files.map((f) => [f, sha256(path.join(tmp, f))])),
    };
    writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return [...files, 'manifest.json'];
  });
  return { dir: path.resolve(opts.out), cycle: d.cycle, lang: opts.lang, files, omitted: d.omitted, timings: { data: t1 - t0, html: t2 - t1, pdf: t3 - t2 } };
}

export { LANGUAGES as REPORT_LANGUAGES };
