/** `pactcycle capacity --year 2026 [--json]`: adequate capacity for the border procedure (APR Arts 46–47). */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { adequateCapacityFromStore, type CapacityReport } from '../../cycle/adequate-capacity.ts';
import { capacityOutlookFromStore, type CapacityOutlookReport, type StateOutlook } from '../../cycle/capacity-outlook.ts';
import { BORDER_PROCEDURE_WEEKS, BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION, type Banded, type ReachDate } from '../../domain/procedures/border-occupancy.ts';
import { isModelId, MODELS, type ModelId } from '../../domain/forecast/models.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
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
    substitutions: notesJson(r.substitutions),
    notes: notesJson(r.notes),
  };
}

const bandsOf = (a: Banded<number>): Banded<number> => ({ lo95: a.lo95, lo80: a.lo80, mean: a.mean, hi80: a.hi80, hi95: a.hi95 });

/** One state's outlook as JSON: the figures a state's page shows. */
export function stateOutlookJson(s: StateOutlook) {
  const o = s.outlook;
  const arrivals = new Map(s.arrivals.map((a) => [a.period, a]));
  return {
    code: s.code,
    capacity: s.capacity,
    annualMaximum: s.annualMaximum,
    routes: s.routes,
    peakOccupancy: o.peak,
    yearEntries: o.yearEntries,
    capacityReached: o.capacityReached,
    annualMaximumReached: o.annualMaximumReached,
    breakEvenShare: o.breakEvenShare === null ? null : Number(o.breakEvenShare.toFixed(6)),
    breakEvenShareAnnual: o.breakEvenShareAnnual === null ? null : Number(o.breakEvenShareAnnual.toFixed(6)),
    months: o.months.map((m) => ({ period: m.period, arrivals: arrivals.has(m.period) ? bandsOf(arrivals.get(m.period)!) : null, entries: m.entries, occupancyEnd: m.occupancyEnd, peak: m.peak, cumulative: m.cumulative })),
  };
}

/** The stable JSON shape of `capacity --outlook --json`. */
export function capacityOutlookJson(r: CapacityOutlookReport) {
  return {
    year: r.year,
    assumptions: r.assumptions,
    window: r.capacity.window,
    unionCapacity: r.capacity.unionCapacity,
    states: r.states.map(stateOutlookJson),
    routes: r.routes.map(({ notes, fallback, ...route }) => ({ ...route, ...(fallback ? { fallback: noteJson(fallback) } : {}), notes: notesJson(notes) })),
    notes: notesJson(r.notes),
    capacityNotes: notesJson([...r.capacity.substitutions, ...r.capacity.notes]),
  };
}

export function parseShare(text: string): number {
  const x = Number(text);
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(text) || !(x >= 0 && x <= 1)) throw new UsageError(`--border-share must be a number from 0 to 1, got ${text}`);
  return x;
}

export function parseWeeks(text: string): number {
  const w = Number(text);
  if (w !== BORDER_PROCEDURE_WEEKS && w !== BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION) throw new UsageError(`--weeks must be ${BORDER_PROCEDURE_WEEKS} or ${BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION} (APR Art 51(2)), got ${text}`);
  return w;
}

const reachText = (r: ReachDate | null) => (r === null ? '—' : `${r.central ?? 'not in year'} (95 %: ${r.range95[0] ?? 'not in year'} to ${r.range95[1] ?? 'not in year'})`);

function printOutlook(r: CapacityOutlookReport): void {
  const a = r.assumptions;
  process.stdout.write(
    `Will capacity hold in ${r.year}? Border share ${a.borderShare}${a.borderShareIsDefault ? ' (default assumption)' : ''}, ${a.durationWeeks} weeks per procedure, entries from ${a.appliesFrom}, arrivals forecast by ${a.model}\n\n`,
  );
  process.stdout.write(
    formatTable(
      ['state', 'capacity', 'annual max', 'peak (central)', 'peak 95 %', 'capacity reached (Art 48)', 'annual max reached (Art 50)', 'break-even share'],
      r.states
        .filter((s) => s.routes.length > 0)
        .map((s) => [
          s.code,
          s.capacity,
          s.annualMaximum ?? '—',
          s.outlook.peak.mean,
          `${s.outlook.peak.lo95}–${s.outlook.peak.hi95}`,
          reachText(s.outlook.capacityReached),
          reachText(s.outlook.annualMaximumReached),
          s.outlook.breakEvenShare === null ? '—' : s.outlook.breakEvenShare.toFixed(3),
        ]),
    ) + '\n',
  );
  const none = r.states.filter((s) => s.routes.length === 0).map((s) => s.code);
  if (none.length) process.stdout.write(`\nNo route attributed (no arrivals modelled): ${none.join(', ')}\n`);
  for (const line of r.notes) process.stdout.write(`\n- ${noteText(line)}`);
  process.stdout.write('\n');
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
    .option('--outlook', 'will capacity hold? occupancy through the year from the forecast of arrivals (APR Arts 48, 50)')
    .option('--border-share <share>', 'with --outlook: share of arrivals entering the border procedure, 0-1 (default 0.25, an assumption)')
    .option('--weeks <weeks>', 'with --outlook: weeks in the border procedure, 12 or 16 after relocation (APR Art 51(2))', '12')
    .option('--model <model>', `with --outlook: forecasting model (${MODELS.join(', ')})`, 'combination')
    .option('--json', 'print JSON')
    .action(async (opts: { year: string; json?: boolean; outlook?: boolean; borderShare?: string; weeks: string; model: string }) => {
      const year = parseYear(opts.year);
      if (opts.outlook) {
        if (!isModelId(opts.model)) throw new UsageError(`--model must be one of ${MODELS.join(', ')}, got ${opts.model}`);
        const options = { durationWeeks: parseWeeks(opts.weeks), model: opts.model as ModelId, ...(opts.borderShare !== undefined ? { borderShare: parseShare(opts.borderShare) } : {}) };
        const outlook = await withStore((db) => capacityOutlookFromStore(db, year, options));
        return opts.json ? printJson(capacityOutlookJson(outlook)) : printOutlook(outlook);
      }
      if (opts.borderShare !== undefined) throw new UsageError('--border-share is used with --outlook');
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
      for (const line of [...report.substitutions, ...report.notes]) process.stdout.write(`\n- ${noteText(line)}`);
      process.stdout.write('\n');
    });
}
