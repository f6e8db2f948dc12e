/**
 * The `pactcycle` command. Exit codes: 0 success, 1 usage error, 2 data or input error.
 */
import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../domain/errors.ts';
import { registerCommands } from './commands/index.ts';

export const EXIT = { ok: 0, usage: 1, data: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('pactcycle')
    .description('The annual migration management cycle of the EU Pact on Migration and Asylum (Regulation (EU) 2024/1351), on real public statistics.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerCommands(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`pactcycle: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      process.stderr.write(`pactcycle: ${err.message}\n`);
      return EXIT.data;
    }
    throw err;
  }
}
