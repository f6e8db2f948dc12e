/** `pactcycle deadline --procedure NAME --from DATE [--json]`: the time limits of a procedure of the Pact. */
import type { Command } from 'commander';
import { computeDeadlines, procedureStart, procedureTitle, PROCEDURES, type DeadlineResult } from '../../domain/procedures/deadlines.ts';
import type { Note } from '../../domain/note.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import { formatTable, printJson } from '../io.ts';

const maybe = (n: Note | null) => (n ? noteJson(n) : null);

/**
 * The JSON of the calculator (`--json`, `GET /api/procedures/:procedure/deadlines`): every text a note, `{key, params, text}`.
 *
 * @example
 * deadlinesJson(computeDeadlines('screening', '2026-06-15')).steps[0].label
 * // { key: 'deadline.step', params: { step: 'screening-completed' }, text: 'screening completed' }
 */
export function deadlinesJson(r: DeadlineResult) {
  return {
    procedure: r.procedure,
    title: noteJson(r.title),
    instrument: noteJson(r.instrument),
    counting: noteJson(r.counting),
    startsOn: noteJson(r.startsOn),
    from: r.from,
    steps: r.steps.map((s) => ({
      ...s,
      label: noteJson(s.label),
      fromBasis: noteJson(s.fromBasis),
      period: noteJson(s.period),
      moved: maybe(s.moved),
      extended: s.extended ? { ...s.extended, condition: noteJson(s.extended.condition), moved: maybe(s.extended.moved) } : null,
    })),
    notes: notesJson(r.notes),
  };
}

/** The procedures the calculator knows (`GET /api/procedures`). */
export const proceduresJson = () =>
  PROCEDURES.map((p) => ({ name: p.name, title: noteJson(procedureTitle(p)), instrument: p.instrument, startsOn: noteJson(procedureStart(p)), articles: p.steps.map((s) => s.article) }));

export function renderDeadlines(r: DeadlineResult): string {
  const rows = r.steps.map((s) => [noteText(s.label), s.article, s.from, noteText(s.period), s.deadline, s.extended ? `${s.extended.deadline} (${s.extended.article})` : '']);
  const lines = [
    `${noteText(r.title)} — ${noteText(r.instrument)}`,
    `Starts on: ${noteText(r.startsOn)} (${r.from})`,
    '',
    formatTable(['step', 'article', 'from', 'period', 'deadline', 'latest with extension'], rows),
    '',
    `Counting: ${noteText(r.counting)}.`,
    ...r.steps.filter((s) => s.moved).map((s) => `- ${noteText(s.label)}: ${s.nominalEnd} ${noteText(s.moved!)}.`),
    ...r.steps.filter((s) => s.extended).map((s) => `- extension of "${noteText(s.label)}" only where: ${noteText(s.extended!.condition)}.`),
    ...r.notes.map((n) => `- ${noteText(n)}`),
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
      if (opts.json) printJson(deadlinesJson(r));
      else process.stdout.write(renderDeadlines(r));
    });
}
