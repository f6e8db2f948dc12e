/**
 * `pactcycle start` (what `npm start` runs): the main job on the embedded store. Loads the real data when the store
 * is empty, runs the latest cycle the data supports as far as the project goes (coverage, fair shares, the pool
 * proposal), prints the summary, and serves the web application unless told not to.
 */
import type { Command } from 'commander';
import { coverageSummary, loadDefaultDataIfEmpty } from '../../data/index.ts';
import { latestSupportedCycle } from '../../cycle/latest.ts';
import { proposeForCycle } from '../../cycle/propose.ts';
import { formatSharePercent } from '../../domain/fair-share.ts';
import { UsageError } from '../../domain/errors.ts';
import { buildApp } from '../../server/app.ts';
import { openStore, storeLocationFromEnv, type Db } from '../../store/db.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, progress } from '../io.ts';

interface StartOptions {
  cycle?: string;
  port: string;
  host: string;
  serve: boolean;
}

const say = (text: string) => process.stdout.write(text + '\n');

async function runCycle(db: Db, opts: StartOptions): Promise<number> {
  const bar = progress(false);
  let started = false;
  const loaded = await loadDefaultDataIfEmpty(db, {
    onProgress: (done, total) => {
      if (!started) bar.start(total, 'Loading ../shared/data');
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  if (loaded) say(`Loaded ${loaded.files.length} files from ${loaded.dir}: ${loaded.inserted.toLocaleString('en-GB')} observations.`);

  const cycle = opts.cycle ? parseCycle(opts.cycle) : await latestSupportedCycle(db);
  const coverage = await coverageSummary(db, { cycleYear: cycle });
  say(`\n== The ${cycle} cycle: reference period ${coverage.referencePeriod.first} to ${coverage.referencePeriod.last} (Art 9) ==`);
  say(`Store: ${coverage.observations.toLocaleString('en-GB')} observations; ${coverage.gaps.length} data gaps stated (pactcycle data status).`);

  const { proposal, fairShares } = await proposeForCycle(db, { cycle });
  say(`\nFair shares (Art 66): population 1 January ${fairShares.population.year}, GDP ${fairShares.gdp.year}; the largest:`);
  const largest = [...fairShares.states].sort((a, b) => b.share - a.share).slice(0, 5);
  say(formatTable(['state', 'share %'], largest.map((s) => [`${s.code} ${s.name}`, formatSharePercent(s.share)])));
  say(`\nPool proposal (Art 12) — RESTREINT UE until the Council adopts it: ${proposal.referenceRelocations.toLocaleString('en-GB')} relocations, EUR ${proposal.referenceFinancialEur.toLocaleString('en-GB')}; per state: pactcycle pool propose --cycle ${cycle}`);
  return cycle;
}

export function register(program: Command): void {
  program
    .command('start')
    .description('the main job: load the data if the store is empty, run the latest cycle, print the summary, serve the app')
    .option('--cycle <year>', 'run this cycle instead of the latest the data supports')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-serve', 'stop after the summary')
    .action(async (opts: StartOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${opts.port}"`);
      const db = await openStore(storeLocationFromEnv());
      try {
        await runCycle(db, opts);
        if (!opts.serve) return;
        const app = await buildApp({ db, logger: { level: process.env.PACTCYCLE_LOG_LEVEL || 'warn' }, cookieSecure: true });
        const address = await app.listen({ port, host: opts.host });
        say(`\nServing the web application at ${address}/ (API documentation: ${address}/api/docs). Ctrl-C stops.`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await app.close();
      } finally {
        await db.close();
      }
    });
}
