import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.ts';
import { F1_UNE_RT_M_DE, F3_NAMA_10_GDP_IT, fixture } from '../../../test/helpers/fixtures.ts';
import { replayServer, type ReplayServer } from '../../../test/helpers/replay-server.ts';
import { EurostatClient, retryAfterMs, type ClientEvent } from './client.ts';
import { parseJsonStat } from './jsonstat.ts';

const GDP_PATH = '/statistics/1.0/data/nama_10_gdp';
const GDP_QUERY = 'statistics/1.0/data/nama_10_gdp?format=JSON&lang=EN&geo=IT&unit=CP_MEUR&na_item=B1GQ';
const JSON_HEADERS = { 'content-type': 'application/json' };
const f3 = fixture(F3_NAMA_10_GDP_IT);

let server: ReplayServer;
let cacheDir: string;
let events: ClientEvent[];

const client = (opts: Partial<ConstructorParameters<typeof EurostatClient>[0]> = {}) =>
  new EurostatClient({ cacheDir, baseUrl: server.url, backoffMs: 20, timeoutMs: 2_000, onEvent: (e) => events.push(e), ...opts });

async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => new Error('expected an InputError'),
    (err: unknown) => err as Error,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

beforeAll(async () => {
  server = await replayServer();
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'pactcycle-cache-'));
  events = [];
  server.routes.clear();
  server.hits.clear();
  server.log.length = 0;
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('EurostatClient against a local server replaying recorded Eurostat answers', () => {
  it('downloads the recorded answer byte for byte; the parser reads it as Italy\'s GDP', async () => {
    server.routes.set(GDP_PATH, [{ body: f3, headers: JSON_HEADERS }]);
    const got = await client().get(GDP_QUERY);
    expect(got).toMatchObject({ body: f3, fromCache: false, attempts: 1, contentType: 'application/json' });
    expect(server.log).toEqual(['/statistics/1.0/data/nama_10_gdp?format=JSON&geo=IT&lang=EN&na_item=B1GQ&unit=CP_MEUR']);
    expect(parseJsonStat(got.body, { file: got.url }).observations.find((o) => o.period === '2024')!.value).toBe(2202031.2);
  });

  it('retries a 503 and then succeeds', async () => {
    server.routes.set(GDP_PATH, [{ status: 503, body: 'Service Unavailable' }, { body: f3, headers: JSON_HEADERS }]);
    const got = await client().get(GDP_QUERY);
    expect(got.body).toBe(f3);
    expect(got.attempts).toBe(2);
    expect(server.hits.get(GDP_PATH)).toBe(2);
    expect(events.filter((e) => e.kind === 'retry')).toEqual([{ kind: 'retry', url: got.url, attempt: 1, waitMs: 20, reason: 'HTTP 503: Service Unavailable' }]);
  });

  it('backs off exponentially and gives up with the last reason', async () => {
    server.routes.set(GDP_PATH, [{ status: 502, body: 'Bad Gateway' }]);
    const e = await inputError(client({ retries: 3 }).get(GDP_QUERY));
    expect(e.message).toMatch(/nama_10_gdp\?.*: no answer from Eurostat after 4 attempts; the last: HTTP 502: Bad Gateway$/);
    expect(events.filter((x) => x.kind === 'retry').map((x) => (x as { waitMs: number }).waitMs)).toEqual([20, 40, 80]);
    expect(server.hits.get(GDP_PATH)).toBe(4);
  });

  it('honours Retry-After on 429', async () => {
    server.routes.set(GDP_PATH, [{ status: 429, headers: { 'retry-after': '1' } }, { body: f3, headers: JSON_HEADERS }]);
    const start = Date.now();
    await client().get(GDP_QUERY);
    expect(Date.now() - start).toBeGreaterThanOrEqual(990);
    expect(events[0]).toMatchObject({ kind: 'retry', waitMs: 1000, reason: 'HTTP 429' });
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(2000);
  });

  it('times out a slow answer, retries, and succeeds when the server answers in time', async () => {
    server.routes.set(GDP_PATH, [{ delayMs: 1_000, body: f3 }, { body: f3, headers: JSON_HEADERS }]);
    const got = await client({ timeoutMs: 200 }).get(GDP_QUERY);
    expect(got.attempts).toBe(2);
    expect(events[0]).toMatchObject({ kind: 'retry', reason: 'no complete answer within 200 ms (timeout)' });
  });

  it('a body cut off mid-way (connection dropped) is retried; always cut off, it is an error', async () => {
    server.routes.set(GDP_PATH, [{ body: f3, truncate: true }, { body: f3, headers: JSON_HEADERS }]);
    expect((await client().get(GDP_QUERY)).attempts).toBe(2);
    server.routes.set(GDP_PATH, [{ body: f3, truncate: true }]);
    server.hits.clear();
    const e = await inputError(client({ retries: 1, maxAgeMs: 0 }).get(GDP_QUERY));
    expect(e.message).toMatch(/no answer from Eurostat after 2 attempts; the last: terminated/);
  });

  it('a body that is short but ends cleanly reaches the parser, which names the URL and the line', async () => {
    server.routes.set(GDP_PATH, [{ body: fixture(F1_UNE_RT_M_DE), shortChunked: true, headers: JSON_HEADERS }]);
    const got = await client().get(GDP_QUERY);
    const e = (() => {
      try {
        parseJsonStat(got.body, { file: got.url });
      } catch (err) {
        return err as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/statistics\/1\.0\/data\/nama_10_gdp\?.*, line \d+: not valid JSON \(truncated\?\)/);
  });

  it('a 4xx is the query\'s fault: not retried, Eurostat\'s label shown', async () => {
    const e = await inputError(client().get('statistics/1.0/data/no_such_dataset?format=JSON'));
    expect(e.message).toMatch(/no_such_dataset\?format=JSON: Eurostat refused the query: HTTP 404: no recording for \/statistics\/1\.0\/data\/no_such_dataset$/);
    expect(server.hits.get('/statistics/1.0/data/no_such_dataset')).toBe(1);
  });

  it('a connection refused is retried, then reported', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const e = await inputError(new EurostatClient({ cacheDir, baseUrl: `http://127.0.0.1:${port}`, retries: 1, backoffMs: 10 }).get(GDP_QUERY));
    expect(e.message).toMatch(/after 2 attempts; the last: fetch failed \(ECONNREFUSED\)/);
  });

  it('unpacks a gzipped bulk file', async () => {
    server.routes.set('/sdmx/2.1/data/NAMA_10_GDP', [{ body: gzipSync(Buffer.from('freq,unit,na_item,geo\\TIME_PERIOD\t2024 \nA,CP_MEUR,B1GQ,IT\t2202031.2 \n')), headers: { 'content-type': 'application/octet-stream' } }]);
    const got = await client().get('sdmx/2.1/data/NAMA_10_GDP?format=TSV&compressed=true');
    expect(got.body).toContain('A,CP_MEUR,B1GQ,IT\t2202031.2');
  });
});

describe('the download cache', () => {
  it('serves a repeated query (in any parameter order) from disk, keyed by a hash of the query', async () => {
    server.routes.set(GDP_PATH, [{ body: f3, headers: JSON_HEADERS }]);
    await client().get(GDP_QUERY);
    const again = await client().get('statistics/1.0/data/nama_10_gdp?na_item=B1GQ&unit=CP_MEUR&geo=IT&lang=EN&format=JSON');
    expect(again).toMatchObject({ fromCache: true, body: f3, attempts: 0, contentType: 'application/json' });
    expect(server.hits.get(GDP_PATH)).toBe(1);
    const key = EurostatClient.cacheKey(GDP_QUERY);
    expect(readdirSync(cacheDir).sort()).toEqual([`${key}.body`, `${key}.json`]);
  });

  it('offline: serves the cache however old, and refuses clearly what it does not hold, without any request', async () => {
    server.routes.set(GDP_PATH, [{ body: f3, headers: JSON_HEADERS }]);
    await client().get(GDP_QUERY);
    const offline = client({ offline: true, maxAgeMs: 0 });
    expect((await offline.get(GDP_QUERY)).body).toBe(f3);
    const e = await inputError(offline.get('statistics/1.0/data/demo_pjan?format=JSON'));
    expect(e.message).toMatch(/demo_pjan\?format=JSON: offline, and this query is not in the download cache \(.*, key [0-9a-f]{12}\); run once without --offline to download it/);
    expect(server.hits.get(GDP_PATH)).toBe(1);
    expect(server.hits.has('/statistics/1.0/data/demo_pjan')).toBe(false);
  });

  it('online, asks again once the entry is older than maxAgeMs; a damaged entry is not served', async () => {
    server.routes.set(GDP_PATH, [{ body: f3, headers: JSON_HEADERS }]);
    await client().get(GDP_QUERY);
    await client({ maxAgeMs: 0 }).get(GDP_QUERY);
    expect(server.hits.get(GDP_PATH)).toBe(2);
    writeFileSync(path.join(cacheDir, `${EurostatClient.cacheKey(GDP_QUERY)}.body`), f3.slice(0, 100));
    await inputError(client({ offline: true }).get(GDP_QUERY));
  });
});
