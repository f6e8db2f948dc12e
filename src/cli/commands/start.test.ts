/**
 * `pactcycle start --no-serve` on an empty store, the main job on the real data: loads ../shared/data once, runs the
 * latest cycle it supports, prints what the engine computed, and writes the report in both languages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../../../test/helpers/cli.ts';
import { runAssessment } from '../../cycle/assess.ts';
import { openStore } from '../../store/db.ts';

describe('pactcycle start', () => {
  let home: ReturnType<typeof tempHome>;
  const saved = process.env.PACTCYCLE_DATA;
  beforeAll(() => {
    home = tempHome();
    delete process.env.PACTCYCLE_DATA; // the default: ../shared/data beside the project
  });
  afterAll(() => {
    if (saved !== undefined) process.env.PACTCYCLE_DATA = saved;
    home.restore();
  });

  it('loads an empty store, runs the 2026 cycle, prints the engine’s assessment, fair shares and the confidential proposal, and writes both reports', { timeout: 400_000 }, async () => {
    const out = path.join(home.dir, 'out');
    const first = await runCli('start', '--no-serve', '--no-pdf', '--out', out);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Loaded \d+ files from .*shared\/data: [\d,]+ observations\./m);
    expect(first.stdout).toMatch(/The 2026 cycle: reference period 2024-07 to 2025-06/);
    expect(first.stdout).toMatch(/population 1 January 2025, GDP 2024/);
    expect(first.stdout).toMatch(/^DE Germany\s+\d+\.\d{4}$/m);
    expect(first.stdout).toMatch(/RESTREINT UE until the Council adopts it: 30,000 relocations, EUR 600,000,000/);

    const db = await openStore({ home: home.dir });
    const assessment = await runAssessment(db, { cycle: 2026 }).finally(() => db.close());
    for (const category of ['under-pressure', 'at-risk', 'significant-situation'] as const) {
      const states = assessment.states.filter((s) => s.categories.includes(category));
      const listed = states.map((s) => (category === 'under-pressure' && s.sarGround ? `${s.code} (Art 11(3) SAR)` : s.code)).join(', ');
      expect(first.stdout).toContain(`  ${category.padEnd(22)} ${listed || 'none'}\n`);
    }
    if (assessment.states.some((s) => s.sarGround)) expect(first.stdout).toMatch(/\d+ % indicatively for search-and-rescue states \(Art 12\(5\)\)/);

    for (const lang of ['en', 'nl']) {
      const html = path.join(out, `report-2026-${lang}`, 'report.html');
      expect(first.stdout).toContain(`Report (${lang}): ${html}`);
      expect(existsSync(html)).toBe(true);
    }
    const second = await runCli('start', '--no-serve', '--no-report');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/^Loaded/m);
  });

  it('runs an earlier cycle on request and refuses an unknown one with exit 2', async () => {
    expect((await runCli('start', '--no-serve', '--no-report', '--cycle', '2020')).stdout).toMatch(/The 2020 cycle: reference period 2018-07 to 2019-06/);
    const bad = await runCli('start', '--no-serve', '--no-report', '--cycle', 'next');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown cycle "next"/);
  });
});
