/**
 * What every command shares: opening the store, printing JSON or a table, and showing progress only where a person
 * is watching (a TTY, not `--json`).
 */
import { SingleBar, Presets } from 'cli-progress';
import { openStore, storeLocationFromEnv, type Db } from '../store/db.ts';

export async function withStore<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(storeLocationFromEnv());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function printJson(data: unknown): void {
  process.stdout.write(JSON.stringify(data, null, 2) + '\n');
}

/** Renders rows as an aligned text table; numbers are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-GB') : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (numeric[i] ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

export function progress(json: boolean): Progress {
  if (json || !process.stderr.isTTY) return { start() {}, update() {}, stop() {} };
  const bar = new SingleBar({ stream: process.stderr, format: '{label} [{bar}] {value}/{total}', hideCursor: true }, Presets.shades_classic);
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
