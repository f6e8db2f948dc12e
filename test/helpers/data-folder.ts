/**
 * Temporary tidy data folders for tests, built from the real files of `../shared/data` and the entries of the real
 * manifest — optionally with one file's text changed to exercise a bad-input case.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, type Manifest, type ManifestFile } from '../../src/data/manifest.ts';
import { DEFAULT_MANIFEST } from '../../src/data/load.ts';

export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export const realManifest: Manifest = readManifest(DEFAULT_MANIFEST);

export function realEntry(file: string): ManifestFile {
  const e = realManifest.files.find((f) => f.file === file);
  if (!e) throw new Error(`no manifest entry for ${file}`);
  return e;
}

export function realText(file: string): string {
  return readFileSync(path.join(SHARED_DATA, file), 'utf8');
}

export interface TempFolder {
  dir: string;
  remove(): void;
}

/** A folder holding the given real files (text replaced where `texts` says) and a manifest of just those entries. */
export function tempFolder(files: string[], texts: Record<string, string> = {}, entries: Record<string, Partial<ManifestFile>> = {}): TempFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-data-'));
  const manifest: Manifest = {
    files: files.map((f) => ({ ...realEntry(f), ...entries[f] })),
    eurostat: [],
    notLoaded: [],
  };
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), texts[f] ?? realText(f));
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces the `n`-th line (1-based, header = 1) of a text. */
export function replaceLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}
