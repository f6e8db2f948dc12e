/** `pactcycle fairshare --cycle 2026 [--as-of VINTAGE] [--population-year Y] [--gdp-year Y] [--json]`: the Art 66 key. */
import type { Command } from 'commander';
import { fairSharesForCycle, type CycleFairShares } from '../../cycle/fair-share.ts';
import { formatSharePercent } from '../../domain/fair-share.ts';
import { InputError } from '../../domain/errors.ts';
import { notesJson, noteText } from '../../notes/index.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, printJson, withStore } from '../io.ts';

/** The stable JSON shape of `fairshare --json`; `share` is a fraction, `gdp` in EUR million. */
export function fairShareJson(r: CycleFairShares) {
  return {
    cycle: r.cycle,
    vintage: { population: r.population.vintages.join(', '), gdp: r.gdp.vintages.join(', ') },
    periods: { population: r.population.year, gdp: r.gdp.year },
    units: { population: r.population.unit, gdp: r.gdp.unit },
    states: r.states.map((s) => ({ code: s.code, population: s.population, gdp: s.gdp, share: s.share })),
    dataNotes: notesJson(r.dataNotes),
  };
}

export function parseYearOption(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new InputError(`expected a year, got "${text}"`, { field });
  return Number(text);
}

export function register(program: Command): void {
  program
    .command('fairshare')
    .description('Fair shares of the 26 bound Member States: 50 % population, 50 % GDP (Art 66, Annex I)')
    .requiredOption('--cycle <year>', 'cycle year (2026: the pool proposed in autumn 2025)')
    .option('--as-of <vintage>', 'only data published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--population-year <year>', 'population on 1 January of this year instead of the latest')
    .option('--gdp-year <year>', 'GDP of this year instead of the latest')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; asOf?: string; populationYear?: string; gdpYear?: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const populationYear = parseYearOption(opts.populationYear, '--population-year');
      const gdpYear = parseYearOption(opts.gdpYear, '--gdp-year');
      const r = await withStore((db) =>
        fairSharesForCycle(db, { cycle, ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(populationYear ? { populationYear } : {}), ...(gdpYear ? { gdpYear } : {}) }),
      );
      if (opts.json) return printJson(fairShareJson(r));
      process.stdout.write(
        `Fair shares for the ${cycle} cycle (Art 66): population on 1 January ${r.population.year} (vintage ${r.population.vintages.join(', ')}), ` +
          `GDP ${r.gdp.year} (vintage ${r.gdp.vintages.join(', ')})\n\n`,
      );
      process.stdout.write(
        formatTable(
          ['state', 'name', 'population', 'GDP € million', 'share %'],
          r.states.map((s) => [s.code, s.name, s.population, Math.round(s.gdp), formatSharePercent(s.share)]),
        ) + '\n',
      );
      for (const n of r.dataNotes) process.stdout.write(`note: ${noteText(n)}\n`);
    });
}
