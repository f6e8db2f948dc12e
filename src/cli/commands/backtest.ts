/**
 * `pactcycle backtest [--series ID ...] [--step 12] [--json]`: rolling-origin accuracy of every model on every
 * monthly series in the store — MASE, MAPE, interval coverage, the 12-month totals — with the shock years
 * (2015–16, 2020, 2022) reported on their own.
 */
import type { Command } from 'commander';
import { backtestStored } from '../../cycle/forecast.ts';
import { DEFAULT_BACKTEST, SHOCKS, type ShockAccuracy } from '../../domain/forecast/backtest.ts';
import type { Accuracy } from '../../domain/forecast/accuracy.ts';
import { UsageError } from '../../domain/errors.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import { formatTable, printJson, progress, withStore } from '../io.ts';
import { collect, parseModel } from './forecast.ts';

const fmt = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)}%`);

function positiveInt(name: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${name} must be a positive whole number, got "${text}"`);
  return Number(text);
}

export function register(program: Command): void {
  program
    .command('backtest')
    .description('Rolling-origin backtest of the forecasting models on the monthly series: MASE, MAPE, interval coverage, shock years apart')
    .option('--series <id>', 'only this series (repeatable, or comma-separated)', collect)
    .option('--models <list>', 'models to score, comma-separated', DEFAULT_BACKTEST.models.join(','))
    .option('--step <months>', 'months between forecast origins', '12')
    .option('--min-train <months>', 'training months before the first origin', '48')
    .option('--json', 'machine-readable output')
    .action(async (opts: { series?: string[]; models: string; step: string; minTrain: string; json?: boolean }) => {
      const models = opts.models.split(',').map((m) => parseModel(m.trim()));
      const step = positiveInt('--step', opts.step);
      const minTrain = positiveInt('--min-train', opts.minTrain);
      if (minTrain < 13) throw new UsageError('--min-train must be at least 13 months (one season plus one month for the MASE scale)');
      const bar = progress(Boolean(opts.json));
      const r = await withStore(async (db) => {
        let started = false;
        const out = await backtestStored(db, { models, step, minTrain, ...(opts.series ? { series: opts.series } : {}) }, (done, total) => {
          if (!started) bar.start(total, 'backtest');
          started = true;
          bar.update(done);
        });
        bar.stop();
        return out;
      });
      if (opts.json) {
        printJson({
          series: r.series,
          overall: r.overall,
          skipped: r.skipped.map((k) => ({ id: k.id, reason: noteJson(k.reason) })),
          notes: r.notes.map((n) => ({ id: n.id, notes: notesJson(n.notes) })),
        });
        return;
      }
      const row = (label: string, model: string, a: Accuracy & { annual: { within10: number | null } }, shocks: readonly ShockAccuracy[]) => [
        label,
        model,
        fmt(a.mase),
        fmt(a.mape, 1),
        pct(a.coverage80),
        pct(a.coverage95),
        ...shocks.map((k) => fmt(k.mase)),
        pct(a.annual.within10),
      ];
      const header = ['series', 'model', 'MASE', 'MAPE %', 'cov80', 'cov95', ...SHOCKS.map((k) => `MASE ${k.label}`), 'year ±10%'];
      const lines = [
        formatTable(header, r.series.map((s) => row(s.id, s.model, s, s.shocks))),
        '',
        'overall (all series pooled; MASE outside the shock years in "normal")',
        formatTable([...header, 'MASE normal'], r.overall.map((o) => [...row('all', o.model, o, o.shocks), fmt(o.normal.mase)])),
        ...r.skipped.map((k) => `skipped ${k.id}: ${noteText(k.reason)}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
