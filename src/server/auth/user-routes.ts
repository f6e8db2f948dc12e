/**
 * Accounts from the web: the Commission lists the accounts and creates one for each person of the cycle — the
 * Council secretariat, the Coordinator, each Member State delegation, other Commission analysts. Nobody else may see
 * or create accounts. Passwords are hashed with argon2id (accounts.ts) and never sent back.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PermissionError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { listUsers } from '../../store/users.ts';
import { errorResponses } from '../errors.ts';
import { createUser, type Principal } from './accounts.ts';

const Account = z.object({ name: z.string(), role: z.string() }).meta({ id: 'Account' });

/** Before validation: whoever may not manage accounts learns nothing from a validation message. */
async function commissionOnly(req: { principal: Principal }): Promise<void> {
  if (req.principal.role !== 'commission') throw new PermissionError('only the Commission manages accounts');
}

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, opts) => {
  const tags = ['auth'];
  app.get('/api/users', { preValidation: commissionOnly, schema: { tags, summary: 'every account: name and role (the Commission)', response: { 200: z.object({ users: z.array(Account) }), ...errorResponses } } }, async () => {
    return { users: (await listUsers(opts.db)).map((u) => ({ name: u.name, role: u.role })) };
  });

  app.post(
    '/api/users',
    {
      preValidation: commissionOnly,
      schema: {
        tags,
        summary: 'create an account with a password (the Commission): commission, council, coordinator or member-state:XX',
        body: z.object({ name: z.string().min(1).max(64), role: z.string().min(1).max(32), password: z.string().min(1).max(1024) }),
        response: { 201: Account, ...errorResponses },
      },
    },
    async (req, reply) => {
        const created = await createUser(opts.db, req.body);
      return reply.code(201).send({ name: created.name, role: created.role });
    },
  );
};
