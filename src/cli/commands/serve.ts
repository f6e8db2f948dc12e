/** `pactcycle serve [--port P] [--host H]`: the API and, when built, the web front-end. */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { buildApp } from '../../server/app.ts';
import { newSetupToken, setupMessage, setupNeeded } from '../../server/setup/first-run.ts';
import { openStore, storeLocationFromEnv } from '../../store/db.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI at /api/docs) and the web front-end on this machine')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on (127.0.0.1 keeps it on this machine)', '127.0.0.1')
    .option('--insecure-cookies', 'session cookies without the Secure flag (only for plain-HTTP test set-ups on other hosts)')
    .action(async (opts: { port: string; host: string; insecureCookies?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${opts.port}"`);
      const db = await openStore(storeLocationFromEnv());
      const setupToken = (await setupNeeded(db)) ? newSetupToken() : undefined;
      const app = await buildApp({ db, logger: { level: process.env.PACTCYCLE_LOG_LEVEL || 'info' }, cookieSecure: !opts.insecureCookies, ...(setupToken ? { setupToken } : {}) });
      const address = await app.listen({ port, host: opts.host });
      // One write, so a reader of the output gets the address and the setup link together.
      process.stdout.write(`Pactcycle is serving ${address} (API documentation: ${address}/api/docs)\n${setupToken ? setupMessage(address, setupToken) + '\n' : ''}`);
      // Stay up until asked to stop; close the store cleanly on the way out.
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await db.close();
    });
}
