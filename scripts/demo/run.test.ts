/** `npm run demo` end to end: the 2026 cycle on the real data through the real HTTP API, to the close, ledger intact. */
import { describe, expect, it } from 'vitest';
import { runDemo } from './run.ts';

describe('the demo walk-through on the real data', () => {
  it('drives the 2026 cycle from the computed proposal to the closing through the API, and the ledger verifies', { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const r = await runDemo({ cycle: 2026, keep: false, log: (l) => lines.push(l) });
    expect(r).toEqual({ recorded: expect.any(Number), phase: 'closed', ledgerOk: true });
    expect(r.recorded).toBeGreaterThan(26); // at least one pledge per state
    expect(lines.join('\n')).toMatch(/Proposal: 30,000 relocations \/ EUR 600,000,000 on population 2025 and GDP 2024/);
    expect(lines.join('\n')).toMatch(/ILLUSTRATIVE Art 11 decision/);
    expect(lines.filter((l) => l.startsWith('  milestone:'))).toEqual(['drafted', 'forum', 'adopted', 'implementation', 'closed'].map((m) => `  milestone: ${m}`));
  });
});
