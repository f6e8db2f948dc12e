/**
 * `pactcycle data load` and `pactcycle data status`: fill the store with real published data, and show what it
 * covers and what is missing.
 */
import type { Command } from 'commander';
import { InputError, UsageError } from '../../domain/errors.ts';
import { coverageSummary, DEFAULT_CYCLE_YEAR, type CoverageSummary } from '../../data/coverage.ts';
import { loadDataFolder, resolveDataDir, type LoadSummary } from '../../data/load.ts';
import { formatTable, printJson, progress, withStore } from '../io.ts';

export function register(program: Command): void {
  const data = program.command('data').description('load real public statistics into the store and show their coverage');

  data
    .command('load')
    .description('load a tidy data folder (--from, else PACTCYCLE_DATA, else ../shared/data) in one transaction')
    .option('--from <dir>', 'the tidy data folder to load')
    .option('--offline', 'never use the network: only folders and the download cache')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { from?: string; offline?: boolean; json?: boolean }) => {
      const json = Boolean(opts.json);
      const choice = resolveDataDir({ from: opts.from });
      if (!choice) {
        throw new InputError('no data folder: pass --from DIR, set PACTCYCLE_DATA, or place the data in ../shared/data');
      }
      const bar = progress(json);
      const summary = await withStore(async (db) => {
        let started = false;
        try {
          return await loadDataFolder(db, choice.dir, {
            onProgress: (done, total) => {
              if (!started) bar.start(total, 'loading');
              started = true;
              bar.update(done);
            },
          });
        } finally {
          if (started) bar.stop();
        }
      });
      if (json) printJson(loadSummaryJson(summary));
      else process.stdout.write(formatLoadSummary(summary) + '\n');
    });

  data
    .command('status')
    .description('coverage per indicator × Member State × period, and the gaps')
    .option('--cycle <year>', 'the cycle year whose reference period (July Y-2 to June Y-1) gaps are measured against', String(DEFAULT_CYCLE_YEAR))
    .option('--json', 'print the coverage and gaps as JSON')
    .action(async (opts: { cycle: string; json?: boolean }) => {
      const cycleYear = Number(opts.cycle);
      if (!Number.isInteger(cycleYear) || cycleYear < 2026 || cycleYear > 2100) throw new UsageError(`--cycle must be a year from 2026, not ${opts.cycle}`);
      const summary = await withStore((db) => coverageSummary(db, { cycleYear }));
      if (opts.json) printJson(summary);
      else process.stdout.write(formatCoverage(summary) + '\n');
    });
}

function loadSummaryJson(s: LoadSummary) {
  return {
    dir: s.dir,
    files: s.files.map((f) => ({
      file: f.file,
      sha256: f.sha256,
      indicators: f.indicators,
      rowsRead: f.rowsRead,
      observations: f.observations,
      inserted: f.inserted,
      unchanged: f.unchanged,
      superseded: f.superseded,
      alreadyLoaded: f.alreadyLoaded,
    })),
    totals: { files: s.files.length, rowsRead: s.rowsRead, observations: s.observations, inserted: s.inserted, unchanged: s.unchanged },
    undescribed: s.undescribed,
  };
}

function formatLoadSummary(s: LoadSummary): string {
  const table = formatTable(
    ['file', 'rows read', 'inserted', 'unchanged'],
    s.files.map((f) => [f.file, f.rowsRead, f.inserted, f.unchanged]),
  );
  const lines = [`Loaded ${s.dir}`, table, '', `${s.files.length} files, ${s.rowsRead.toLocaleString('en-GB')} rows read, ${s.inserted.toLocaleString('en-GB')} observations inserted, ${s.unchanged.toLocaleString('en-GB')} unchanged.`];
  if (s.undescribed.length) lines.push(`Not described by the manifest (not loaded): ${s.undescribed.join(', ')}`);
  return lines.join('\n');
}

function formatCoverage(s: CoverageSummary): string {
  const table = formatTable(
    ['indicator', 'geo', 'freq', 'first', 'last', 'periods'],
    s.coverage.map((c) => [c.indicator, c.byDimension ? `${c.geo} (by dimension)` : c.geo, c.freq, c.first, c.last, c.count]),
  );
  const gaps = s.gaps.map((g) => {
    if (g.kind === 'missing-states') return `- ${g.indicator}: ${g.detail}: ${g.states.join(', ')}`;
    if (g.kind === 'ends-before-reference-period') return `- ${g.indicator}: ${g.detail}: ${g.series.map((x) => `${x.geo} (to ${x.last})`).join(', ')}`;
    return `- ${g.indicator}: ${g.detail}`;
  });
  return [
    `${s.observations.toLocaleString('en-GB')} observations. Cycle ${s.cycleYear}, reference period ${s.referencePeriod.first} to ${s.referencePeriod.last}.`,
    '',
    table,
    '',
    `Gaps (${s.gaps.length}):`,
    ...gaps,
  ].join('\n');
}
