/**
 * A pool event refused by the rules of the Regulation: wrong phase, unknown state, an amount that is not a whole
 * non-negative number, a pledge after adoption, a deduction by a state that may not ask, … The message cites the
 * article; the code is stable for programs (the server maps every code to a 4xx).
 */
export type PoolRuleCode =
  | 'wrong-phase'
  | 'wrong-cycle'
  | 'unknown-state'
  | 'invalid-amount'
  | 'invalid-time'
  | 'duplicate-id'
  | 'unknown-pledge'
  | 'unknown-request'
  | 'already-decided'
  | 'not-entitled'
  | 'not-benefitting'
  | 'beyond-pledge'
  | 'beyond-allocation'
  | 'released'
  | 'trigger-not-met'
  | 'cap-exceeded'
  | 'deadline-passed'
  | 'inconsistent'
  | 'not-authorised';

export class PoolRuleError extends Error {
  constructor(
    readonly code: PoolRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'PoolRuleError';
  }
}

/** Throws a `PoolRuleError` unless `condition` holds. */
export function ensure(condition: boolean, code: PoolRuleCode, message: string | (() => string)): asserts condition {
  if (!condition) throw new PoolRuleError(code, typeof message === 'string' ? message : message());
}
