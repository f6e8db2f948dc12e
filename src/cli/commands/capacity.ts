/** `pactcycle capacity --year 2026 [--json]`: adequate capacity for the border procedure (APR Arts 46–47). */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { adequateCapacityFromStore, type CapacityReport } from '../../cycle/adequate-capacity.ts';
import { formatTable, printJson, withStore } from '../io.ts';

/** The stable JSON shape of `capacity --json`. */
export function capacityJson(r: CapacityReport) {
  return {
    year: r.year,
    act: r.act,
    window: r.window,
    unionCapacity: r.unionCapacity,
    annualMaximumMultiplier: r.multiplier,
    annualMaximumFrom: r.annualMaximumFrom,
    components: r.components,
    states: r.states.map((s) => ({
      code: s.code,
      crossings: s.crossings,
      sar: s.sar,
      refusals: s.refusals,
      share: Number(s.share.toFixed(6)),
      capacity: s.capacity,
      annualMaximum: s.annualMaximum,
    })),
    attributionTable: r.attributionTable,
    unattributedCrossings: r.unattributedCrossings,
    dataUsed: r.dataUsed,
    substitutions: r.substitutions,
    notes: r.notes,
  };
}

export function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2026) throw new UsageError(`--year must be a year from 2026 (the APR applies from 12 June 2026), got ${text}`);
  return year;
}

export function register(program: Command): void {
  program
    .command('capacity')
    .description('Adequate capacity for the asylum border procedure per Member State and its annual maximum (APR Arts 46-47)')
    .requiredOption('--year <year>', 'calendar year from 2026')
    .option('--json', 'print JSON')
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = parseYear(opts.year);
      const report = await withStore((db) => adequateCapacityFromStore(db, year));
      if (opts.json) return printJson(capacityJson(report));
      const dash = (v: number | null) => (v === null ? '—' : v);
      process.stdout.write(
        `Adequate capacity ${year} under ${report.act.name}; data ${report.window.from} to ${report.window.to}; Union ${report.unionCapacity.toLocaleString('en-GB')}` +
          (report.multiplier ? `; annual maximum ${report.multiplier}× capacity from ${report.annualMaximumFrom}` : '') + '\n\n',
      );
      process.stdout.write(
        formatTable(
          ['state', 'crossings', 'SAR', 'refusals', 'share %', 'capacity', 'annual max'],
          report.states.map((s) => [s.code, dash(s.crossings), dash(s.sar), dash(s.refusals), (s.share * 100).toFixed(2), s.capacity, dash(s.annualMaximum)]),
        ) + '\n',
      );
      for (const line of [...report.substitutions, ...report.notes]) process.stdout.write(`\n- ${line}`);
      process.stdout.write('\n');
    });
}
