/**
 * `npm run demo`: a whole 2026 cycle driven through the real HTTP API, one user per role, on the real data: the
 * Commission's proposal as Pactcycle computes it (fair shares of population 2025 / GDP 2024, Art 12(5) percentage
 * from the assessment) and an Art 11 decision that follows the computed evidence. The decision and the pledges are
 * ILLUSTRATIVE (the real per-state figures are not public in our sources), and the run says so. It works in a new
 * temporary embedded store, so the user's own store is never touched; `--keep` prints where it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAssessment, type Assessment } from '../../src/cycle/assess.ts';
import { proposeForCycle } from '../../src/cycle/propose.ts';
import { loadDefaultDataIfEmpty } from '../../src/data/index.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../../src/domain/member-states.ts';
import { memberStateRole, type Category, type PoolRole } from '../../src/domain/pool/index.ts';
import { createUser } from '../../src/server/auth/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/db.ts';
import { verifyLedger } from '../../src/store/ledger.ts';
import { driveCycle, type Call, type CycleInputs } from './drive-cycle.ts';

const CATEGORY: Record<string, Category> = {
  'under-pressure': 'migratory-pressure',
  'at-risk': 'risk-of-migratory-pressure',
  'significant-situation': 'significant-migratory-situation',
};

/** An illustrative Art 11 decision that adopts what the evidence supports. */
export function decisionFollowingEvidence(a: Assessment): CycleInputs['classification'] {
  return {
    decision: `ILLUSTRATIVE Art 11 decision for the ${a.cycle} cycle following the computed evidence (methodology ${a.methodology.id} v${a.methodology.version}); not the Commission's act`,
    states: a.states.filter((s) => s.categories.length > 0).map((s) => ({ code: s.code as MemberStateCode, categories: s.categories.map((c) => CATEGORY[c]!) })),
  };
}

export async function runDemo(opts: { cycle: number; keep: boolean; log: (line: string) => void }): Promise<{ recorded: number; phase: string; ledgerOk: boolean }> {
  const home = mkdtempSync(path.join(tmpdir(), 'pactcycle-demo-'));
  const db = await openStore({ home });
  try {
    const loaded = await loadDefaultDataIfEmpty(db);
    opts.log(`Loaded ${loaded?.inserted.toLocaleString('en-GB')} observations from ${loaded?.dir} into a new store at ${home}.`);
    const assessment = await runAssessment(db, { cycle: opts.cycle });
    const { proposal, fairShares } = await proposeForCycle(db, { cycle: opts.cycle, assessment });
    const { confidential: _confidential, exceptionalSituation: _exceptional, ...payload } = proposal;
    const inputs: CycleInputs = { proposal: payload, classification: decisionFollowingEvidence(assessment) };
    opts.log(`Proposal: ${proposal.referenceRelocations.toLocaleString('en-GB')} relocations / EUR ${proposal.referenceFinancialEur.toLocaleString('en-GB')} on population ${fairShares.population.year} and GDP ${fairShares.gdp.year}.`);
    opts.log(inputs.classification.decision);

    const roles: PoolRole[] = ['commission', 'council', 'coordinator', ...SOLIDARITY_STATES.map(memberStateRole)];
    const tokens = new Map<PoolRole, string>();
    for (const role of roles) tokens.set(role, (await createUser(db, { name: `demo-${role.replace(':', '-')}`, role, token: true })).token!);
    const app = await buildApp({ db, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    opts.log(`API at ${url}; one user per role (${roles.length}).`);
    const call: Call = async (role, method, route, body) => {
      const token = tokens.get(role);
      const res = await fetch(url + route, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json().catch(() => undefined) };
    };
    try {
      const run = await driveCycle(call, inputs, async (m) => opts.log(`  milestone: ${m}`));
      const ledger = await verifyLedger(db);
      opts.log(`Done: ${run.recorded} events recorded through the API; benefitting ${run.benefitting} and ${run.released} (released by a systemic-shortcoming finding, refused with ${run.refusedWhileReleased.status} ${run.refusedWhileReleased.code} meanwhile); deduction by ${run.deductionBy}; final phase ${run.final.phase}; ledger ${ledger.ok ? 'verifies' : 'BROKEN'}.`);
      return { recorded: run.recorded, phase: run.final.phase, ledgerOk: ledger.ok };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    if (opts.keep) opts.log(`The store is kept at ${home} (PACTCYCLE_HOME=${home} npx pactcycle serve).`);
    else rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycleArg = process.argv.indexOf('--cycle');
  const cycle = cycleArg > 0 ? Number(process.argv[cycleArg + 1]) : 2026;
  const result = await runDemo({ cycle, keep: process.argv.includes('--keep'), log: (l) => console.log(l) });
  process.exitCode = result.ledgerOk && result.phase === 'closed' ? 0 : 1;
}
