/**
 * The confidentiality matrix (issue 4 item 6): every role against every read route in every phase of a whole cycle,
 * asserting that nothing a role may not see reaches it — through the pool, the ledger, accounting, exports, search
 * or error messages — and that a refusal does not tell whether something exists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { apiWithRoles, ROLES, type Call } from '../../../test/helpers/api.ts';
import { syntheticInputs } from '../../../test/helpers/pool-fixtures.ts';
import { alternativeText, deductionText, driveCycle, needsText, type Milestone } from '../../../scripts/demo/drive-cycle.ts';
import { stateOfRole, type PoolRole } from '../../domain/pool/index.ts';
import type { MemberStateCode } from '../../domain/member-states.ts';

const FULL: readonly PoolRole[] = ['commission', 'council'];
const ADOPTED: readonly Milestone[] = ['adopted', 'implementation', 'closed'];

const READ_ROUTES = (cycle: number) => [
  '/api/cycles',
  `/api/cycles/${cycle}`,
  `/api/cycles/${cycle}/events`,
  `/api/cycles/${cycle}/accounting`,
  `/api/cycles/${cycle}/deadlines`,
  `/api/cycles/${cycle}/export.json`,
  `/api/cycles/${cycle}/export.csv`,
  '/api/search?q=alternative%20measure%20of',
  '/api/search?q=deduction%20reasoning',
  '/api/search?q=needs%20of',
  `/api/search?q=${cycle}`,
];

/** A secret of one state, and who may see it at a milestone (the rules of Art 12(6) and issue 4 item 6). */
interface Secret {
  owner: MemberStateCode;
  what: string;
  marker: string;
  visibleTo(role: PoolRole, m: Milestone): boolean;
}

const isFullOrOwner = (role: PoolRole, owner: MemberStateCode) => FULL.includes(role) || stateOfRole(role) === owner;

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`confidentiality on ${backend.name}`, () => {
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => dispose?.());

    it('lets no role see what it may not, in any phase, on any route', async () => {
      const h = await backend.open();
      const { app, call } = await apiWithRoles(h.db);
      dispose = async () => {
        await app.close();
        await h.dispose();
      };
      const inputs = syntheticInputs();
      const secrets: Secret[] = [];
      for (const line of inputs.proposal.states) {
        // Art 12(6): a state's line of the proposal: the Commission, the Council and that state until the act.
        secrets.push({ owner: line.code, what: 'proposal line', marker: String(line.financialEur), visibleTo: (r, m) => ADOPTED.includes(m) || isFullOrOwner(r, line.code) });
        secrets.push({
          owner: line.code,
          what: 'pledge description',
          marker: alternativeText(line.code),
          // Pledges: the Commission, the Council and the pledging state; after the act the binding pledge records
          // are seen by the states and the Coordinator, the public sees the act's totals per type.
          visibleTo: (r, m) => isFullOrOwner(r, line.code) || (ADOPTED.includes(m) && r !== 'public'),
        });
        secrets.push({ owner: line.code, what: 'deduction reasoning', marker: deductionText(line.code), visibleTo: (r) => isFullOrOwner(r, line.code) || r === 'coordinator' });
        secrets.push({ owner: line.code, what: 'access needs', marker: needsText(line.code), visibleTo: (r) => isFullOrOwner(r, line.code) || r === 'coordinator' });
      }
      const pledgeIdSecrets: Secret[] = [];
      const seenByOwner = new Set<string>();
      let checks = 0;

      const check = async (m: Milestone) => {
        for (const role of ROLES) {
          const texts: string[] = [];
          for (const url of READ_ROUTES(2026)) {
            const res = await call(role, 'GET', url);
            expect(res.status, `${role} GET ${url} at ${m}`).toBe(200);
            texts.push(res.text);
          }
          const all = texts.join('\n');
          for (const s of [...secrets, ...pledgeIdSecrets]) {
            checks += 1;
            if (!s.visibleTo(role, m)) expect(all.includes(s.marker), `${role} sees ${s.owner}'s ${s.what} at ${m}`).toBe(false);
            else if (all.includes(s.marker)) seenByOwner.add(`${s.what}:${s.owner}`);
          }
        }
        await probeWithoutLeaks(call, m);
      };

      const run = await driveCycle(call, inputs, async (m) => {
        if (m === 'forum') {
          // The server-generated pledge ids are secrets too until the act.
          const view = (await call('commission', 'GET', '/api/cycles/2026')).body as { pledges: { id: string; state: MemberStateCode }[] };
          for (const p of view.pledges) {
            pledgeIdSecrets.push({ owner: p.state, what: 'pledge id', marker: p.id, visibleTo: (r, mm) => isFullOrOwner(r, p.state) || (ADOPTED.includes(mm) && r !== 'public') });
          }
        }
        await check(m);
      });
      expect(run.final.phase).toBe('closed');
      // The markers were really there to be found: the owners saw their own secrets.
      for (const what of ['proposal line', 'pledge id']) expect(seenByOwner.has(`${what}:DE`), `DE never saw its own ${what}`).toBe(true);
      // CZ is one of the states the walk-through has pledge an alternative measure.
      expect(seenByOwner.has('pledge description:CZ')).toBe(true);
      expect(seenByOwner.has(`deduction reasoning:${run.deductionBy}`)).toBe(true);
      expect(seenByOwner.has(`access needs:${run.benefitting}`)).toBe(true);
      expect(checks).toBeGreaterThan(10_000);
    });
  });
}

/** Refusals and misses answer the same whether or not what was asked about exists. */
async function probeWithoutLeaks(call: Call, m: Milestone): Promise<void> {
  // A cycle that does not exist: the same 404 for everyone.
  const missing = await Promise.all(ROLES.map((r) => call(r, 'GET', '/api/cycles/2031')));
  for (const res of missing) expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: missing[0]!.body });

  // FR amending DE's pledge answers exactly as FR amending a pledge that does not exist.
  const view = (await call('commission', 'GET', '/api/cycles/2026')).body as { pledges?: { id: string; state: string }[] };
  const dePledge = view.pledges?.find((p) => p.state === 'DE');
  if (!dePledge) return;
  const amend = (pledgeId: string) =>
    call('member-state:FR', 'POST', '/api/cycles/2026/events', { type: 'pledge-amended', payload: { pledgeId, state: 'FR', measure: { kind: 'financial', euros: 5 } } });
  const other = await amend(dePledge.id);
  const none = await amend('FR-00000000-0000-0000-0000-000000000000');
  expect(other.status, `at ${m}`).toBe(none.status);
  expect(other.text.replaceAll(dePledge.id, 'ID')).toBe(none.text.replaceAll('FR-00000000-0000-0000-0000-000000000000', 'ID'));
  // And the public is refused the same way whatever it asks about.
  const anon = await call('public', 'POST', '/api/cycles/2026/events', { type: 'pledge-amended', payload: { pledgeId: dePledge.id, state: 'DE', measure: { kind: 'financial', euros: 5 } } });
  const anonNone = await call('public', 'POST', '/api/cycles/2031/events', { type: 'pledge-amended', payload: { pledgeId: 'x', state: 'DE', measure: { kind: 'financial', euros: 5 } } });
  expect([anon.status, anon.body]).toEqual([401, anonNone.body]);
}
