import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Db } from '../store/db.ts';
import { buildApp } from './app.ts';

describe('request log', () => {
  let db: Db | undefined;
  afterEach(async () => db?.close());

  it('writes one line per request, with the method, URL, status and time', async () => {
    db = await openMemoryStore();
    const lines: Record<string, unknown>[] = [];
    const app = await buildApp({ db, logger: { level: 'info', stream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) } } });
    await app.inject({ method: 'GET', url: '/api/cycles' });
    await app.inject({ method: 'GET', url: '/api/cycles/2026' });
    const requests = lines.filter((l) => l.req !== undefined);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/api/cycles' }, res: { statusCode: 200 }, responseTime: expect.any(Number), reqId: expect.any(String) });
    expect(requests[1]).toMatchObject({ req: { url: '/api/cycles/2026' }, res: { statusCode: 404 } });
    await app.close();
  });
});
