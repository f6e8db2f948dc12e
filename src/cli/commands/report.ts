/**
 * `pactcycle report --cycle 2026 [--lang en|nl] [--out DIR] [--no-pdf] [--json]`: the European Annual Asylum and
 * Migration Report (AMMR Art 9) as report.html, report.pdf, annexes and manifest.json, written all or nothing.
 */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { LANGUAGES } from '../../report/i18n/index.ts';
import { printJson, withStore } from '../io.ts';
import { parseCycle } from '../cycle-option.ts';

export function register(program: Command): void {
  program
    .command('report')
    .description('Write the European Annual Asylum and Migration Report (Art 9): report.html, report.pdf, annexes (CSV, JSON, XLSX) and manifest.json')
    .requiredOption('--cycle <year>', 'cycle year (reference period July of year−2 to June of year−1)')
    .option('--lang <code>', `language: ${LANGUAGES.join(', ')}`, 'en')
    .option('--out <dir>', 'folder to write (replaced only once the new report is complete); default out/report-<cycle>-<lang>')
    .option('--no-pdf', 'skip the PDF (no Chromium needed)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { cycle: string; lang: string; out?: string; pdf: boolean; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      // Known before the store is opened: a wrong language is the caller's mistake, not the data's.
      if (!LANGUAGES.includes(opts.lang)) throw new UsageError(`unknown language "${opts.lang}"; the Report is written in ${LANGUAGES.join(', ')}`);
      // Loaded here, not at the top: the renderer (charts, PDF, XLSX) is most of the CLI's heap, and `serve`, which
      // shares this program, would otherwise carry it and mark it on every major garbage collection.
      const { writeReport } = await import('../../report/index.ts');
      const result = await withStore((db) => writeReport(db, { cycle, lang: opts.lang, pdf: opts.pdf, ...(opts.out ? { out: opts.out } : {}) }));
      if (opts.json) {
        printJson(result);
        return;
      }
      const lines = [`Report for the ${result.cycle} cycle (${result.lang}) written to ${result.dir}`, ...result.files.map((f) => `  ${f}`)];
      for (const o of result.omitted) lines.push(`not in this report: ${o.section} (${o.reason})`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
