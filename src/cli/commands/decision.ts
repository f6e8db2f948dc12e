/**
 * `pactcycle decision record|list`: the Commission's Art 11 classification as decision records, per state and
 * category, apart from the computed evidence (src/domain/assessment/decisions.ts).
 */
import type { Command } from 'commander';
import { parseDecision } from '../../domain/assessment/decisions.ts';
import { InputError } from '../../domain/errors.ts';
import { listDecisions, recordDecision } from '../../store/decisions.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, printJson, withStore } from '../io.ts';

function parseAdopted(text: string): boolean {
  if (text === 'yes') return true;
  if (text === 'no') return false;
  throw new InputError(`expected yes or no, got "${text}"`, { field: '--adopted' });
}

interface RecordOptions {
  cycle: string;
  state: string;
  category: string;
  adopted: string;
  ground: string;
  date: string;
  act: string;
  by: string;
  json?: boolean;
}

export function register(program: Command): void {
  const decision = program.command('decision').description('Decision records of the Art 11 classification (adopted or not, ground, date, act, who)');
  decision
    .command('record')
    .description('record the decision for one state and category (a later record supersedes an earlier one; none is ever changed)')
    .requiredOption('--cycle <year>', 'cycle year')
    .requiredOption('--state <code>', 'Eurostat code of the Member State (EL for Greece)')
    .requiredOption('--category <category>', 'under-pressure, at-risk or significant-situation')
    .requiredOption('--adopted <yes|no>', 'whether the decision identifies the state in the category')
    .requiredOption('--ground <text>', 'the stated ground (e.g. "threat of instrumentalisation")')
    .requiredOption('--date <YYYY-MM-DD>', 'date of the decision')
    .requiredOption('--act <reference>', 'the act, e.g. "Commission Implementing Decision (EU) 2025/2323"')
    .requiredOption('--by <name>', 'who records it')
    .option('--json', 'print JSON')
    .action(async (opts: RecordOptions) => {
      const record = parseDecision({
        cycle: parseCycle(opts.cycle),
        state: opts.state,
        category: opts.category,
        adopted: parseAdopted(opts.adopted),
        ground: opts.ground,
        date: opts.date,
        act: opts.act,
        by: opts.by,
      });
      const stored = await withStore((db) => recordDecision(db, record));
      if (opts.json) return printJson(stored);
      process.stdout.write(`Recorded decision ${stored.id}: ${stored.state} ${stored.adopted ? 'identified' : 'not identified'} as ${stored.category} in the ${stored.cycle} cycle (${stored.act}, ${stored.date}).\n`);
    });
  decision
    .command('list')
    .description('every decision record of a cycle, oldest first')
    .requiredOption('--cycle <year>', 'cycle year')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const records = await withStore((db) => listDecisions(db, cycle));
      if (opts.json) return printJson({ cycle, decisions: records });
      if (records.length === 0) return void process.stdout.write(`No decision recorded for the ${cycle} cycle.\n`);
      process.stdout.write(
        formatTable(
          ['id', 'state', 'category', 'adopted', 'date', 'act', 'ground', 'by'],
          records.map((r) => [r.id, r.state, r.category, r.adopted ? 'yes' : 'no', r.date, r.act, r.ground, r.by]),
        ) + '\n',
      );
    });
}
