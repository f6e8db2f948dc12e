/**
 * The pool as the Report shows it. Before the Council adopts it, the Commission's proposal is confidential
 * (Art 12(6)): the proposal recorded in the cycle's ledger, or — when none is recorded — the one the engine computes
 * (`proposeForCycle`), marked confidential either way. After adoption (Art 57) the act's reference numbers and each
 * state's pledges, deductions and implementation are public and shown.
 */
import { applyEvents, EMPTY_POOL, isAdopted, poolAccount, stateAccounts, type PoolAccount, type PoolEvent, type Proposal, type StateAccount } from '../domain/pool/index.ts';
import type { CouncilAct, PoolState } from '../domain/pool/state.ts';
import type { Queryable } from '../store/db.ts';
import { readEntries } from '../store/ledger.ts';
import type { Assessment } from './assess.ts';
import { proposeForCycle } from './propose.ts';
import type { SarPercentage } from '../domain/pool/sar-percentage.ts';

export type PoolReport =
  | {
      adopted: false;
      phase: PoolState['phase'];
      /** Where the proposal comes from: the ledger's `proposal-drafted`, or computed for the Report. */
      origin: 'ledger' | 'computed';
      proposal: Proposal;
      /** How the Art 12(5) search-and-rescue percentage was derived from the assessment, when the engine computed it. */
      sar?: SarPercentage;
      confidential: true;
    }
  | {
      adopted: true;
      phase: PoolState['phase'];
      proposal: Proposal;
      act: CouncilAct;
      states: StateAccount[];
      pool: PoolAccount;
      confidential: false;
    };

/** The pool's state from its ledger (every event applied in order). */
export async function poolState(db: Queryable, cycle: number): Promise<PoolState> {
  const entries = await readEntries(db, cycle);
  return applyEvents(EMPTY_POOL, entries.map((e) => e.payload as PoolEvent));
}

/** With the assessment, a computed proposal carries the Art 12(5) percentage as `pactcycle start` and `pool propose` do. */
export async function poolReport(db: Queryable, cycle: number, assessment?: Assessment): Promise<PoolReport> {
  const state = await poolState(db, cycle);
  if (isAdopted(state)) {
    return { adopted: true, phase: state.phase, proposal: state.proposal, act: state.councilAct, states: stateAccounts(state), pool: poolAccount(state), confidential: false };
  }
  if (state.phase !== 'empty') return { adopted: false, phase: state.phase, origin: 'ledger', proposal: state.proposal, confidential: true };
  const { proposal, sar } = await proposeForCycle(db, { cycle, ...(assessment ? { assessment } : {}) });
  return { adopted: false, phase: state.phase, origin: 'computed', proposal, ...(sar ? { sar } : {}), confidential: true };
}
