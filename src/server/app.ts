/**
 * The HTTP server: the API under `/api` (OpenAPI at `/api/docs`), and the web front-end from `web/dist` when it has
 * been built. Routes are thin: they validate with zod, call a service, and return what the service mapped for the
 * caller; the services enforce who may see and do what.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../store/db.ts';
import { installAuthentication } from './auth/authenticate.ts';
import { authRoutes } from './auth/routes.ts';
import { userRoutes } from './auth/user-routes.ts';
import { assessmentRoutes } from './assessment/routes.ts';
import { dataRoutes } from './data/routes.ts';
import { SetupGate } from './setup/first-run.ts';
import { setupRoutes } from './setup/routes.ts';
import { HttpError, installErrorHandling } from './errors.ts';
import { forecastRoutes } from './public/forecast-routes.ts';
import { publicRoutes } from './public/routes.ts';
import { OneLineRequestLog } from './request-log.ts';
import { matchingRoutes } from './matching/routes.ts';
import { poolRoutes } from './pool/routes.ts';
import { PoolService } from './pool/service.ts';
import { deadlineRoutes } from './procedures/deadline-routes.ts';
import { capacityOutlookRoutes } from './procedures/capacity-outlook-routes.ts';
import { implementationRoutes } from './procedures/implementation-routes.ts';
import { toolboxRoutes, type AtRiskSource } from './procedures/toolbox-routes.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  db: Db;
  /** The clock for sessions and event times; tests pin it. */
  now?: () => Date;
  /** Secure cookies (default true; browsers accept them on http://localhost too). */
  cookieSecure?: boolean;
  /** Login attempts allowed per client address and window (milliseconds). */
  loginRateLimit?: { max: number; timeWindow: number };
  /** The built front-end; served at `/` when its index.html exists. */
  webDist?: string;
  /** Fastify's logger: off by default; `pactcycle serve` logs at `PACTCYCLE_LOG_LEVEL` (default info). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Where the Toolbox learns which Member States are identified as at risk (default: the latest Art 11 decision in force). */
  atRisk?: AtRiskSource;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** The one-time token of the first-run setup link (src/server/setup/first-run.ts); without it setup is closed. */
  setupToken?: string;
  /** The data folder the Commission may load again from the web; default as `pactcycle data load` finds it. */
  dataDir?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({ logger: opts.logger ?? false, logController: new OneLineRequestLog(), bodyLimit: opts.bodyLimit ?? 64 * 1024, trustProxy: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(fastifyHelmet, {
    // The server often runs on plain http://127.0.0.1: upgrading subresources to https would break it.
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure ?? true },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'rate-limited', `too many attempts: try again in ${ctx.after}`),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pactcycle API',
        description: 'The annual migration management cycle of Regulation (EU) 2024/1351: the Annual Solidarity Pool, its ledger, and the public data.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'an API token from `pactcycle user add --token`' },
          session: { type: 'apiKey', in: 'cookie', name: 'pactcycle_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }, {}],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installAuthentication(app, opts.db, now);
  await app.register(authRoutes, {
    db: opts.db,
    now,
    cookieSecure: opts.cookieSecure ?? true,
    loginRateLimit: opts.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
  });

  await app.register(setupRoutes, {
    db: opts.db,
    gate: new SetupGate(opts.setupToken),
    now,
    cookieSecure: opts.cookieSecure ?? true,
    rateLimit: opts.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
  });
  await app.register(userRoutes, { db: opts.db });
  await app.register(assessmentRoutes, { db: opts.db, now });
  await app.register(dataRoutes, { db: opts.db, dataDir: opts.dataDir });

  await app.register(deadlineRoutes, { db: opts.db });
  await app.register(capacityOutlookRoutes, { db: opts.db });
  await app.register(publicRoutes, { db: opts.db });
  await app.register(forecastRoutes, { db: opts.db });
  await app.register(poolRoutes, { pool: new PoolService(opts.db, now) });
  await app.register(implementationRoutes, { db: opts.db, now });
  await app.register(matchingRoutes, { db: opts.db, now });
  await app.register(toolboxRoutes, { db: opts.db, now, ...(opts.atRisk ? { atRisk: opts.atRisk } : {}) });

  const webDist = opts.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(webDist + '/index.html');
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // The front-end routes in the browser: any GET outside /api gets its index.html.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: { code: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });
  return app;
}
