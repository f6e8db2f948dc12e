/** `pactcycle user add --name N --role R [--password-stdin] [--token] [--json]`: accounts for the API. */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { createUser } from '../../server/auth/accounts.ts';
import { printJson, withStore } from '../io.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the password, without its line ending.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  const user = program.command('user').description('accounts of the people and scripts that act in a cycle');
  user
    .command('add')
    .description('add a user; the API token (with --token) is printed once and only its hash is kept')
    .requiredOption('--name <name>', 'login name (letters, digits, . _ @ -)')
    .requiredOption('--role <role>', 'commission | council | coordinator | member-state:XX')
    .option('--password-stdin', 'read the password (at least 12 characters) from standard input')
    .option('--token', 'issue an API token for scripts (Authorization: Bearer …)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { name: string; role: string; passwordStdin?: boolean; token?: boolean; json?: boolean }) => {
      if (!opts.passwordStdin && !opts.token) throw new UsageError('give --password-stdin, --token, or both');
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const created = await withStore((db) => createUser(db, { name: opts.name, role: opts.role, ...(password !== undefined ? { password } : {}), token: Boolean(opts.token) }));
      if (opts.json) printJson(created);
      else {
        process.stdout.write(`user ${created.name} added with role ${created.role}\n`);
        if (created.token) process.stdout.write(`API token (shown once): ${created.token}\n`);
      }
    });
}
