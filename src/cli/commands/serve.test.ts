/**
 * First run as a new user meets it: `pactcycle serve` on a store without accounts prints a one-time setup link;
 * opening it creates the Commission account; the next start prints no link, and the old token opens nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/pactcycle.js', import.meta.url));
const home = mkdtempSync(path.join(tmpdir(), 'pactcycle-serve-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Starts `serve` on the temporary embedded store; resolves with its address and what it printed on start. */
async function serve(): Promise<{ url: string; out: string; stop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PACTCYCLE_HOME: home, PACTCYCLE_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is serving (http:\/\/[\d.]+:\d+)/.exec(out);
      // The setup link, when there is one, is printed in the same write as the address.
      if (m && out.endsWith('\n')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url, get out() { return out; }, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

describe('pactcycle serve on a store without accounts', () => {
  it('prints a one-time setup link that creates the first Commission account, and none once an account exists', async () => {
    const first = await serve();
    let token: string;
    try {
      const m = new RegExp(`${first.url.replaceAll('.', '\\.')}/setup\\?token=([A-Za-z0-9_-]{43})`).exec(first.out);
      expect(m, first.out).not.toBeNull();
      token = m![1]!;
      const created = await fetch(`${first.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'analyst', password: 'correct horse battery staple' }) });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ user: { name: 'analyst', role: 'commission' } });
    } finally {
      await first.stop();
    }

    const second = await serve();
    try {
      expect(second.out).not.toContain('/setup?token=');
      const again = await fetch(`${second.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'mallory', password: 'correct horse battery staple' }) });
      expect(again.status).toBe(403);
    } finally {
      await second.stop();
    }
  });
});
