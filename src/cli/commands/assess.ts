/** `pactcycle assess --cycle 2026 [--methodology FILE] [--json]`: the Art 11 evidence, beside the recorded decisions. */
import type { Command } from 'commander';
import { runAssessment, type Assessment } from '../../cycle/assess.ts';
import type { AssessmentCategory } from '../../domain/assessment/methodology.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, printJson, withStore } from '../io.ts';

const round = (v: number | null, digits = 4) => (v === null ? null : Number(v.toFixed(digits)));

/**
 * The stable JSON shape of `assess --json`: `{cycle, referencePeriod: {from, to}, methodology: {id, version},
 * states: [{code, name, categories, evidence: [{category, indicator, value, threshold, period}], dataNotes}]}`, plus
 * extra fields (the indicators, the decisions in force, the disagreements, the Union totals and general notes).
 */
export function assessmentJson(a: Assessment) {
  return {
    cycle: a.cycle,
    referencePeriod: a.referencePeriod,
    previousPeriod: a.previousPeriod,
    lookBack: a.lookBack,
    methodology: a.methodology,
    fairShare: { ...a.fairShare, notes: notesJson(a.fairShare.notes) },
    dataNotes: notesJson(a.dataNotes),
    union: a.union,
    decisionsRecorded: a.decisionsRecorded,
    states: a.states.map((s) => ({
      code: s.code,
      name: s.name,
      categories: s.categories,
      sarGround: s.sarGround,
      evidence: s.evidence.map((e) => ({ ...e, value: round(e.value)! })),
      dataNotes: notesJson(s.dataNotes),
      fairShare: s.fairShare,
      decisions: s.decisions,
      disagreements: s.disagreements,
      indicators: s.indicators.map(({ missing, ...f }) => ({
        ...f,
        ...(missing ? { missing: noteJson(missing) } : {}),
        perThousand: round(f.perThousand),
        perBillionGdp: round(f.perBillionGdp),
        disproportionality: round(f.disproportionality),
        ...(f.value !== null && !Number.isInteger(f.value) ? { value: round(f.value) } : {}),
      })),
    })),
  };
}

const SHORT: Record<AssessmentCategory, string> = { 'under-pressure': 'P', 'at-risk': 'R', 'significant-situation': 'S' };
const short = (cs: readonly AssessmentCategory[]) => cs.map((c) => SHORT[c]).join('') || '-';

function printTable(a: Assessment): void {
  const index = (s: Assessment['states'][number], indicator: string, period = 'current') => {
    const f = s.indicators.find((x) => x.indicator === indicator && x.period === period);
    return f?.disproportionality == null ? '—' : f.disproportionality.toFixed(2);
  };
  const out: string[] = [];
  out.push(
    `Assessment of the ${a.cycle} cycle (Arts 9-11): reference period ${a.referencePeriod.from} to ${a.referencePeriod.to}, look-back ${a.lookBack.from} to ${a.lookBack.to}; ` +
      `methodology ${a.methodology.id} v${a.methodology.version} (${a.methodology.status}); fair shares on population ${a.fairShare.population.year}, GDP ${a.fairShare.gdp.year}.`,
  );
  out.push('Categories: P under pressure (* on the Art 11(3) search-and-rescue ground), R at risk, S significant migratory situation. Indices: share of the Union total ÷ fair share (1 = fair share).\n');
  out.push(
    formatTable(
      ['state', 'name', 'computed', 'decided', 'disagree', 'irregular', 'sea', 'first-time', 'TP stock', 'first-time 5y', 'notes'],
      a.states.map((s) => [
        s.code,
        s.name,
        short(s.categories) + (s.sarGround ? '*' : ''),
        s.decisions.length ? short(s.decisions.filter((d) => d.adopted).map((d) => d.category)) : 'none recorded',
        s.disagreements.length ? s.disagreements.map((d) => `${SHORT[d.category]}:${d.kind === 'evidence-not-adopted' ? 'not adopted' : 'no evidence'}`).join(' ') : '',
        index(s, 'irregular_arrivals'),
        index(s, 'sea_arrivals'),
        index(s, 'first_time_applications'),
        index(s, 'tp_beneficiaries'),
        index(s, 'first_time_applications', 'cumulative'),
        s.dataNotes.length,
      ]),
    ),
  );
  out.push('\nEvidence:');
  for (const s of a.states) {
    for (const e of s.evidence) out.push(`  ${s.code} ${e.category}${e.ground === 'art-11-3-sar' ? ' (Art 11(3))' : ''}: ${e.indicator} ${e.measure} ${e.value.toFixed(2)} ≥ ${e.threshold} over ${e.period} [rule ${e.rule}]`);
  }
  out.push('\nNotes for every state:');
  for (const n of [...a.fairShare.notes, ...a.dataNotes]) out.push(`  - ${noteText(n)}`);
  out.push(`\n${a.decisionsRecorded} decision record(s). Per-state data notes (substitutions and gaps, by indicator): pactcycle assess --cycle ${a.cycle} --json`);
  process.stdout.write(out.join('\n') + '\n');
}

export function register(program: Command): void {
  program
    .command('assess')
    .description('Indicators per Member State, the categories the evidence supports (Art 11), and the recorded decisions with every disagreement')
    .requiredOption('--cycle <year>', 'cycle year (2026: reference period July 2024 - June 2025)')
    .option('--methodology <file>', 'methodology file (default methodology/assessment-v1.json)')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; methodology?: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const a = await withStore((db) => runAssessment(db, { cycle, ...(opts.methodology ? { methodology: opts.methodology } : {}) }));
      if (opts.json) return printJson(assessmentJson(a));
      printTable(a);
    });
}
