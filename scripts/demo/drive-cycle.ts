/**
 * Drives one whole cycle of the Annual Solidarity Pool through the HTTP API, acting as one user per role: the
 * Commission's proposal and Art 11 decision, the High-Level Forum and every Member State's pledge (one amended, one
 * withdrawn and made again), the Council act, implementation with an access request, a deduction (request,
 * assessment, decision), the Coordinator's allocations, fulfilment, a finding of systemic shortcomings that releases
 * contributing states (and its lifting), the closing of the year and the January confirmations.
 *
 * The dates follow the first cycle (domain.md §2.1): proposal 11 Nov 2025, Forum 18 Nov, Council act 19 Dec,
 * implementation from 12 June 2026, systemic-shortcomings assessment by 12 July 2026. The pledge mix is
 * illustrative (the real pledges are not public per state in our sources): it is labelled as such in the output.
 */
import type { Category, PoolRole, PoolView, Proposal } from '../../src/domain/pool/index.ts';
import type { MemberStateCode } from '../../src/domain/member-states.ts';

export interface Reply {
  status: number;
  body: unknown;
}
/** How the driver talks to the API, as a given role (`public` = no credentials). */
export type Call = (role: PoolRole, method: 'GET' | 'POST', url: string, body?: unknown) => Promise<Reply>;

export interface CycleInputs {
  proposal: Proposal;
  classification: { decision: string; states: { code: MemberStateCode; categories: Category[] }[] };
}

export type Milestone = 'drafted' | 'forum' | 'adopted' | 'implementation' | 'closed';

/** What the run created, for checks and for the summary. */
export interface CycleRun {
  cycle: number;
  pledgeIds: Map<MemberStateCode, string[]>;
  benefitting: MemberStateCode;
  released: MemberStateCode;
  deductionBy: MemberStateCode;
  refusedWhileReleased: { status: number; code: string };
  recorded: number;
  final: PoolView;
}

/** Distinct texts a confidentiality check can look for: each names its state. */
export const alternativeText = (code: string) => `Alternative measure of ${code}: reception staff and equipment`;
export const deductionText = (code: string) => `Deduction reasoning of ${code}: reception capacity reached`;
export const needsText = (code: string) => `Needs of ${code}: reception and registration support`;

class ApiRefusal extends Error {}

export async function driveCycle(call: Call, inputs: CycleInputs, onMilestone: (m: Milestone) => Promise<void> = async () => undefined): Promise<CycleRun> {
  const { proposal, classification } = inputs;
  const cycle = proposal.cycle;
  const url = `/api/cycles/${cycle}/events`;
  let recorded = 0;
  const post = async (role: PoolRole, type: string, at: string, payload: Record<string, unknown>) => {
    const res = await call(role, 'POST', url, { type, at, payload });
    if (res.status !== 201) throw new ApiRefusal(`${role} ${type} at ${at}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    recorded += 1;
    return res.body as { id?: string; view: PoolView };
  };
  const ms = (code: MemberStateCode): PoolRole => `member-state:${code}`;
  const inCategory = (c: Category) => classification.states.filter((s) => s.categories.includes(c)).map((s) => s.code);

  // Art 12(1), 11(1): the proposal and the Art 11 decision, adopted together.
  await post('commission', 'proposal-drafted', '2025-11-11T12:00:00Z', proposal);
  await post('commission', 'classification-recorded', '2025-11-11T12:00:00Z', classification);
  await onMilestone('drafted');

  // Art 13(1)-(3), 57(3): the High-Level Forum, where every Member State pledges according to its fair share.
  await post('council', 'forum-opened', '2025-11-18T09:00:00Z', {});
  const pledgeIds = new Map<MemberStateCode, string[]>();
  for (const [i, line] of proposal.states.entries()) {
    const at = `2025-11-${String(18 + (i % 9)).padStart(2, '0')}T10:00:00Z`;
    const measures =
      i % 3 === 0
        ? [{ kind: 'relocation', persons: Math.max(1, Math.round(line.relocations / 2)) }, { kind: 'financial', euros: Math.max(1, Math.round(line.financialEur / 2)) }]
        : i % 3 === 1
          ? [{ kind: 'financial', euros: Math.max(1, line.financialEur) }]
          : [{ kind: 'alternative', description: alternativeText(line.code), euros: Math.max(1, Math.round(line.financialEur / 4)) }, { kind: 'financial', euros: Math.max(1, Math.round((line.financialEur * 3) / 4)) }];
    const ids: string[] = [];
    for (const measure of measures) ids.push((await post(ms(line.code), 'pledge-made', at, { state: line.code, measure })).id!);
    pledgeIds.set(line.code, ids);
  }
  // Art 57(3): pledges can be amended or withdrawn until the Council act.
  const first = proposal.states[0]!.code;
  const firstIds = pledgeIds.get(first)!;
  await post(ms(first), 'pledge-amended', '2025-11-27T11:00:00Z', { pledgeId: firstIds[0], state: first, measure: { kind: 'relocation', persons: proposal.states[0]!.relocations } });
  const second = proposal.states[1]!.code;
  await post(ms(second), 'pledge-withdrawn', '2025-11-27T11:30:00Z', { pledgeId: pledgeIds.get(second)![0], state: second });
  const again = await post(ms(second), 'pledge-made', '2025-11-27T11:45:00Z', { state: second, measure: { kind: 'relocation', persons: Math.max(1, proposal.states[1]!.relocations) } });
  pledgeIds.set(second, [again.id!]);
  await onMilestone('forum');

  // Art 57(1): the Council implementing act (Council Implementing Decision (EU) 2025/2642, 19 December 2025).
  await post('council', 'pool-adopted', '2025-12-19T12:00:00Z', {
    act: `Council Implementing Decision establishing the Annual Solidarity Pool for ${cycle}`,
    referenceRelocations: proposal.referenceRelocations,
    referenceFinancialEur: proposal.referenceFinancialEur,
  });
  await onMilestone('adopted');

  // Art 60, 85: implementation from the date the Regulation applies.
  await post('commission', 'implementation-started', '2026-06-12T08:00:00Z', {});

  // Art 58(1): the states identified under migratory pressure inform that they will use the pool.
  const pressure = inCategory('migratory-pressure');
  if (pressure.length < 2) throw new ApiRefusal('the classification names fewer than two states under migratory pressure; the walk-through needs two benefitting states');
  const [benefitting, released] = pressure as [MemberStateCode, MemberStateCode];
  for (const code of [benefitting, released]) {
    await post(ms(code), 'access-requested', '2026-06-15T09:00:00Z', {
      state: code,
      needs: { relocations: 500, financialEur: 10_000_000, alternative: needsText(code) },
    });
  }

  // Arts 61-62: a deduction by a state facing a significant migratory situation (or, if none, one that considers
  // itself so and says why), assessed by the Commission within four weeks and decided by the Council.
  const significant = inCategory('significant-migratory-situation').filter((c) => c !== benefitting && c !== released);
  // (The second state withdrew its financial pledge at the Forum, so it has none to deduct from.)
  const deductionBy = significant.filter((c) => c !== second)[0] ?? proposal.states.map((l) => l.code).find((c) => !pressure.includes(c) && c !== second)!;
  const deducted = Math.max(1, Math.floor(proposal.states.find((l) => l.code === deductionBy)!.financialEur / 4));
  const dedPledges = (await post(ms(deductionBy), 'deduction-requested', '2026-07-01T09:00:00Z', {
    state: deductionBy,
    article: 62,
    amounts: { relocations: 0, financialEur: deducted, alternativeEur: 0, offsets: 0 },
    reasoning: deductionText(deductionBy),
  })) as { id?: string };
  await post('commission', 'deduction-assessed', '2026-07-20T09:00:00Z', { requestId: dedPledges.id, favourable: true, reason: 'reception capacity reached (Art 62(3))' });
  await post('council', 'deduction-decided', '2026-08-01T09:00:00Z', {
    requestId: dedPledges.id,
    act: 'Council implementing act on the deduction (Art 62(4))',
    granted: { relocations: 0, financialEur: deducted, alternativeEur: 0, offsets: 0 },
  });

  // Art 60(1): the Coordinator allocates relocation pledges, balanced between the two benefitting states.
  const relocators = proposal.states
    .map((l) => l.code)
    .filter((c) => c !== benefitting && c !== released && c !== deductionBy && proposal.states.findIndex((l) => l.code === c) % 3 === 0)
    .slice(0, 4);
  for (const [i, contributing] of relocators.entries()) {
    await post('coordinator', 'allocation-made', '2026-07-02T09:00:00Z', { contributing, benefitting: i % 2 === 0 ? benefitting : released, kind: 'relocation', amount: 1 });
  }
  // Art 60(3): systemic shortcomings found in one benefitting state (assessment due by 12 July 2026) release the
  // contributing states towards it: a fulfilment towards it is refused until the finding is lifted.
  await post('commission', 'systemic-shortcomings-found', '2026-07-10T09:00:00Z', { state: released, decision: `Commission decision on systemic shortcomings in ${released} (Art 60(3))` });
  const towardsReleased = relocators.filter((_, i) => i % 2 === 1);
  const refusal = await call(ms(towardsReleased[0]!), 'POST', url, {
    type: 'fulfilment-recorded',
    at: '2026-09-01T09:00:00Z',
    payload: { state: towardsReleased[0], benefitting: released, kind: 'relocation', amount: 1 },
  });
  const refusedWhileReleased = { status: refusal.status, code: (refusal.body as { error?: { code?: string } }).error?.code ?? '' };
  for (const [i, contributing] of relocators.entries()) {
    if (i % 2 === 1) continue;
    await post(ms(contributing), 'fulfilment-recorded', '2026-09-01T09:00:00Z', { state: contributing, benefitting, kind: 'relocation', amount: 1, note: 'relocation carried out' });
  }
  // Financial contributions paid to the Union budget (Art 64(1)).
  const payer = proposal.states.find((l, i) => i % 3 === 1 && l.code !== second && l.code !== deductionBy)!.code;
  await post(ms(payer), 'fulfilment-recorded', '2026-09-15T09:00:00Z', { state: payer, kind: 'financial', amount: 1_000 });
  await post('commission', 'systemic-shortcomings-lifted', '2026-10-15T09:00:00Z', { state: released, decision: 'finding lifted after the 15 October 2026 assessment' });
  await onMilestone('implementation');

  // Art 60(3), 63(5): the year closes; relocations not carried out become offsets owed. Art 60(6): confirmations.
  await post('commission', 'year-closed', '2027-01-04T09:00:00Z', {});
  for (const code of relocators.filter((_, i) => i % 2 === 0)) {
    await post(ms(code), 'implementation-confirmed', '2027-01-15T09:00:00Z', { state: code, amounts: { relocations: 1, financialEur: 0, alternativeEur: 0, offsets: 0 } });
  }
  await onMilestone('closed');

  const final = (await call('commission', 'GET', `/api/cycles/${cycle}`)).body as PoolView;
  return { cycle, pledgeIds, benefitting, released, deductionBy, refusedWhileReleased, recorded, final };
}
