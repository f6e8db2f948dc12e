import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(['node', 'pactcycle', 'deadline', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('pactcycle deadline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the steps with their articles as JSON', async () => {
    const r = await run('--procedure', 'border-procedure', '--from', '2026-06-15', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.steps.map((s: { article: string; deadline: string }) => [s.article, s.deadline])).toEqual([
      ['APR Art 51(1)', '2026-06-22'],
      ['APR Art 51(2)', '2026-09-07'],
    ]);
  });
  it('counts the public holidays it is given', async () => {
    const r = await run('--procedure', 'screening', '--from', '2026-12-18', '--holiday', '2026-12-25', '--json');
    expect(JSON.parse(r.out).steps[0].deadline).toBe('2026-12-28');
    expect(JSON.parse(r.out).steps[0].moved).toEqual({ key: 'counting.nonWorkingDay', params: { day: 'holiday', rule: 'regulation-1182-71' }, text: 'the last day is a public holiday: moved to the next working day (Regulation 1182/71 Art 3(4))' });
  });
  it('gives its notes as key, parameters and English text in JSON, and prints them in English', async () => {
    const json = JSON.parse((await run('--procedure', 'take-charge-request', '--from', '2026-07-31', '--json')).out);
    expect(json.notes[0]).toEqual({ key: 'deadline.takeChargeRequest.missed', params: {}, text: 'Missed: the Member State where the application was registered becomes responsible (Art 39(1), third subparagraph).' });
    expect(json.notes[2]).toMatchObject({ key: 'deadline.ammrAppliesFrom', params: { date: '2026-06-12' } });
    expect(json.steps[0].label).toEqual({ key: 'deadline.step', params: { step: 'take-charge-request-sent' }, text: 'take charge request sent' });
    const text = (await run('--procedure', 'take-charge-request', '--from', '2026-07-31')).out;
    expect(text).toMatch(/^Take charge request — Regulation \(EU\) 2024\/1351 \(AMMR\)\nStarts on: registration of the application \(2026-07-31\)/);
    expect(text).toContain('take charge request sent');
    expect(text).toContain('- Missed: the Member State where the application was registered becomes responsible (Art 39(1), third subparagraph).');
  });
  it.each([
    [['--procedure', 'border', '--from', '2026-06-15'], /unknown procedure "border"/],
    [['--procedure', 'regular', '--from', '2026-02-29'], /2026-02-29 does not exist/],
    [['--procedure', 'regular', '--from', '2024-01-10'], /before .*applies/],
  ])('exits 2 with a clear message on bad input %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
  it('exits 1 when a required option is missing', async () => {
    expect((await run('--from', '2026-06-15')).code).toBe(1);
  });
});
