/**
 * The HTTP client for Eurostat's dissemination API. Each attempt has a timeout (`AbortSignal.timeout`, covering the
 * body too); 5xx, 429 and network failures (refused, reset, truncated body, timeout) are retried with exponential
 * backoff, and a `Retry-After` header is honoured. Other 4xx answers are the query's fault and are not retried.
 * Every answer is kept in an on-disk cache under `PACTCYCLE_HOME`, keyed by a sha256 of the query (path and sorted
 * parameters, not the host), so a run can be repeated offline; in offline mode only the cache is read and a query
 * not in it is a clear error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../domain/errors.ts';

export const EUROSTAT_API = 'https://ec.europa.eu/eurostat/api/dissemination';

export interface EurostatClientOptions {
  /** The folder of the download cache, e.g. `$PACTCYCLE_HOME/cache/eurostat`. */
  cacheDir: string;
  /** Default `PACTCYCLE_EUROSTAT_URL`, else Eurostat's dissemination API. */
  baseUrl?: string | undefined;
  /** Serve only from the cache; never touch the network. */
  offline?: boolean | undefined;
  /** Per attempt, headers and body. Default 60 s. */
  timeoutMs?: number;
  /** Attempts after the first. Default 4. */
  retries?: number;
  /** First backoff; it doubles with each attempt, up to `maxBackoffMs`. Defaults 1 s and 30 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A `Retry-After` longer than this is cut to it. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Online, a cached answer younger than this is served without asking again. Default 24 h; 0 always asks. */
  maxAgeMs?: number;
  /** Retries and downloads, for progress output. */
  onEvent?: (event: ClientEvent) => void;
}

export type ClientEvent =
  | { kind: 'retry'; url: string; attempt: number; waitMs: number; reason: string }
  | { kind: 'downloaded'; url: string; bytes: number; attempts: number }
  | { kind: 'cache-hit'; url: string };

export interface Fetched {
  url: string;
  /** The query relative to the API (path and sorted parameters): what the cache is keyed by. */
  query: string;
  body: string;
  fromCache: boolean;
  /** When the answer was downloaded (ISO 8601). */
  fetchedAt: string;
  /** The response's `Last-Modified`, when it sent one. */
  lastModified?: string | undefined;
  contentType?: string | undefined;
  attempts: number;
}

interface CacheMeta {
  query: string;
  url: string;
  fetchedAt: string;
  lastModified?: string | undefined;
  contentType?: string | undefined;
  bytes: number;
  sha256: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EurostatClient {
  readonly baseUrl: string;
  private readonly o: Required<Omit<EurostatClientOptions, 'baseUrl' | 'onEvent' | 'offline'>> & { offline: boolean };
  private readonly onEvent: ((e: ClientEvent) => void) | undefined;

  constructor(opts: EurostatClientOptions) {
    this.baseUrl = (opts.baseUrl ?? process.env.PACTCYCLE_EUROSTAT_URL ?? EUROSTAT_API).replace(/\/+$/, '');
    this.o = {
      cacheDir: opts.cacheDir,
      offline: Boolean(opts.offline),
      timeoutMs: opts.timeoutMs ?? 60_000,
      retries: opts.retries ?? 4,
      backoffMs: opts.backoffMs ?? 1_000,
      maxBackoffMs: opts.maxBackoffMs ?? 30_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
      maxAgeMs: opts.maxAgeMs ?? 24 * 3600_000,
    };
    this.onEvent = opts.onEvent;
  }

  /** The canonical form of a query: its path and its parameters sorted (repeated ones keep their order). */
  static canonicalQuery(query: string): string {
    const [p, search = ''] = query.replace(/^\/+/, '').split('?', 2) as [string, string?];
    const params = [...new URLSearchParams(search)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const qs = new URLSearchParams(params).toString();
    return qs ? `${p}?${qs}` : p;
  }

  static cacheKey(query: string): string {
    return createHash('sha256').update(EurostatClient.canonicalQuery(query)).digest('hex');
  }

  /** `query` is relative to the API, e.g. `statistics/1.0/data/nama_10_gdp?format=JSON&geo=IT`. */
  async get(query: string): Promise<Fetched> {
    const canonical = EurostatClient.canonicalQuery(query);
    const url = `${this.baseUrl}/${canonical}`;
    const cached = this.readCache(canonical);
    if (cached && (this.o.offline || Date.now() - Date.parse(cached.meta.fetchedAt) < this.o.maxAgeMs)) {
      this.onEvent?.({ kind: 'cache-hit', url });
      return { url, query: canonical, body: cached.body, fromCache: true, fetchedAt: cached.meta.fetchedAt, lastModified: cached.meta.lastModified, contentType: cached.meta.contentType, attempts: 0 };
    }
    if (this.o.offline) {
      throw new InputError(`offline, and this query is not in the download cache (${this.o.cacheDir}, key ${EurostatClient.cacheKey(canonical).slice(0, 12)}); run once without --offline to download it`, { file: url });
    }
    const fetched = await this.download(url, canonical);
    this.writeCache(canonical, fetched);
    return fetched;
  }

  private async download(url: string, canonical: string): Promise<Fetched> {
    let lastReason = '';
    const attempts = this.o.retries + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let waitMs = Math.min(this.o.backoffMs * 2 ** (attempt - 1), this.o.maxBackoffMs);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs), headers: { 'accept-encoding': 'gzip' } });
        if (res.ok) {
          const bytes = Buffer.from(await res.arrayBuffer());
          // Bulk files come gzipped as a file (`compressed=true`), not as a content encoding.
          const body = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipOrFail(bytes, url) : bytes).toString('utf8');
          this.onEvent?.({ kind: 'downloaded', url, bytes: bytes.length, attempts: attempt });
          return {
            url,
            query: canonical,
            body,
            fromCache: false,
            fetchedAt: new Date().toISOString(),
            lastModified: res.headers.get('last-modified') ?? undefined,
            contentType: res.headers.get('content-type') ?? undefined,
            attempts: attempt,
          };
        }
        const text = await res.text().catch(() => '');
        if (res.status !== 429 && res.status < 500) {
          throw new InputError(`Eurostat refused the query: HTTP ${res.status}${describeBody(text)}`, { file: url });
        }
        lastReason = `HTTP ${res.status}${describeBody(text)}`;
        const after = retryAfterMs(res.headers.get('retry-after'));
        if (after !== undefined) waitMs = Math.min(after, this.o.maxRetryAfterMs);
      } catch (err) {
        if (err instanceof InputError) throw err;
        lastReason = describeNetworkError(err, this.o.timeoutMs);
      }
      if (attempt < attempts) {
        this.onEvent?.({ kind: 'retry', url, attempt, waitMs, reason: lastReason });
        await sleep(waitMs);
      }
    }
    throw new InputError(`no answer from Eurostat after ${attempts} attempts; the last: ${lastReason}`, { file: url });
  }

  private paths(canonical: string): { body: string; meta: string } {
    const key = EurostatClient.cacheKey(canonical);
    return { body: path.join(this.o.cacheDir, `${key}.body`), meta: path.join(this.o.cacheDir, `${key}.json`) };
  }

  private readCache(canonical: string): { body: string; meta: CacheMeta } | null {
    const p = this.paths(canonical);
    let meta: CacheMeta;
    let body: Buffer;
    try {
      meta = JSON.parse(readFileSync(p.meta, 'utf8')) as CacheMeta;
      body = readFileSync(p.body);
    } catch {
      return null;
    }
    // A body that does not match its record (an interrupted write, a hash collision of queries) is not served.
    if (meta.query !== canonical || createHash('sha256').update(body).digest('hex') !== meta.sha256) return null;
    return { body: body.toString('utf8'), meta };
  }

  private writeCache(canonical: string, f: Fetched): void {
    mkdirSync(this.o.cacheDir, { recursive: true });
    const p = this.paths(canonical);
    const body = Buffer.from(f.body, 'utf8');
    const meta: CacheMeta = {
      query: canonical,
      url: f.url,
      fetchedAt: f.fetchedAt,
      lastModified: f.lastModified,
      contentType: f.contentType,
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    };
    // Body first, then its record, each by rename: a reader never sees half an entry.
    const tmp = `${p.body}.${process.pid}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, p.body);
    writeFileSync(`${p.meta}.${process.pid}.tmp`, JSON.stringify(meta, null, 2));
    renameSync(`${p.meta}.${process.pid}.tmp`, p.meta);
  }
}

function gunzipOrFail(bytes: Buffer, url: string): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new InputError(`the gzipped answer cannot be unpacked (truncated?): ${(err as Error).message}`, { file: url });
  }
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const date = Date.parse(t);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeBody(text: string): string {
  if (!text) return '';
  try {
    const json = JSON.parse(text) as { error?: unknown };
    const e = Array.isArray(json.error) ? json.error[0] : json.error;
    if (e && typeof e === 'object' && 'label' in e) return `: ${String((e as { label: unknown }).label)}`;
  } catch {
    // not JSON: show its start
  }
  return `: ${text.slice(0, 200).replace(/\s+/g, ' ').trim()}`;
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete answer within ${timeoutMs} ms (timeout)`;
  const cause = e.cause ? ` (${e.cause.code ?? e.cause.message ?? String(e.cause)})` : '';
  return `${e.message}${cause}`;
}
