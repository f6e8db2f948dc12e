/**
 * First run without the CLI. When the store holds no account, `pactcycle start` and `serve` print a setup link with a
 * one-time random token (as Jupyter does); whoever opens it creates the first account, always a Commission account,
 * and from then on the Commission creates the others from its workspace. The token lives only in this process's
 * memory and is never stored; the gate opens for nothing once any account exists, whoever created it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import { listUsers } from '../../store/users.ts';
import { createUser, type CreatedUser } from '../auth/accounts.ts';
import { HttpError } from '../errors.ts';

/** A fresh setup token: 256 random bits, URL-safe. */
export const newSetupToken = (): string => randomBytes(32).toString('base64url');

/** `true` when the store has no account yet: the only state in which setup can happen. */
export async function setupNeeded(db: Db): Promise<boolean> {
  return (await listUsers(db)).length === 0;
}

/** What `start` and `serve` print when no account exists: the link, and the CLI way for those who prefer it. */
export function setupMessage(address: string, token: string): string {
  return [
    'No accounts yet. Open this link once to create the first account (the Commission), then create the others in its workspace:',
    `  ${address}/setup?token=${token}`,
    "The link works while this server runs and no account exists. Or, from the command line: echo 'a passphrase of 12+ chars' | npx pactcycle user add --name analyst --role commission --password-stdin",
  ].join('\n');
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Compared in constant time; the length check first is safe, the token's length is no secret.
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Holds the one-time token of a server. `claim` is the only way through: it checks the token, takes it (so a second
 * request at the same moment finds none), checks that no account exists, and creates the Commission account; a
 * refused password gives the token back so the person can try again with the same link.
 */
export class SetupGate {
  #token: string | undefined;

  constructor(token: string | undefined) {
    this.#token = token;
  }

  async claim(db: Db, input: { token: string; name: string; password: string }): Promise<CreatedUser> {
    const token = this.#token;
    // One refusal for every way in that is not the printed link: no token here, a wrong one, or one already used.
    const refused = new HttpError(403, 'setup-refused', 'setup is closed: use the setup link printed by `npm start` while no account exists, or sign in');
    if (token === undefined || !sameSecret(input.token, token)) throw refused;
    this.#token = undefined;
    try {
      if (!(await setupNeeded(db))) throw refused;
      return await createUser(db, { name: input.name, role: 'commission', password: input.password });
    } catch (err) {
      // The link stays good for a retry only while no account exists (a short password, a bad name).
      if (!(err instanceof HttpError) && (await setupNeeded(db))) this.#token = token;
      throw err;
    }
  }
}
