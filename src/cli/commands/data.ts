/**
 * `pactcycle data load` and `pactcycle data status`: fill the store with real published data, and show what it
 * covers and what is missing.
 */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { coverageSummary, DEFAULT_CYCLE_YEAR, type CoverageSummary } from '../../data/coverage.ts';
import { loadDataFolder, resolveDataDir, type LoadSummary } from '../../data/load.ts';
import { cacheDirFor, fetchRegistry, registryRequests, storeFetched, type EurostatLoadSummary } from '../../data/eurostat/source.ts';
import { EurostatClient } from '../../data/eurostat/client.ts';
import { storeLocationFromEnv } from '../../store/db.ts';
import { formatTable, printJson, progress, withStore } from '../io.ts';

export function register(program: Command): void {
  const data = program.command('data').description('load real public statistics into the store and show their coverage');

  data
    .command('load')
    .description('load real data in one transaction: --from DIR, else PACTCYCLE_DATA, else ../shared/data, else the live Eurostat API (the registry\'s datasets)')
    .option('--from <dir>', 'the tidy data folder to load')
    .option('--offline', 'never use the network: when no folder is found, load only what the download cache holds')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { from?: string; offline?: boolean; json?: boolean }) => {
      const json = Boolean(opts.json);
      const choice = resolveDataDir({ from: opts.from });
      if (!choice) {
        // Last in the source order: the live API, for the indicators Eurostat publishes.
        const summary = await fetchAndLoad({ json, offline: Boolean(opts.offline) });
        if (json) printJson(eurostatSummaryJson(summary));
        else process.stdout.write(formatEurostatSummary(summary) + '\n');
        return;
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
    .command('fetch')
    .description('download datasets of the source registry from Eurostat\'s API (JSON-stat 2.0) through the download cache, and load them in one transaction')
    .option('--dataset <code...>', 'dataset codes (e.g. migr_asyappctza nama_10_gdp); default every dataset of the registry')
    .option('--since <year>', 'only periods from this year on (sinceTimePeriod)')
    .option('--offline', 'serve only from the download cache; a query not in it is an error')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { dataset?: string[]; since?: string; offline?: boolean; json?: boolean }) => {
      const json = Boolean(opts.json);
      const datasets = opts.dataset?.flatMap((d) => d.split(',')).filter(Boolean);
      const summary = await fetchAndLoad({ json, offline: Boolean(opts.offline), datasets, since: opts.since });
      if (json) printJson(eurostatSummaryJson(summary));
      else process.stdout.write(formatEurostatSummary(summary) + '\n');
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

/** Downloads (or reads from the cache) the registry's datasets and loads them; progress on a TTY unless --json. */
async function fetchAndLoad(o: { json: boolean; offline: boolean; datasets?: string[] | undefined; since?: string | undefined }): Promise<EurostatLoadSummary> {
  const requests = registryRequests({ datasets: o.datasets, since: o.since });
  const tty = !o.json && process.stderr.isTTY;
  const client = new EurostatClient({
    cacheDir: cacheDirFor(storeLocationFromEnv().home),
    offline: o.offline,
    onEvent: (e) => {
      if (tty && e.kind === 'retry') process.stderr.write(`\n${e.reason}; retrying in ${(e.waitMs / 1000).toFixed(1)} s (attempt ${e.attempt + 1})\n`);
    },
  });
  const bar = progress(o.json);
  // Everything is downloaded and parsed before the store is opened: a bad or missing answer touches nothing.
  let started = false;
  let fetched;
  try {
    fetched = await fetchRegistry(client, requests, (done, total) => {
      if (!started) bar.start(total, 'downloading');
      started = true;
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
  const ready = fetched;
  started = false;
  try {
    return await withStore((db) =>
      storeFetched(db, client, ready, (done, total) => {
        if (!started) bar.start(total, 'loading');
        started = true;
        bar.update(done);
      }),
    );
  } finally {
    if (started) bar.stop();
  }
}

function eurostatSummaryJson(s: EurostatLoadSummary) {
  return {
    source: s.load.dir,
    datasets: s.datasets,
    totals: { datasets: s.datasets.length, cells: s.load.rowsRead, observations: s.load.observations, inserted: s.load.inserted, unchanged: s.load.unchanged },
  };
}

function formatEurostatSummary(s: EurostatLoadSummary): string {
  const table = formatTable(
    ['dataset', 'from', 'vintage', 'cells', 'skipped', 'observations', 'inserted', 'unchanged'],
    s.datasets.map((d) => [d.dataset, d.fromCache ? 'cache' : 'download', d.vintage, d.cells, d.skipped, d.observations, d.inserted, d.unchanged]),
  );
  return [`Loaded from ${s.load.dir}`, table, '', `${s.datasets.length} datasets, ${s.load.inserted.toLocaleString('en-GB')} observations inserted, ${s.load.unchanged.toLocaleString('en-GB')} unchanged.`].join('\n');
}
