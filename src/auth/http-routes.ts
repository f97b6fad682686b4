import type { FastifyInstance } from 'fastify';
import { readHistory, sealAuditLog } from '../audit/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { canRead, markSensitivity, sensitivityOf } from '../protect/sensitivity.js';
import type { Store } from '../store/index.js';
import { clearanceOf } from './roles.js';

/** Routes of the protection layer: set a record's sensitivity, read a record's history. */
export function registerProtectionRoutes(app: FastifyInstance, store: Store): void {
  app.post('/api/mark', { schema: { hide: true }, bodyLimit: 16 * 1024 }, async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { id, level, reason } = body;
    if (typeof id !== 'string' || id === '' || id.length > 400) throw new ValidationError('id: a document, entity or event id, or ENTITY#attribute');
    if (typeof level !== 'string') throw new ValidationError('level: public, restricted or confidential');
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) throw new ValidationError('reason: text of at most 2000 characters');
    return markSensitivity(store, id, level, { actor: request.auth.name ?? 'unknown', reason: reason ?? null });
  });

  app.get('/api/history/:id', { schema: { hide: true } }, async (request) => {
    const { id } = request.params as { id: string };
    if (id.length > 400) throw new ValidationError('id too long');
    const level = await sensitivityOf(store, id);
    const clearance = clearanceOf(request.auth.principal);
    // Account histories are for admins; a record's history follows the record's own sensitivity.
    if (level === null ? request.auth.principal !== 'admin' : !canRead(clearance, level)) throw new NotFoundError(`history of ${id}`);
    await sealAuditLog(store);
    return readHistory(store, id, { limit: 500 });
  });
}
