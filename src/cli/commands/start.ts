/**
 * `pactcycle start` (what `npm start` runs): the main job on the embedded store. Loads the real data when the store
 * is empty, runs the latest cycle the data supports (coverage, the assessment, fair shares, the pool proposal), writes
 * the Annual Report in English and Dutch, prints the summary, and serves the web application unless told not to.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { coverageSummary, loadDefaultDataIfEmpty } from '../../data/index.ts';
import { latestSupportedCycle } from '../../cycle/latest.ts';
import { runAssessment } from '../../cycle/assess.ts';
import { proposeForCycle } from '../../cycle/propose.ts';
import { formatSharePercent } from '../../domain/fair-share.ts';
import { UsageError } from '../../domain/errors.ts';
import { buildApp } from '../../server/app.ts';
import { openStore, storeLocationFromEnv, type Db } from '../../store/db.ts';
import { newSetupToken, setupMessage, setupNeeded } from '../../server/setup/first-run.ts';
import { parseCycle } from '../cycle-option.ts';
import { formatTable, progress } from '../io.ts';

interface StartOptions {
  cycle?: string;
  report: boolean;
  pdf: boolean;
  out: string;
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

  const assessment = await runAssessment(db, { cycle });
  say(`\nAssessment (Arts 9-11, methodology ${assessment.methodology.id} v${assessment.methodology.version}): the computed evidence; the categories are the Commission's decision (pactcycle decision record).`);
  for (const category of ['under-pressure', 'at-risk', 'significant-situation'] as const) {
    const states = assessment.states.filter((s) => s.categories.includes(category)).map((s) => (category === 'under-pressure' && s.sarGround ? `${s.code} (Art 11(3) SAR)` : s.code));
    say(`  ${category.padEnd(22)} ${states.length ? states.join(', ') : 'none'}`);
  }
  const disagreements = assessment.states.reduce((n, s) => n + s.disagreements.length, 0);
  say(`  decisions recorded: ${assessment.decisionsRecorded}; disagreements with the evidence: ${disagreements}; data notes: ${assessment.states.reduce((n, s) => n + s.dataNotes.length, 0) + assessment.dataNotes.length} (pactcycle assess --cycle ${cycle})`);

  const { proposal, fairShares, sar } = await proposeForCycle(db, { cycle, assessment });
  say(`\nFair shares (Art 66): population 1 January ${fairShares.population.year}, GDP ${fairShares.gdp.year}; the largest:`);
  const largest = [...fairShares.states].sort((a, b) => b.share - a.share).slice(0, 5);
  say(formatTable(['state', 'share %'], largest.map((s) => [`${s.code} ${s.name}`, formatSharePercent(s.share)])));
  say(`\nPool proposal (Art 12) — RESTREINT UE until the Council adopts it: ${proposal.referenceRelocations.toLocaleString('en-GB')} relocations, EUR ${proposal.referenceFinancialEur.toLocaleString('en-GB')}; per state: pactcycle pool propose --cycle ${cycle}`);
  if (sar) say(`  ${sar.percentage} % indicatively for search-and-rescue states (Art 12(5)): ${sar.basis}`);

  if (opts.report) {
    // Loaded only when a report is asked for (see report.ts). The figures are the same in every language: computed
    // once, written twice.
    const { gatherReportData, writeReport } = await import('../../report/index.ts');
    const data = await gatherReportData(db, cycle, { assessment });
    for (const lang of ['en', 'nl']) {
      const r = await writeReport(db, { cycle, lang, pdf: opts.pdf, out: path.join(opts.out, `report-${cycle}-${lang}`) }, data);
      say(`\nReport (${lang}): ${path.resolve(r.dir, 'report.html')}${r.files.includes('report.pdf') ? ` and report.pdf` : ''}; annexes and manifest.json beside it.`);
    }
  }
  return cycle;
}

export function register(program: Command): void {
  program
    .command('start')
    .description('the main job: load the data if the store is empty, run the latest cycle, print the summary, serve the app')
    .option('--cycle <year>', 'run this cycle instead of the latest the data supports')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--out <dir>', 'folder for the reports', 'out')
    .option('--no-report', 'do not write the Annual Report')
    .option('--no-pdf', 'write the report without printing its PDF')
    .option('--no-serve', 'stop after the summary')
    .action(async (opts: StartOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${opts.port}"`);
      const db = await openStore(storeLocationFromEnv());
      try {
        await runCycle(db, opts);
        if (!opts.serve) return;
        const setupToken = (await setupNeeded(db)) ? newSetupToken() : undefined;
        const app = await buildApp({ db, logger: { level: process.env.PACTCYCLE_LOG_LEVEL || 'warn' }, cookieSecure: true, ...(setupToken ? { setupToken } : {}) });
        const address = await app.listen({ port, host: opts.host });
        say(`\nServing the web application at ${address}/ (API documentation: ${address}/api/docs). Ctrl-C stops.`);
        if (setupToken) say(setupMessage(address, setupToken));
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
