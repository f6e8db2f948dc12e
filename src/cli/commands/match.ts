/**
 * `pactcycle match --cases FILE --pledges FILE [--json]`: proposes relocations of cases to pledged places (AMMR
 * Arts 60, 67), with the proven gap and an explanation per case. `match generate` writes SYNTHETIC inputs;
 * `match timers` shows the Art 67(9)–(11) time limits of relocations in progress as due or overdue.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { resolveDataDir } from '../../data/load.ts';
import { readRelocationProfile } from '../../data/relocation-profile.ts';
import { InputError, UsageError } from '../../domain/errors.ts';
import { whyNotAllPlaced } from '../../domain/matching/diagnose.ts';
import { checkInstance, parseCases, parsePledges, parseProgress } from '../../domain/matching/schemas.ts';
import { match, type MatchResult } from '../../domain/matching/solve.ts';
import { simulateYear } from '../../domain/matching/dynamic.ts';
import { generateInstance, splitIntoBatches, SYNTHETIC_NOTICE } from '../../domain/matching/synthetic.ts';
import { relocationTimers, type RelocationTimers } from '../../domain/matching/timers.ts';
import { parseIsoDate } from '../../domain/procedures/counting.ts';
import { noteJson, noteText } from '../../notes/index.ts';
import { isStateCode, type StateCode } from '../../domain/member-states.ts';
import { formatTable, printJson } from '../io.ts';

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError('cannot read the file', { file });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file });
  }
}

/**
 * A relocation's time limits in JSON (`match timers --json`, `GET /api/matching/runs/:id/timers`): each step's label
 * and note as `{key, params, text}`.
 */
export function timersJson(r: RelocationTimers) {
  return { ...r, steps: r.steps.map((s) => ({ ...s, label: noteJson(s.label), note: s.note ? noteJson(s.note) : null })) };
}

export function loadInstance(casesFile: string, pledgesFile: string) {
  const cases = parseCases(readJsonFile(casesFile), casesFile);
  const { pledges, releases } = parsePledges(readJsonFile(pledgesFile), pledgesFile);
  return checkInstance({ cases, pledges, releases }, { cases: casesFile, pledges: pledgesFile });
}

const pct = (x: number) => `${(100 * x).toFixed(4)} %`;

export function renderMatch(r: MatchResult, show: number): string {
  const lines = [
    `Relocation proposal: ${r.placedPersons.toLocaleString('en-GB')} of ${r.eligiblePersons.toLocaleString('en-GB')} eligible persons placed; ${r.excluded.length} ${r.excluded.length === 1 ? 'case' : 'cases'} not proposed.`,
    `Objective ${r.objective.toLocaleString('en-GB')}; LP bound ${r.bound.toLocaleString('en-GB')}; gap ${pct(r.gap)}${r.optimal ? ' (proven optimal)' : ''}.`,
    '',
    formatTable(['state of relocation', 'places', 'assigned', 'without link', 'share without link (Art 67(4))', 'price per person'], r.states.map((s) => [s.state, s.capacity, s.assigned, s.withoutLink, s.shareWithoutLink, s.price])),
    '',
    formatTable(['benefitting state', 'eligible persons', 'balanced share (Art 60(1))', 'assigned'], r.benefitting.map((b) => [b.state, b.demand, b.balancedShare, b.assigned])),
    '',
  ];
  if (show > 0) {
    lines.push(`First ${Math.min(show, r.assignments.length)} cases (--show N for more, --json for all):`);
    for (const a of r.assignments.slice(0, show)) lines.push(`- ${a.caseId} (${a.persons} ${a.persons === 1 ? 'person' : 'persons'}, ${a.benefitting}): ${a.explanation}`);
  }
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const cmd = program
    .command('match')
    .description('Propose relocations of cases to pledged places (Arts 60, 67): optimal, explained, with the proven gap')
    .option('--cases <file>', 'cases JSON file')
    .option('--pledges <file>', 'pledges JSON file (with releases)')
    .option('--case <id>', 'print only the explanation of this case')
    .option('--show <n>', 'cases to list in the text output', '10')
    .option('--require-all', 'exit 2, naming the binding constraint, unless every eligible person is placed')
    .option('--json', 'print JSON')
    .action((opts: { cases?: string; pledges?: string; case?: string; show: string; requireAll?: boolean; json?: boolean }) => {
      if (!opts.cases || !opts.pledges) throw new UsageError('match needs --cases FILE and --pledges FILE (or: match generate, match timers)');
      const instance = loadInstance(opts.cases, opts.pledges);
      const r = match(instance);
      const notAll = whyNotAllPlaced(instance, r);
      if (opts.requireAll && notAll.length > 0) throw new InputError(`not every eligible person can be placed: ${notAll.join('; ')}`, { file: opts.pledges });
      if (opts.case) {
        const a = r.assignments.find((x) => x.caseId === opts.case);
        if (!a) throw new UsageError(`no case "${opts.case}" in ${opts.cases}`);
        if (opts.json) printJson(a);
        else process.stdout.write(`${a.caseId}: ${a.explanation}\n`);
        return;
      }
      if (opts.json) printJson({ ...r, notAllPlaced: notAll });
      else process.stdout.write(renderMatch(r, Number(opts.show) || 0) + (notAll.length ? `\nNot every eligible person is placed:\n${notAll.map((x) => `- ${x}`).join('\n')}\n` : ''));
    });
  cmd.exitOverride();

  cmd
    .command('generate')
    .description(`Write SYNTHETIC cases and pledges whose aggregates follow ../shared/data. ${SYNTHETIC_NOTICE}`)
    .requiredOption('--persons <n>', 'persons to generate')
    .option('--places <n>', 'places pledged in total (default: as many as persons)')
    .option('--seed <n>', 'random seed', '1')
    .option('--year <year>', 'reference year of the statistics', '2024')
    .option('--benefitting <codes...>', 'benefitting states (default IT EL ES CY MT)')
    .option('--from <dir>', 'data folder (default ../shared/data)')
    .requiredOption('--out-cases <file>', 'where to write the cases')
    .requiredOption('--out-pledges <file>', 'where to write the pledges')
    .option('--json', 'print a JSON summary')
    .action((opts: { persons: string; places?: string; seed: string; year: string; benefitting?: string[]; from?: string; outCases: string; outPledges: string }, c: Command) => {
      // `--json` after a subcommand is parsed as the parent's option: read it from there too.
      const json = !!c.optsWithGlobals<{ json?: boolean }>().json;
      const persons = Number(opts.persons);
      if (!Number.isSafeInteger(persons) || persons < 1) throw new UsageError('--persons must be a positive whole number');
      const places = opts.places === undefined ? undefined : Number(opts.places);
      if (places !== undefined && (!Number.isSafeInteger(places) || places < 0)) throw new UsageError('--places must be a whole number');
      const benefitting = opts.benefitting?.map((b) => {
        if (!isStateCode(b)) throw new UsageError(`unknown state code ${b}`);
        return b as StateCode;
      });
      const dir = resolveDataDir({ from: opts.from })?.dir;
      if (!dir) throw new UsageError('no data folder: pass --from DIR or set PACTCYCLE_DATA');
      const profile = readRelocationProfile(dir, { year: Number(opts.year), ...(benefitting ? { benefitting } : {}) });
      const inst = generateInstance(profile, { persons, seed: Number(opts.seed), ...(places !== undefined ? { places } : {}) });
      const about = { synthetic: SYNTHETIC_NOTICE, seed: Number(opts.seed), year: profile.year, sources: profile.sources };
      writeFileSync(opts.outCases, JSON.stringify({ about, cases: inst.cases }));
      writeFileSync(opts.outPledges, JSON.stringify({ about, pledges: inst.pledges, releases: inst.releases }, null, 1));
      const summary = { ...about, cases: inst.cases.length, persons, places: inst.pledges.reduce((a, p) => a + p.persons, 0), files: [opts.outCases, opts.outPledges] };
      if (json) printJson(summary);
      else process.stdout.write(`${SYNTHETIC_NOTICE}\nWrote ${summary.cases} cases (${persons} persons) to ${opts.outCases} and ${inst.pledges.length} pledges (${summary.places} places) to ${opts.outPledges}.\n`);
    });

  cmd
    .command('simulate')
    .description(`A year of SYNTHETIC arrivals in batches: greedy first come first served, batch by batch, and batches priced by a forecast, as shares of the hindsight optimum. ${SYNTHETIC_NOTICE}`)
    .requiredOption('--persons <n>', 'persons arriving over the year')
    .option('--places <n>', 'places pledged for the year (default: 80 % of persons)')
    .option('--batches <n>', 'batches (months)', '12')
    .option('--seed <n>', 'random seed', '1')
    .option('--from <dir>', 'data folder (default ../shared/data)')
    .action((opts: { persons: string; places?: string; batches: string; seed: string; from?: string }, c: Command) => {
      const json = !!c.optsWithGlobals<{ json?: boolean }>().json;
      const persons = Number(opts.persons);
      const nb = Number(opts.batches);
      if (!Number.isSafeInteger(persons) || persons < 1 || !Number.isSafeInteger(nb) || nb < 1) throw new UsageError('--persons and --batches must be positive whole numbers');
      const dir = resolveDataDir({ from: opts.from })?.dir;
      if (!dir) throw new UsageError('no data folder: pass --from DIR or set PACTCYCLE_DATA');
      const inst = generateInstance(readRelocationProfile(dir), { persons, places: opts.places ? Number(opts.places) : Math.round(persons * 0.8), seed: Number(opts.seed) });
      const batches = splitIntoBatches(inst.cases, nb, Number(opts.seed));
      const sim = simulateYear(batches, inst.pledges, inst.releases);
      if (json) return printJson({ synthetic: SYNTHETIC_NOTICE, ...sim });
      process.stdout.write(`${SYNTHETIC_NOTICE}\n${persons} persons in ${nb} batches, ${inst.pledges.reduce((a, p) => a + p.persons, 0)} places.\n\n`);
      process.stdout.write(formatTable(['policy', 'objective', 'share of hindsight', 'persons placed', 'placed through a link', 'vulnerable placed'], sim.outcomes.map((o) => [o.policy, o.objective, `${(100 * o.shareOfHindsight).toFixed(3)} %`, o.placedPersons, o.linkedPlaced, o.vulnerablePlaced])) + '\n');
    });

  cmd
    .command('timers')
    .description('Time limits of relocations in progress (Art 67(9)–(11)), due or overdue on a day')
    .requiredOption('--file <file>', 'JSON array of relocations: caseId, status, informationReceived, confirmed, transferDecision, personNotified, plannedTransfer, appealFinal, transferred')
    .requiredOption('--today <date>', 'the day to check (YYYY-MM-DD)')
    .option('--holiday <date...>', 'public holidays of the state that must act (YYYY-MM-DD): a last day on one moves to the next working day (Art 75)')
    .option('--json', 'print JSON')
    .action((opts: { file: string; today: string; holiday?: string[] }, c: Command) => {
      const json = !!c.optsWithGlobals<{ json?: boolean }>().json;
      parseIsoDate(opts.today, 'today');
      const holidays = new Set((opts.holiday ?? []).map((h) => (parseIsoDate(h, 'holiday'), h)));
      const rows = parseProgress(readJsonFile(opts.file), opts.file).map((p) => relocationTimers(p, opts.today, holidays));
      if (json) return printJson(rows.map(timersJson));
      const table = rows.flatMap((r) => r.steps.map((s) => [r.caseId, s.step, s.article, s.due ?? '', s.done ?? '', s.state, s.note ? noteText(s.note) : '']));
      process.stdout.write(formatTable(['case', 'step', 'article', 'due', 'done', 'state', 'note'], table) + '\n');
    });
}
