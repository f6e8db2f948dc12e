/**
 * The live source: the registry's Eurostat datasets, asked for through the client as JSON-stat 2.0 (one request per
 * dataset, filtered by the union of its indicators' filters), parsed into observations and handed to the same
 * one-transaction store step as a tidy folder. A download's sha256 is recorded like a file's, so loading the same
 * answer twice changes nothing and a new release is kept beside the old one.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError, UsageError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { storeParsedFolder, type LoadSummary, type ParsedDataFile, type ParsedFolder } from '../load.ts';
import { REGISTRY } from '../registry.ts';
import type { EurostatClient } from './client.ts';
import { parseEurostatTsv } from './tsv.ts';
import { parseJsonStat } from './jsonstat.ts';
import { parseSdmxCsv } from './sdmx-csv.ts';
import type { EurostatParsed } from './series.ts';

export interface EurostatRequest {
  dataset: string;
  indicators: string[];
  /** Relative to the API. */
  query: string;
  periods?: { from: string; to: string } | undefined;
}

/** The datasets of the registry with the indicators each serves. */
export function registryDatasets(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const def of REGISTRY) {
    if (!def.eurostat) continue;
    out.set(def.eurostat.dataset, [...(out.get(def.eurostat.dataset) ?? []), def.id]);
  }
  return out;
}

/**
 * One JSON-stat request per dataset. Filters of its indicators are united per dimension (migr_asyappctza asks for
 * applicant=FRST and applicant=TOTAL at once); cells of combinations no indicator wants are skipped by the parser.
 */
export function registryRequests(opts: { datasets?: readonly string[]; since?: string | undefined } = {}): EurostatRequest[] {
  const known = registryDatasets();
  const wanted = opts.datasets?.length ? opts.datasets.map((d) => d.trim().toLowerCase()) : [...known.keys()];
  for (const d of wanted) {
    if (!known.has(d)) throw new UsageError(`no indicator of the registry comes from dataset "${d}"; known: ${[...known.keys()].sort().join(', ')}`);
  }
  if (opts.since !== undefined && !/^\d{4}$/.test(opts.since)) throw new UsageError(`--since must be a year, not ${opts.since}`);
  return wanted.map((dataset) => {
    const codes = new Map<string, Set<string>>();
    for (const def of REGISTRY) {
      if (def.eurostat?.dataset !== dataset) continue;
      for (const [dim, code] of Object.entries(def.eurostat.filters)) codes.set(dim, (codes.get(dim) ?? new Set()).add(code));
    }
    const params = new URLSearchParams({ format: 'JSON', lang: 'EN' });
    for (const dim of [...codes.keys()].sort()) for (const code of [...codes.get(dim)!].sort()) params.append(dim, code);
    if (opts.since) params.append('sinceTimePeriod', opts.since);
    return {
      dataset,
      indicators: known.get(dataset)!,
      query: `statistics/1.0/data/${dataset}?${params.toString()}`,
      periods: opts.since ? { from: opts.since, to: '2999' } : undefined,
    };
  });
}

export type EurostatFormat = 'jsonstat' | 'sdmx-csv' | 'tsv';

/** Which parser a body needs: by its content type, else by its first character. */
export function formatOf(body: string, contentType: string | undefined, query: string): EurostatFormat {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('json')) return 'jsonstat';
  if (/format=tsv/i.test(query) || ct.includes('tab-separated')) return 'tsv';
  if (ct.includes('csv') || /format=(sdmx-csv|csvdata)/i.test(query)) return 'sdmx-csv';
  return body.trimStart().startsWith('{') ? 'jsonstat' : 'sdmx-csv';
}

/** The release date a download stands for where the body does not say: its Last-Modified, else the download day. */
function fallbackVintage(lastModified: string | undefined, fetchedAt: string): string {
  const t = lastModified ? Date.parse(lastModified) : NaN;
  return new Date(Number.isNaN(t) ? Date.parse(fetchedAt) : t).toISOString().slice(0, 10);
}

export interface FetchedDataset {
  request: EurostatRequest;
  parsed: EurostatParsed;
  fromCache: boolean;
  bytes: number;
  file: ParsedDataFile;
}

export async function fetchDataset(client: EurostatClient, request: EurostatRequest): Promise<FetchedDataset> {
  const got = await client.get(request.query);
  const opts = { file: got.url, dataset: request.dataset, vintage: fallbackVintage(got.lastModified, got.fetchedAt), periods: request.periods };
  const format = formatOf(got.body, got.contentType, got.query);
  const parsed = format === 'jsonstat' ? parseJsonStat(got.body, opts) : format === 'tsv' ? parseEurostatTsv(got.body, opts) : parseSdmxCsv(got.body, opts);
  if (parsed.dataset !== request.dataset) throw new InputError(`the answer is dataset ${parsed.dataset}, not ${request.dataset}`, { file: got.url });
  const bytes = Buffer.byteLength(got.body);
  return {
    request,
    parsed,
    fromCache: got.fromCache,
    bytes,
    file: {
      file: `eurostat:${got.query}`,
      sha256: createHash('sha256').update(got.body).digest('hex'),
      bytes,
      indicators: request.indicators,
      source: `eurostat:${request.dataset}`,
      vintage: parsed.vintage,
      fallback: REGISTRY.some((d) => d.eurostat?.dataset === request.dataset && d.fallback),
      rowsRead: parsed.cells,
      observations: parsed.observations,
      superseded: 0,
    },
  };
}

/** Downloads (or reads from the cache) and parses every request; touches no store. */
export async function fetchRegistry(
  client: EurostatClient,
  requests: readonly EurostatRequest[],
  onProgress?: (done: number, total: number, dataset: string) => void,
): Promise<{ folder: ParsedFolder; datasets: FetchedDataset[] }> {
  const datasets: FetchedDataset[] = [];
  for (const request of requests) {
    onProgress?.(datasets.length, requests.length, request.dataset);
    datasets.push(await fetchDataset(client, request));
  }
  onProgress?.(datasets.length, requests.length, '');
  return { folder: { dir: client.baseUrl, files: datasets.map((d) => d.file), undescribed: [] }, datasets };
}

export interface EurostatLoadSummary {
  datasets: { dataset: string; url: string; fromCache: boolean; bytes: number; vintage: string; cells: number; skipped: number; observations: number; inserted: number; unchanged: number; alreadyLoaded: boolean }[];
  load: LoadSummary;
}

/** Downloads (or reads from the cache) and parses every request first, then stores them all in one transaction. */
export async function loadFromEurostat(
  db: Db,
  client: EurostatClient,
  requests: readonly EurostatRequest[],
  opts: { onDownload?: (done: number, total: number, dataset: string) => void; onStore?: (done: number, total: number) => void } = {},
): Promise<EurostatLoadSummary> {
  const fetched = await fetchRegistry(client, requests, opts.onDownload);
  return storeFetched(db, client, fetched, opts.onStore);
}

/** The store step alone, for callers that download before opening the store. */
export async function storeFetched(
  db: Db,
  client: EurostatClient,
  fetched: { folder: ParsedFolder; datasets: FetchedDataset[] },
  onStore?: (done: number, total: number) => void,
): Promise<EurostatLoadSummary> {
  const load = await storeParsedFolder(db, fetched.folder, { onProgress: (done, total) => onStore?.(done, total) });
  return {
    datasets: fetched.datasets.map((d, i) => ({
      dataset: d.request.dataset,
      url: `${client.baseUrl}/${d.file.file.slice('eurostat:'.length)}`,
      fromCache: d.fromCache,
      bytes: d.bytes,
      vintage: d.parsed.vintage,
      cells: d.parsed.cells,
      skipped: d.parsed.skipped,
      observations: d.parsed.observations.length,
      inserted: load.files[i]!.inserted,
      unchanged: load.files[i]!.unchanged,
      alreadyLoaded: load.files[i]!.alreadyLoaded,
    })),
    load,
  };
}

/** The client the CLI uses: the cache under the store's home. */
export function cacheDirFor(home: string): string {
  return path.join(home, 'cache', 'eurostat');
}
