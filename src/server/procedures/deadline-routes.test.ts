import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Db } from '../../store/db.ts';
import { buildApp } from '../app.ts';

describe('procedure deadline API', () => {
  let app: FastifyInstance | undefined;
  let db: Db | undefined;
  afterEach(async () => {
    await app?.close();
    await db?.close();
  });
  const start = async () => {
    db = await openMemoryStore();
    app = await buildApp({ db });
    return app;
  };

  it('gives a procedure\'s deadlines to the public, counting the holidays passed', async () => {
    const app = await start();
    const res = await app.inject({ method: 'GET', url: '/api/procedures/screening/deadlines?from=2026-12-18&holiday=2026-12-25&holiday=2026-12-28' });
    expect(res.statusCode).toBe(200);
    expect(res.json().steps[0]).toMatchObject({ article: 'Screening Art 8(3)', nominalEnd: '2026-12-25', deadline: '2026-12-29' });
    const list = await app.inject({ method: 'GET', url: '/api/procedures' });
    expect(list.json().map((p: { name: string }) => p.name)).toContain('relocation');
    expect(list.json().find((p: { name: string }) => p.name === 'relocation')).toMatchObject({
      title: { key: 'deadline.procedure', params: { procedure: 'relocation' }, text: 'Relocation' },
      startsOn: { key: 'deadline.startsOn', params: { event: 'relocation-information' }, text: 'the Member State of relocation receives the information (Art 67(7))' },
    });
  });

  it('gives every text as a note: key and parameters for the reader\'s language, and the English text', async () => {
    const app = await start();
    const res = await app.inject({ method: 'GET', url: '/api/procedures/transfer/deadlines?from=2026-08-31' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.title).toEqual({ key: 'deadline.procedure', params: { procedure: 'transfer' }, text: 'Dublin transfer' });
    expect(body.counting.key).toBe('deadline.counting.ammr');
    expect(body.steps[0]).toMatchObject({
      label: { key: 'deadline.step', params: { step: 'transfer-carried-out' }, text: 'transfer carried out' },
      period: { key: 'deadline.period', params: { n: 6, unit: 'months' }, text: '6 months' },
      // 28 February 2027 (no 31st) is a Sunday.
      moved: { key: 'counting.nonWorkingDay', params: { day: 'sunday', rule: 'ammr-art-75' }, text: 'the last day is a Sunday: moved to the next working day (AMMR Art 75)' },
      extended: { condition: { key: 'deadline.condition', params: { condition: 'transfer-obstacles' } } },
    });
    expect(body.notes[0]).toEqual({ key: 'deadline.transfer.missed', params: {}, text: 'Missed: responsibility passes to the transferring Member State (Art 46(2), 37(1)).' });
    expect(body.notes.map((n: { key: string }) => n.key)).toEqual(['deadline.transfer.missed', 'deadline.transfer.imprisonment', 'deadline.noHolidays', 'deadline.ammrAppliesFrom']);
  });

  it.each([
    ['/api/procedures/nope/deadlines?from=2026-06-15', /unknown procedure "nope"/],
    ['/api/procedures/regular/deadlines?from=2026-02-30', /2026-02-30 does not exist/],
    ['/api/procedures/regular/deadlines?from=2025-12-01', /before .*2024\/1348/],
    ['/api/procedures/regular/deadlines', /from/],
  ])('answers 400 with the one error shape for %s', async (url, message) => {
    const app = await start();
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
  });

  it('says the capacity needs data rather than sharing nothing', async () => {
    const app = await start();
    const res = await app.inject({ method: 'GET', url: '/api/procedures/adequate-capacity?year=2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/load the data first/);
  });
});
