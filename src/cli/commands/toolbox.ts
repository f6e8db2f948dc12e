/** `pactcycle toolbox catalogue|requests`: the Migration Support Toolbox (AMMR Art 6(3)) from the command line. */
import type { Command } from 'commander';
import { AT_RISK_FROM_DECISIONS, toolboxView } from '../../cycle/support-toolbox.ts';
import { TOOLBOX_CATALOGUE } from '../../domain/procedures/support-toolbox.ts';
import { formatTable, printJson, withStore } from '../io.ts';

export function register(program: Command): void {
  const cmd = program.command('toolbox').description('The permanent EU Migration Support Toolbox (AMMR Art 6(3)): catalogue and requests');

  cmd
    .command('catalogue')
    .description('the support the Toolbox offers')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return printJson(TOOLBOX_CATALOGUE);
      process.stdout.write(formatTable(['id', 'support', 'basis'], TOOLBOX_CATALOGUE.map((i) => [i.id, i.label, i.basis])) + '\n');
    });

  cmd
    .command('requests')
    .description("every request in serving order (the Commission's and the Coordinator's view)")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const view = await withStore(async (db) => toolboxView(db, { name: 'cli', role: 'commission' }, await AT_RISK_FROM_DECISIONS(db)));
      if (opts.json) return printJson(view);
      process.stdout.write(
        formatTable(['rank', 'state', 'item', 'status', 'priority', 'submitted'], view.requests.map((r) => [r.rank, r.state, r.item, r.status, r.priority, r.submittedAt.slice(0, 10)])) +
          `\n\nAt risk: ${view.atRisk.basis}\n`,
      );
    });
}
