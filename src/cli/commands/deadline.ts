/** `pactcycle deadline --procedure NAME --from DATE [--json]`: the time limits of a procedure of the Pact. */
import type { Command } from 'commander';
import { computeDeadlines, type DeadlineResult } from '../../domain/procedures/deadlines.ts';
import { formatTable, printJson } from '../io.ts';

export function renderDeadlines(r: DeadlineResult): string {
  const rows = r.steps.map((s) => [s.label, s.article, s.from, s.period, s.deadline, s.extended ? `${s.extended.deadline} (${s.extended.article})` : '']);
  const lines = [
    `${r.title} — ${r.instrument}`,
    `Starts on: ${r.startsOn} (${r.from})`,
    '',
    formatTable(['step', 'article', 'from', 'period', 'deadline', 'latest with extension'], rows),
    '',
    `Counting: ${r.counting}.`,
    ...r.steps.filter((s) => s.moved).map((s) => `- ${s.label}: ${s.nominalEnd} ${s.moved}.`),
    ...r.steps.filter((s) => s.extended).map((s) => `- extension of "${s.label}" only where: ${s.extended!.condition}.`),
    ...r.notes.map((n) => `- ${n}`),
  ];
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('deadline')
    .description('Time limits of a procedure (screening, APR, return border procedure, Dublin, relocation), with their articles')
    .requiredOption('--procedure <name>', 'procedure name, e.g. border-procedure, regular, transfer, relocation')
    .requiredOption('--from <date>', 'the start date (YYYY-MM-DD), e.g. the day of registration')
    .option('--holiday <date...>', 'public holidays of the Member State concerned (YYYY-MM-DD)')
    .option('--applies-from <date>', "override the instrument's date of application (e.g. 2026-07-01 for the AMMR as published)")
    .option('--json', 'print JSON')
    .action((opts: { procedure: string; from: string; holiday?: string[]; appliesFrom?: string; json?: boolean }) => {
      const r = computeDeadlines(opts.procedure, opts.from, { holidays: opts.holiday ?? [], ...(opts.appliesFrom ? { appliesFrom: opts.appliesFrom } : {}) });
      if (opts.json) printJson(r);
      else process.stdout.write(renderDeadlines(r));
    });
}
