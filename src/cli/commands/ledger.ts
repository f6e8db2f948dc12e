/** `pactcycle ledger verify [--json]`: rebuilds every cycle's hash chain and reports the first broken link. */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.ts';
import { verifyLedger } from '../../store/ledger.ts';
import { formatTable, printJson, progress, withStore } from '../io.ts';

export function register(program: Command): void {
  const ledger = program.command('ledger').description('the append-only, hash-chained log of every pool event');
  ledger
    .command('verify')
    .description('rebuild the hash chain of every cycle and report the first broken link (exit 2 when broken)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const json = Boolean(opts.json);
      const report = await withStore(async (db) => {
        const bar = progress(json);
        let started = false;
        const result = await verifyLedger(db, (done, total) => {
          if (!started) bar.start(total, 'verifying');
          started = true;
          bar.update(done);
        });
        bar.stop();
        return result;
      });
      if (json) printJson(report);
      else {
        process.stdout.write(formatTable(['cycle', 'entries', 'head hash'], report.cycles.map((c) => [String(c.cycle), c.entries, c.headHash])) + '\n');
      }
      if (report.firstBroken) {
        const b = report.firstBroken;
        throw new InputError(`ledger broken at cycle ${b.cycle} entry ${b.seq} (${b.reason}): ${b.detail}`);
      }
      if (!json) process.stdout.write(`ledger verified: ${report.entries} entries, every link holds\n`);
    });
}
