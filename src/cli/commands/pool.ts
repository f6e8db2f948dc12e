/**
 * `pactcycle pool propose --cycle 2026 [--relocations N] [--json]`: the Commission's proposal for the Annual
 * Solidarity Pool (Art 12), marked confidential: it is RESTREINT UE until the Council adopts the pool (Art 12(6)).
 * `pactcycle pool deadlines --cycle 2026 [--as-of DATE] [--json]`: every deadline of the cycle from its ledger, with
 * what is due, done and overdue (Art 75 counting), as the operator of the store sees it (everything).
 */
import type { Command } from 'commander';
import { runAssessment, type Assessment } from '../../cycle/assess.ts';
import type { Queryable } from '../../store/db.ts';
import { proposeForCycle, type CycleProposal } from '../../cycle/propose.ts';
import { formatSharePercent } from '../../domain/fair-share.ts';
import { cycleDeadlines } from '../../domain/calendar/deadlines.ts';
import { InputError } from '../../domain/errors.ts';
import { foldEvents, type PoolEvent } from '../../domain/pool/index.ts';
import { parseIsoDate } from '../../domain/procedures/counting.ts';
import { readEntries } from '../../store/ledger.ts';
import { note, type Note } from '../../domain/note.ts';
import { notesJson, noteText } from '../../notes/index.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, printJson, withStore } from '../io.ts';

/** The stable JSON shape of `pool propose --json`. */
export function proposalJson({ proposal, fairShares, sar }: CycleProposal) {
  return {
    cycle: proposal.cycle,
    confidential: true as const,
    classification: 'RESTREINT UE/EU RESTRICTED until the Council adopts the pool (Art 12(6))',
    relocations: proposal.referenceRelocations,
    financialEur: proposal.referenceFinancialEur,
    ...(proposal.sarPercentage !== undefined ? { sarPercentage: proposal.sarPercentage } : {}),
    ...(sar ? { sarBasis: sar.basis } : {}),
    ...(proposal.exceptionalSituation ? { exceptionalSituation: proposal.exceptionalSituation } : {}),
    fairShareBasis: { population: fairShares.population.year, gdp: fairShares.gdp.year, vintage: { population: fairShares.population.vintages.join(', '), gdp: fairShares.gdp.vintages.join(', ') } },
    states: proposal.states.map((s) => ({ code: s.code, share: s.share, relocations: s.relocations, financialEur: s.financialEur })),
    dataNotes: notesJson(fairShares.dataNotes),
  };
}

/** The assessment that sets the Art 12(5) percentage; without the data for it the proposal stands on the fair shares alone, and says so. */
async function assessmentFor(db: Queryable, cycle: number, notes: Note[]): Promise<{ assessment?: Assessment }> {
  try {
    return { assessment: await runAssessment(db, { cycle }) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    notes.push(note('pool.noSarPercentage', { reason: err.message }));
    return {};
  }
}

function wholeNumber(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new InputError(`expected a whole number, got "${text}"`, { field });
  return Number(text);
}

export function register(program: Command): void {
  const pool = program.command('pool').description('The Annual Solidarity Pool (Arts 12, 57)');
  pool
    .command('propose')
    .description('The Commission proposal: Union reference numbers and each state’s indicative contribution (Art 12); confidential')
    .requiredOption('--cycle <year>', 'cycle year')
    .option('--relocations <n>', 'Union reference number of relocations (default 30,000; money follows at EUR 20,000 each)')
    .option('--financial-eur <n>', 'Union reference number of financial contributions (keeps EUR 20,000 per relocation)')
    .option('--exceptional <reason>', 'Art 12(4): the situation that allows numbers below the floors')
    .option('--sar-percentage <p>', 'Art 12(5): indicative percentage of the pool for states under pressure from search-and-rescue disembarkations (default: derived from the assessment)')
    .option('--as-of <vintage>', 'only data published on or before this date')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; relocations?: string; financialEur?: string; exceptional?: string; sarPercentage?: string; asOf?: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const relocations = wholeNumber(opts.relocations, '--relocations');
      const financialEur = wholeNumber(opts.financialEur, '--financial-eur');
      const sar = opts.sarPercentage === undefined ? undefined : Number(opts.sarPercentage);
      if (sar !== undefined && !Number.isFinite(sar)) throw new InputError(`expected a percentage, got "${opts.sarPercentage}"`, { field: '--sar-percentage' });
      const notes: Note[] = [];
      const r = await withStore(async (db) =>
        proposeForCycle(db, {
          ...(sar === undefined ? await assessmentFor(db, cycle, notes) : {}),
          cycle,
          ...(relocations !== undefined ? { relocations } : {}),
          ...(financialEur !== undefined ? { financialEur } : {}),
          ...(opts.exceptional ? { exceptionalSituation: opts.exceptional } : {}),
          ...(sar !== undefined ? { sarPercentage: sar } : {}),
          ...(opts.asOf ? { asOf: opts.asOf } : {}),
        }),
      );
      r.fairShares.dataNotes.push(...notes);
      if (opts.json) return printJson(proposalJson(r));
      const p = r.proposal;
      process.stdout.write(
        `RESTREINT UE/EU RESTRICTED — confidential until the Council adopts the pool (Art 12(6))\n` +
          `Proposal for the ${cycle} Annual Solidarity Pool: ${p.referenceRelocations.toLocaleString('en-GB')} relocations and EUR ${p.referenceFinancialEur.toLocaleString('en-GB')}` +
          (p.sarPercentage !== undefined ? `; ${p.sarPercentage} % indicatively for search-and-rescue states (Art 12(5))` : '') +
          (r.sar ? `\n${r.sar.basis}` : '') +
          `\nFair shares on population ${r.fairShares.population.year} and GDP ${r.fairShares.gdp.year}\n\n`,
      );
      process.stdout.write(
        formatTable(
          ['state', 'share %', 'relocations', 'financial EUR'],
          p.states.map((s) => [s.code, formatSharePercent(s.share), s.relocations, s.financialEur]),
        ) + '\n',
      );
      for (const n of r.fairShares.dataNotes) process.stdout.write(`note: ${noteText(n)}\n`);
    });

  pool
    .command('deadlines')
    .description('Every deadline of the cycle with what is due, done and overdue (Arts 9-13, 57-63, 69; Art 75 counting)')
    .requiredOption('--cycle <year>', 'cycle year')
    .option('--as-of <date>', 'the day to judge due and overdue on (YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; asOf?: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
      parseIsoDate(asOf, '--as-of');
      const state = await withStore(async (db) => foldEvents((await readEntries(db, cycle)).map((e) => e.payload as PoolEvent)));
      if (state.phase === 'empty') throw new InputError(`the ledger holds no event of the ${cycle} cycle: nothing has started it`, { field: '--cycle' });
      const deadlines = cycleDeadlines(cycle, state, asOf);
      if (opts.json) return printJson({ cycle, asOf, deadlines });
      process.stdout.write(`Deadlines of the ${cycle} cycle as of ${asOf} (phase: ${state.phase})\n\n`);
      process.stdout.write(
        formatTable(
          ['due', 'status', 'article', 'what', 'by', 'note'],
          deadlines.map((d) => [d.due ?? '', d.status + (d.late ? ' (late)' : ''), d.article, d.what, d.actor, d.note ?? '']),
        ) + '\n',
      );
    });
}
