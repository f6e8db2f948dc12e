/**
 * Loading a tidy data folder into the store. Every file is read and parsed before the store is touched, and the
 * whole folder goes in as ONE transaction: a bad file anywhere means nothing of this run is stored and nothing already
 * stored is lost. Each file is recorded in `data_load` with its sha256; a file whose bytes were already loaded is
 * skipped, so loading the same vintage twice changes nothing, and a new vintage is kept beside the old one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import type { Db, Queryable } from '../store/db.ts';
import { beginLoad, countObservations, encodeDims, finishLoad, insertObservations } from '../store/observations.ts';
import { readManifest, type Manifest, type ManifestFile } from './manifest.ts';
import { parseJsonStat } from './eurostat/jsonstat.ts';
import { parseSdmxCsv } from './eurostat/sdmx-csv.ts';
import { parseEurostatTsv } from './eurostat/tsv.ts';
import { parseTidyCsv } from './tidy-csv.ts';

/** The manifest checked into the repository, describing `../shared/data`. */
export const DEFAULT_MANIFEST = fileURLToPath(new URL('../../data/manifest.json', import.meta.url));

export interface DataDirChoice {
  dir: string;
  /** Why this folder: `--from`, `PACTCYCLE_DATA`, or `../shared/data` beside the working directory. */
  origin: 'from' | 'env' | 'shared';
}

/** Source order: `--from DIR`, then `PACTCYCLE_DATA`, then `../shared/data` when it exists; null means the live API. */
export function resolveDataDir(opts: { from?: string | undefined; env?: NodeJS.ProcessEnv; cwd?: string } = {}): DataDirChoice | null {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  if (opts.from) return { dir: path.resolve(cwd, opts.from), origin: 'from' };
  if (env.PACTCYCLE_DATA) return { dir: path.resolve(cwd, env.PACTCYCLE_DATA), origin: 'env' };
  const shared = path.resolve(cwd, '../shared/data');
  if (existsSync(shared) && statSync(shared).isDirectory()) return { dir: shared, origin: 'shared' };
  return null;
}

/** A folder's own `manifest.json`, else the repository's `data/manifest.json`. */
export function manifestPathFor(dir: string): string {
  const own = path.join(dir, 'manifest.json');
  return existsSync(own) ? own : DEFAULT_MANIFEST;
}

export interface ParsedDataFile {
  /** A path in the folder, or the query of a download (`eurostat:statistics/1.0/data/…`). */
  file: string;
  sha256: string;
  bytes: number;
  /** The manifest entry, for files of a tidy folder. */
  entry?: ManifestFile;
  /** The indicators the file may feed, its source and vintage (as recorded in `data_load`). */
  indicators: string[];
  source: string;
  vintage?: string | undefined;
  /** A fallback file's figures are kept only where no primary file gives the same one. */
  fallback: boolean;
  rowsRead: number;
  observations: Observation[];
  /** Rows of a fallback file dropped because another file gives the same figure. */
  superseded: number;
}

export interface ParsedFolder {
  /** The folder, or the API's base URL for downloads. */
  dir: string;
  manifest?: Manifest;
  files: ParsedDataFile[];
  /** Files present in the folder that the manifest neither loads nor lists as not loaded. */
  undescribed: string[];
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

function readDescribedFile(full: string): Buffer {
  try {
    return readFileSync(full);
  } catch {
    throw new InputError('the manifest describes this file but the folder does not have it', { file: full });
  }
}

/** Reads and parses every file the manifest describes; touches no store. */
export function parseDataFolder(dir: string, manifest: Manifest = readManifest(manifestPathFor(dir))): ParsedFolder {
  if (!existsSync(dir)) throw new InputError('the data folder does not exist', { file: dir });
  const files: ParsedDataFile[] = [];
  for (const entry of manifest.files) {
    const full = path.join(dir, entry.file);
    const bytes = readDescribedFile(full);
    const parsed = parseTidyCsv(bytes.toString('utf8'), entry, full);
    files.push({
      file: entry.file,
      sha256: sha256(bytes),
      bytes: bytes.length,
      entry,
      indicators: [...new Set(entry.targets.map((t) => t.indicator))],
      source: entry.source,
      vintage: entry.vintage,
      fallback: Boolean(entry.fallback),
      rowsRead: parsed.rowsRead,
      observations: parsed.observations,
      superseded: 0,
    });
  }
  for (const entry of manifest.eurostat) {
    const full = path.join(dir, entry.file);
    const bytes = readDescribedFile(full);
    const opts = { file: full, dataset: entry.dataset, vintage: entry.vintage, periods: entry.periods };
    const text = bytes.toString('utf8');
    const parsed = entry.format === 'jsonstat' ? parseJsonStat(text, opts) : entry.format === 'tsv' ? parseEurostatTsv(text, opts) : parseSdmxCsv(text, opts);
    files.push({
      file: entry.file,
      sha256: sha256(bytes),
      bytes: bytes.length,
      indicators: [...new Set(parsed.observations.map((o) => o.indicator))].sort(),
      source: `eurostat:${parsed.dataset}`,
      vintage: parsed.vintage,
      fallback: Boolean(entry.fallback),
      rowsRead: parsed.cells,
      observations: parsed.observations,
      superseded: 0,
    });
  }
  applyFallbacks(files);
  const described = new Set([...manifest.files.map((f) => f.file), ...manifest.eurostat.map((f) => f.file), ...manifest.notLoaded.map((f) => f.file), 'manifest.json']);
  const undescribed = listFiles(dir).filter((f) => !described.has(f) && !path.basename(f).startsWith('.'));
  return { dir, manifest, files, undescribed };
}

/** A fallback file's figure is kept only where no primary file of the folder has one for the same key. */
function applyFallbacks(files: ParsedDataFile[]): void {
  const key = (o: Observation) => `${o.indicator}|${o.geo}|${o.period}|${encodeDims(o.dims)}`;
  const primary = new Set<string>();
  for (const f of files) if (!f.fallback) for (const o of f.observations) primary.add(key(o));
  for (const f of files) {
    if (!f.fallback) continue;
    const kept = f.observations.filter((o) => !primary.has(key(o)));
    f.superseded = f.observations.length - kept.length;
    f.observations = kept;
  }
}

export interface FileLoadSummary {
  file: string;
  sha256: string;
  indicators: string[];
  rowsRead: number;
  observations: number;
  inserted: number;
  unchanged: number;
  superseded: number;
  /** True when these exact bytes were loaded before: nothing to do. */
  alreadyLoaded: boolean;
}

export interface LoadSummary {
  dir: string;
  files: FileLoadSummary[];
  rowsRead: number;
  observations: number;
  inserted: number;
  unchanged: number;
  undescribed: string[];
}

export interface LoadOptions {
  manifest?: Manifest;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Loads a parsed folder in one transaction. */
export async function storeParsedFolder(db: Db, parsed: ParsedFolder, opts: Pick<LoadOptions, 'onProgress'> = {}): Promise<LoadSummary> {
  const total = parsed.files.reduce((n, f) => n + f.observations.length, 0);
  const summaries = await db.transaction(async (tx) => {
    const out: FileLoadSummary[] = [];
    let done = 0;
    for (const f of parsed.files) {
      const indicators = f.indicators;
      const base = { file: f.file, sha256: f.sha256, indicators, rowsRead: f.rowsRead, observations: f.observations.length, superseded: f.superseded };
      if (await alreadyLoaded(tx, f.file, f.sha256)) {
        done += f.observations.length;
        opts.onProgress?.(done, total, f.file);
        out.push({ ...base, inserted: 0, unchanged: f.observations.length, alreadyLoaded: true });
        continue;
      }
      const vintages = [...new Set(f.observations.map((o) => o.vintage))].sort();
      const sources = [...new Set(f.observations.map((o) => o.source))].sort();
      const loadId = await beginLoad(tx, {
        sourceFile: f.file,
        sha256: f.sha256,
        indicator: indicators.join(','),
        source: sources.join(',') || f.source,
        vintage: vintages.join(',') || f.vintage || '',
        rowsRead: f.rowsRead,
      });
      const start = done;
      const r = await insertObservations(tx, f.observations, loadId, f.file, (n) => opts.onProgress?.(start + n, total, f.file));
      await finishLoad(tx, loadId, r.inserted);
      done += f.observations.length;
      opts.onProgress?.(done, total, f.file);
      out.push({ ...base, inserted: r.inserted, unchanged: r.unchanged, alreadyLoaded: false });
    }
    return out;
  });
  return {
    dir: parsed.dir,
    files: summaries,
    rowsRead: summaries.reduce((n, f) => n + f.rowsRead, 0),
    observations: summaries.reduce((n, f) => n + f.observations, 0),
    inserted: summaries.reduce((n, f) => n + f.inserted, 0),
    unchanged: summaries.reduce((n, f) => n + f.unchanged, 0),
    undescribed: parsed.undescribed,
  };
}

async function alreadyLoaded(tx: Queryable, file: string, hash: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM data_load WHERE source_file = $1 AND sha256 = $2 LIMIT 1', [file, hash]);
  return rows.length > 0;
}

/** Parses a whole tidy folder, then stores it in one transaction. */
export async function loadDataFolder(db: Db, dir: string, opts: LoadOptions = {}): Promise<LoadSummary> {
  const parsed = parseDataFolder(dir, opts.manifest ?? readManifest(manifestPathFor(dir)));
  return storeParsedFolder(db, parsed, opts);
}

/**
 * For `npm start`: loads the default data folder when the store holds no observations. Returns the summary, or null
 * when the store already had data (nothing done).
 */
export async function loadDefaultDataIfEmpty(db: Db, opts: LoadOptions & { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<LoadSummary | null> {
  if ((await countObservations(db)) > 0) return null;
  const choice = resolveDataDir({ cwd: opts.cwd, env: opts.env });
  if (!choice) {
    throw new InputError('the store is empty and no data folder was found (--from, PACTCYCLE_DATA or ../shared/data); run `pactcycle data load`');
  }
  return loadDataFolder(db, choice.dir, opts);
}
