/** Runs the real CLI entry point in-process, capturing what it prints, against a fresh embedded store folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tempFolder, type TempFolder } from './data-folder.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'pactcycle', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Points PACTCYCLE_HOME at a new temporary folder (and unsets DATABASE_URL) until `restore` is called. */
export function tempHome(): { dir: string; restore(): void } {
  const saved = { home: process.env.PACTCYCLE_HOME, url: process.env.DATABASE_URL };
  const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-home-'));
  process.env.PACTCYCLE_HOME = dir;
  delete process.env.DATABASE_URL;
  return {
    dir,
    restore() {
      if (saved.home === undefined) delete process.env.PACTCYCLE_HOME;
      else process.env.PACTCYCLE_HOME = saved.home;
      if (saved.url) process.env.DATABASE_URL = saved.url;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For the enclosing describe block: a temporary home whose embedded store holds the given real files of
 * `../shared/data`, loaded once through `pactcycle data load` before the block's tests.
 */
export function cliHomeWithData(files: string[], timeoutMs = 120_000): { homeDir(): string } {
  let home: ReturnType<typeof tempHome> | undefined;
  let folder: TempFolder | undefined;
  beforeAll(async () => {
    home = tempHome();
    folder = tempFolder(files);
    const r = await runCli('data', 'load', '--from', folder.dir, '--json');
    if (r.code !== 0) throw new Error(`data load failed (${r.code}): ${r.stderr}`);
  }, timeoutMs);
  afterAll(() => {
    folder?.remove();
    home?.restore();
  });
  return {
    homeDir() {
      if (!home) throw new Error('the home exists only inside the describe block');
      return home.dir;
    },
  };
}
