import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ChronicleError } from '../errors.js';

/** The body of every error response. */
export interface ErrorBody {
  error: string;
  message: string;
}

/**
 * Turns errors into responses in one place: named errors keep their code and status, schema failures
 * become 400 with the problem named, anything else is a 500 that reveals nothing of the store.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ChronicleError | Error, request, reply) => {
    if (error instanceof ChronicleError) {
      return reply.status(error.status).send({ error: error.code, message: error.message } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return `${error.validationContext ?? 'request'}${where ? `.${where}` : ''}: ${v.message}`;
      });
      return reply.status(400).send({ error: 'invalid', message: problems.join('; ') } satisfies ErrorBody);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({ error: 'invalid', message: error.message } satisfies ErrorBody);
    }
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'internal error' } satisfies ErrorBody);
  });
}
