/**
 * `pactcycle implementation show|set|review`: the national implementation plans from the command line. The CLI
 * acts on the store directly as an operator: `set` records as the Member State named, `review` as the Commission.
 */
import type { Command } from 'commander';
import { implementationOverview, listPlan, recordMilestone, reviewMilestone } from '../../cycle/implementation.ts';
import { formatTable, printJson, withStore } from '../io.ts';

export function register(program: Command): void {
  const cmd = program.command('implementation').description('National implementation plans of the Pact: milestones, status, evidence, Commission review');

  cmd
    .command('show')
    .description('the Union overview, or one Member State\'s milestones')
    .option('--state <code>', 'one Member State (Eurostat code)')
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; json?: boolean }) => {
      await withStore(async (db) => {
        if (opts.state) {
          const rows = await listPlan(db, opts.state);
          if (opts.json) return printJson(rows);
          process.stdout.write(formatTable(['milestone', 'status', 'review', 'evidence', 'updated'], rows.map((r) => [r.milestone, r.status, r.review, r.evidence, r.updatedAt.slice(0, 10)])) + '\n');
          return;
        }
        const o = await implementationOverview(db);
        if (opts.json) return printJson(o);
        process.stdout.write(
          formatTable(
            ['milestone', 'completed', 'accepted', 'in progress', 'delayed', 'not started', 'not reported'],
            o.milestones.map((m) => [m.milestone, m.counts.completed, m.acceptedByCommission, m.counts['in-progress'], m.counts.delayed, m.counts['not-started'], m.counts['not-reported']]),
          ) + `\n\n${o.statesNotReporting.length} of ${o.states} Member States have reported nothing${o.statesNotReporting.length ? `: ${o.statesNotReporting.join(', ')}` : ''}.\n`,
        );
      });
    });

  cmd
    .command('set')
    .description('record a milestone for a Member State (as that Member State)')
    .requiredOption('--state <code>', 'Member State (Eurostat code)')
    .requiredOption('--milestone <id>', 'legal-framework, screening, eurodac, border-procedure-capacity, reception, staffing, contingency-plan, national-strategy')
    .requiredOption('--status <status>', 'not-started, in-progress, completed, delayed')
    .option('--evidence <text>', 'what shows it (required for completed)', '')
    .option('--target-date <date>', 'planned completion (YYYY-MM-DD)')
    .option('--as <name>', 'who records it', 'cli')
    .option('--json', 'print JSON')
    .action(async (opts: { state: string; milestone: string; status: string; evidence: string; targetDate?: string; as: string; json?: boolean }) => {
      const r = await withStore((db) =>
        recordMilestone(db, { name: opts.as, role: `member-state:${opts.state}` }, opts.state, { milestone: opts.milestone, status: opts.status, evidence: opts.evidence, targetDate: opts.targetDate ?? null }, new Date()),
      );
      if (opts.json) printJson(r);
      else process.stdout.write(`${r.state} ${r.milestone}: ${r.status}, sent to the Commission for review\n`);
    });

  cmd
    .command('review')
    .description('review a milestone (as the Commission)')
    .requiredOption('--state <code>', 'Member State (Eurostat code)')
    .requiredOption('--milestone <id>', 'milestone id')
    .requiredOption('--outcome <outcome>', 'accepted or returned')
    .option('--note <text>', 'why (required when returned)', '')
    .option('--as <name>', 'who reviews', 'cli')
    .option('--json', 'print JSON')
    .action(async (opts: { state: string; milestone: string; outcome: string; note: string; as: string; json?: boolean }) => {
      const r = await withStore((db) => reviewMilestone(db, { name: opts.as, role: 'commission' }, opts.state, opts.milestone, opts.outcome, opts.note, new Date()));
      if (opts.json) printJson(r);
      else process.stdout.write(`${r.state} ${r.milestone}: ${r.review}\n`);
    });
}
