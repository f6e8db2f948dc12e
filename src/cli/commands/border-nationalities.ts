/**
 * `pactcycle border-nationalities --year Y [--json]`: the nationalities channelled to the mandatory border procedure
 * (APR Art 42(1)(j), 45(1)), or the statement that the data by citizenship is missing.
 */
import type { Command } from 'commander';
import { borderNationalitiesFromStore, type BorderNationalitiesReport } from '../../cycle/border-nationalities.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import { formatTable, printJson, withStore } from '../io.ts';
import { parseYear } from './capacity.ts';

/** The stable JSON shape of `border-nationalities --json`; every text is a note: `{key, params, text}`. */
export function borderNationalitiesJson(r: BorderNationalitiesReport) {
  return {
    year: r.year,
    status: r.status,
    threshold: r.threshold,
    dataYear: r.result?.dataYear ?? null,
    statement: noteJson(r.statement),
    dataNeeded: noteJson(r.dataNeeded),
    nationalities: (r.result?.rates ?? []).map((x) => ({
      citizen: x.citizen,
      decisions: x.decisions,
      positive: x.positive,
      rate: Number(x.rate.toFixed(6)),
      threshold: x.threshold,
      channelled: x.channelled,
      reasoning: noteJson(x.reasoning),
    })),
    channelled: r.result?.channelled ?? [],
    excluded: (r.result?.excluded ?? []).map((x) => ({ citizen: x.citizen, reason: noteJson(x.reason) })),
    caveats: notesJson(r.result?.caveats ?? []),
    stored: r.stored,
    notes: notesJson(r.notes),
  };
}

export function register(program: Command): void {
  program
    .command('border-nationalities')
    .description('Nationalities with a Union-wide first-instance recognition rate of 20 % or lower: mandatory border procedure (APR Art 42(1)(j), 45(1))')
    .requiredOption('--year <year>', 'calendar year from 2026 in which the border procedure is applied (data: the latest year before)')
    .option('--json', 'print JSON')
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = parseYear(opts.year);
      const report = await withStore((db) => borderNationalitiesFromStore(db, year));
      if (opts.json) return printJson(borderNationalitiesJson(report));
      process.stdout.write(noteText(report.statement) + '\n');
      if (report.result && report.result.rates.length) {
        process.stdout.write(
          '\n' +
            formatTable(
              ['citizen', 'decisions', 'positive', 'rate %', 'channelled'],
              report.result.rates.map((x) => [x.citizen, x.decisions, x.positive, (x.rate * 100).toFixed(1), x.channelled ? 'yes (Art 42(1)(j))' : 'no']),
            ) + '\n',
        );
        for (const c of report.result.caveats) process.stdout.write(`\n- ${noteText(c)}`);
      }
      for (const n of report.notes) process.stdout.write(`\n- ${noteText(n)}`);
      process.stdout.write('\n');
    });
}
