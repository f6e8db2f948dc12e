/**
 * `pactcycle forecast --cycle 2026 [--series ID ...] [--model combination] [--json]`: the projection for the coming
 * year (AMMR Art 9(3)(b)) of every monthly series in the store, with 80 % and 95 % intervals.
 */
import type { Command } from 'commander';
import { forecastCycle, type CycleForecast } from '../../cycle/forecast.ts';
import { isModelId, MODELS, type ModelId } from '../../domain/forecast/models.ts';
import { UsageError } from '../../domain/errors.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, printJson, progress, withStore } from '../io.ts';


export function parseModel(text: string): ModelId {
  if (!isModelId(text)) throw new UsageError(`unknown model "${text}"; one of ${MODELS.join(', ')}`);
  return text;
}

export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function printTables(result: CycleForecast): void {
  const lines: string[] = [];
  for (const s of result.series) {
    lines.push(`${s.id} — ${s.model}; observed to ${s.lastObserved}; forecast ${s.covers.first} to ${s.covers.last}`);
    for (const note of [...s.notes, ...(s.fallback ? [s.fallback] : [])]) lines.push(`  note: ${noteText(note)}`);
    lines.push(formatTable(['month', 'forecast', '80% low', '80% high', '95% low', '95% high'], s.horizon.map((h) => [h.period, h.mean, h.lo80, h.hi80, h.lo95, h.hi95])));
    const c = s.cycleYear;
    lines.push(`  ${c.year} ${c.measure === 'sum' ? 'total' : 'December'}: ${c.value.toLocaleString('en-GB')}${c.observedMonths ? ` (${c.observedMonths} months observed)` : ''}`, '');
  }
  for (const k of result.skipped) lines.push(`skipped ${k.id}: ${noteText(k.reason)}`);
  process.stdout.write(lines.join('\n') + '\n');
}

export function register(program: Command): void {
  program
    .command('forecast')
    .description('Forecast the monthly series (crossings by route, sea arrivals, applications, temporary protection, pending cases) to the end of the cycle year, with 80 % and 95 % intervals (Art 9(3)(b))')
    .requiredOption('--cycle <year>', 'cycle year: forecasts run to its December, and at least 12 months')
    .option('--series <id>', 'only this series, e.g. "sea_arrivals:IT" (repeatable, or comma-separated)', collect)
    .option('--model <model>', `one of ${MODELS.join(', ')}`, 'combination')
    .option('--json', 'machine-readable output')
    .action(async (opts: { cycle: string; series?: string[]; model: string; json?: boolean }) => {
      const cycle = parseCycle(opts.cycle);
      const model = parseModel(opts.model);
      const bar = progress(Boolean(opts.json));
      const result = await withStore(async (db) => {
        let started = false;
        const r = await forecastCycle(db, { cycle, model, ...(opts.series ? { series: opts.series } : {}) }, (done, total) => {
          if (!started) bar.start(total, 'forecast');
          started = true;
          bar.update(done);
        });
        bar.stop();
        return r;
      });
      if (opts.json) {
        printJson({
          cycle: result.cycle,
          series: result.series.map(({ fanChart, notes, fallback, ...s }) => {
            void fanChart;
            return { ...s, notes: notesJson(notes), ...(fallback ? { fallback: noteJson(fallback) } : {}) };
          }),
          skipped: result.skipped.map((k) => ({ id: k.id, reason: noteJson(k.reason) })),
        });
      } else printTables(result);
    });
}
