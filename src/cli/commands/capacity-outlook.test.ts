/** `capacity --outlook` on the real Frontex and sea-arrival files: will the border-procedure capacity hold in 2026? */
import { describe, expect, it } from 'vitest';
import { cliHomeWithData, runCli } from '../../../test/helpers/cli.ts';
import { ARRIVAL_FILES } from '../../../test/helpers/arrival-files.ts';

interface Banded { lo95: number; lo80: number; mean: number; hi80: number; hi95: number }
const ordered = (b: Banded) => b.lo95 <= b.lo80 && b.lo80 <= b.mean && b.mean <= b.hi80 && b.hi80 <= b.hi95;

describe('pactcycle capacity --outlook on the real data', () => {
  cliHomeWithData(ARRIVAL_FILES, 300_000);

  it('gives every state its occupancy through 2026 against the capacity of the capacity table, from 12 June', async () => {
    const table = JSON.parse((await runCli('capacity', '--year', '2026', '--json')).stdout);
    const r = await runCli('capacity', '--year', '2026', '--outlook', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['year', 'assumptions', 'window', 'unionCapacity', 'states', 'routes', 'notes', 'capacityNotes']);
    expect(j.assumptions).toMatchObject({ borderShare: 0.25, borderShareIsDefault: true, durationWeeks: 12, appliesFrom: '2026-06-12', model: 'combination' });
    expect(j.states.map((s: { code: string; capacity: number }) => [s.code, s.capacity])).toEqual(table.states.map((s: { code: string; capacity: number }) => [s.code, s.capacity]));
    expect(j.routes.map((x: { route: string }) => x.route)).toContain('Central Mediterranean Route');
    for (const s of j.states) {
      expect(s.months.map((m: { period: string }) => m.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
      // Nothing enters before the border procedure applies (APR Art 79(2)).
      for (const m of s.months.slice(0, 5)) {
        expect(m.entries.hi95 + m.occupancyEnd.hi95).toBe(0);
        expect(m.arrivals).toBeNull(); // not needed, not shown
      }
      expect(ordered(s.peakOccupancy)).toBe(true);
      // June holds 19 days of entries at a quarter of the month's arrivals.
      const june = s.months[5];
      expect(Math.abs(june.entries.mean - (june.arrivals.mean * 0.25 * 19) / 30)).toBeLessThanOrEqual(1);
      if (s.routes.length === 0) expect(s.peakOccupancy.hi95).toBe(0);
    }
    const it_ = j.states.find((s: { code: string }) => s.code === 'IT');
    expect(it_.routes).toEqual(['Central Mediterranean Route']);
    expect(it_.peakOccupancy.mean).toBeGreaterThan(0);
    expect(j.notes.map((n: { text: string }) => n.text).join('\n')).toMatch(/× 0\.25 \(the default, an assumption/);
    expect(j.notes[0]).toMatchObject({ key: 'outlook.entries.default', params: { share: 0.25, weeks: 12 } });
  }, 300_000);

  it('the break-even share does not depend on the share assumed; twice the share, twice the occupancy', async () => {
    const a = JSON.parse((await runCli('capacity', '--year', '2026', '--outlook', '--border-share', '0.2', '--json')).stdout);
    const b = JSON.parse((await runCli('capacity', '--year', '2026', '--outlook', '--border-share', '0.4', '--json')).stdout);
    expect(b.assumptions.borderShareIsDefault).toBe(false);
    for (const [i, s] of a.states.entries()) {
      if (s.routes.length === 0) continue;
      expect(b.states[i].breakEvenShare).toBeCloseTo(s.breakEvenShare, 4);
      expect(Math.abs(b.states[i].peakOccupancy.mean - 2 * s.peakOccupancy.mean)).toBeLessThanOrEqual(2);
      // Capacity is reached within the year exactly when the share assumed is at or above the break-even share.
      expect(b.states[i].capacityReached.central !== null).toBe(0.4 >= b.states[i].breakEvenShare);
    }
  }, 300_000);

  it.each([
    [['--border-share', '1.5'], /--border-share must be a number from 0 to 1/],
    [['--weeks', '14'], /--weeks must be 12 or 16/],
    [['--model', 'magic'], /--model must be one of/],
  ])('exits 1 on %j', async (args, message) => {
    const r = await runCli('capacity', '--year', '2026', '--outlook', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
