/**
 * One error body for every 4xx and 5xx the API sends: `{ error: { code, message } }`. Messages say what to fix and
 * never carry stored data the caller may not see.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError, PermissionError } from '../domain/errors.ts';

export const ErrorBody = z
  .object({ error: z.object({ code: z.string().describe('stable, machine-readable'), message: z.string().describe('for people') }) })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The error responses every route may give; routes spread this into their `response` schema. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** An error the API answers with on purpose. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message = 'not found'): HttpError => new HttpError(404, 'not-found', message);

const body = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** Maps every error a request can end in to the one body shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(body(err.code, err.message));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const issues = err.validation.map((v) => `${where}${v.instancePath.replaceAll('/', '.') || ''}: ${v.message}`).join('; ');
      return reply.code(400).send(body('invalid-request', issues));
    }
    if (err instanceof InputError) return reply.code(400).send(body('invalid-input', err.message));
    if (err instanceof PermissionError) return reply.code(403).send(body('forbidden', err.message));
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response failed its schema');
      return reply.code(500).send(body('internal', 'the server could not build a valid response'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body('body-too-large', 'the request body is larger than the server accepts'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body('unsupported-media-type', 'send the request body as application/json'));
      case 'FST_CSRF_MISSING_SECRET':
      case 'FST_CSRF_INVALID_TOKEN':
        return reply
          .code(403)
          .send(body('csrf', 'a request made with a session cookie needs the x-csrf-token header from GET /api/auth/session'));
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(500).send(body('internal', 'internal server error'));
    }
    // Fastify's own 4xx (malformed JSON, empty body, …): its message names the problem and holds no stored data.
    return reply.code(status).send(body(status === 400 ? 'malformed-request' : 'bad-request', err.message));
  });
}
