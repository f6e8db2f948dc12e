import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.ts';

const run = runCli;

const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-match-'));
const f = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pactcycle match', () => {
  it('generates SYNTHETIC inputs from the real aggregates and matches them, with explanations', async () => {
    const g = await run('match', 'generate', '--persons', '3000', '--places', '2400', '--seed', '3', '--out-cases', f('c.json'), '--out-pledges', f('p.json'), '--json');
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout)).toMatchObject({ synthetic: expect.stringMatching(/^SYNTHETIC/), persons: 3000, places: 2400 });
    expect(readFileSync(f('c.json'), 'utf8')).toContain('SYNTHETIC');
    const r = await run('match', '--cases', f('c.json'), '--pledges', f('p.json'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.placedPersons).toBeLessThanOrEqual(2400);
    expect(j.placedPersons).toBeGreaterThan(2300);
    expect(j.gap).toBeLessThanOrEqual(0.001);
    for (const s of j.states) expect(s.assigned).toBeLessThanOrEqual(s.capacity);
    const placed = j.assignments.find((a: { state: string | null }) => a.state);
    const one = await run('match', '--cases', f('c.json'), '--pledges', f('p.json'), '--case', placed.caseId);
    expect(one.stdout).toMatch(new RegExp(`^${placed.caseId}: Proposed for ${placed.state}`));
    const text = await run('match', '--cases', f('c.json'), '--pledges', f('p.json'));
    expect(text.stdout).toMatch(/LP bound/);
  });

  it('names the record of a bad input and exits 2', async () => {
    writeFileSync(f('bad-p.json'), JSON.stringify({ pledges: [{ state: 'DE', persons: 5 }, { state: 'FR', persons: -1 }] }));
    writeFileSync(f('ok-c.json'), JSON.stringify([{ id: 'x', benefitting: 'IT', status: 'applicant', nationality: 'SY', members: [{ age: 3 }] }]));
    const r = await run('match', '--cases', f('ok-c.json'), '--pledges', f('bad-p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-p\.json.*pledge 2 \(FR\): negative capacity/);
    expect((await run('match', '--cases', f('ok-c.json'))).code).toBe(1);
    writeFileSync(f('released-p.json'), JSON.stringify({ pledges: [{ state: 'DE', persons: 5 }], releases: [{ contributing: 'DE', benefitting: 'IT' }] }));
    expect((await run('match', '--cases', f('ok-c.json'), '--pledges', f('released-p.json'))).code).toBe(0);
    const strict = await run('match', '--cases', f('ok-c.json'), '--pledges', f('released-p.json'), '--require-all');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/case x: no state is open to this case: DE is released towards IT/);
  });

  it('simulates a SYNTHETIC year against the hindsight optimum', async () => {
    const r = await run('match', 'simulate', '--persons', '2000', '--batches', '4', '--seed', '2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.synthetic).toMatch(/^SYNTHETIC/);
    expect(j.outcomes.map((o: { policy: string }) => o.policy)).toEqual(['hindsight', 'greedy', 'batch', 'priced']);
    expect(j.outcomes[0].shareOfHindsight).toBe(1);
    for (const o of j.outcomes) expect(o.placedPersons).toBeLessThanOrEqual(1600);
    expect(j.prices).toHaveLength(4);
  });

  it('shows the Art 67 timers as due and overdue', async () => {
    writeFileSync(f('t.json'), JSON.stringify([{ caseId: 'IT-1', status: 'applicant', informationReceived: '2026-10-05' }]));
    const r = await run('match', 'timers', '--file', f('t.json'), '--today', '2026-10-21', '--json');
    expect(r.code).toBe(0);
    const [t] = JSON.parse(r.stdout);
    expect(t.confirmation).toEqual({ date: '2026-10-12', bySilence: true });
    expect(t.steps.find((s: { step: string }) => s.step === 'transfer-decision').state).toBe('overdue');
    expect(t.steps[0].note).toEqual({ key: 'timers.silenceIsConfirmation', params: {}, text: 'no reply within the time limit: silence is confirmation and the state must relocate (Art 67(9))' });
    expect(t.steps[0].label).toEqual({ key: 'timers.label.confirmation', params: {}, text: 'Member State of relocation confirms' });
    // Monday 12 October a public holiday: the week ends on Tuesday 13, and the decision a week after that.
    const withHoliday = await run('match', 'timers', '--file', f('t.json'), '--today', '2026-10-21', '--holiday', '2026-10-12', '--json');
    expect(JSON.parse(withHoliday.stdout)[0].confirmation).toEqual({ date: '2026-10-13', bySilence: true });
    const table = await run('match', 'timers', '--file', f('t.json'), '--today', '2026-10-21');
    expect(table.stdout).toContain('silence is confirmation');
    const badHoliday = await run('match', 'timers', '--file', f('t.json'), '--today', '2026-10-21', '--holiday', '12/10/2026');
    expect(badHoliday.code).toBe(2);
    expect(badHoliday.stderr).toMatch(/field holiday: "12\/10\/2026" is not a date/);
    writeFileSync(f('t2.json'), JSON.stringify([{ caseId: 'IT-1', status: 'applicant', informationReceived: '5 Oct' }]));
    const bad = await run('match', 'timers', '--file', f('t2.json'), '--today', '2026-10-21');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/t2\.json, field informationReceived: relocation 1: a date/);
  });
});
