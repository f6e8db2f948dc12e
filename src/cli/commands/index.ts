/** Every command registers itself here, one line each. */
import type { Command } from 'commander';
import { register as registerAssess } from './assess.ts';
import { register as registerBacktest } from './backtest.ts';
import { register as registerBorderNationalities } from './border-nationalities.ts';
import { register as registerCapacity } from './capacity.ts';
import { register as registerData } from './data.ts';
import { register as registerDecision } from './decision.ts';
import { register as registerDeadline } from './deadline.ts';
import { register as registerFairShare } from './fairshare.ts';
import { register as registerForecast } from './forecast.ts';
import { register as registerImplementation } from './implementation.ts';
import { register as registerStart } from './start.ts';
import { register as registerToolbox } from './toolbox.ts';
import { register as registerLedger } from './ledger.ts';
import { register as registerMatch } from './match.ts';
import { register as registerPool } from './pool.ts';
import { register as registerReport } from './report.ts';
import { register as registerServe } from './serve.ts';
import { register as registerUser } from './user.ts';

export function registerCommands(program: Command): void {
  registerLedger(program);
  registerMatch(program);
  registerUser(program);
  registerServe(program);
  registerCapacity(program);
  registerBorderNationalities(program);
  registerDeadline(program);
  registerFairShare(program);
  registerForecast(program);
  registerPool(program);
  registerBacktest(program);
  registerData(program);
  registerAssess(program);
  registerDecision(program);
  registerImplementation(program);
  registerToolbox(program);
  registerStart(program);
  registerReport(program);
}
