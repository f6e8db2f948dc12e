/** Every command registers itself here, one line each. */
import type { Command } from 'commander';
import { register as registerLedger } from './ledger.ts';

export function registerCommands(program: Command): void {
  registerLedger(program);
}
