import type { FastifyInstance } from 'fastify';
import { readHistory, sealAuditLog, type AuditEntry } from '../audit/index.js';
import type { Sensitivity } from '../domain/chronicle-json.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { attributeMarks, canRead, markSensitivity, sensitivityOf } from '../protect/sensitivity.js';
import type { Store } from '../store/index.js';
import { sensitivities } from './http-filter.js';
import { clearanceOf } from './roles.js';

/** Most records one sensitivity lookup answers for. */
const MAX_LOOKUP = 200;
const MAX_ID = 400;

/** A record's level as `GET /api/sensitivity` answers it; an entity also lists its attributes' own marks. */
export interface RecordSensitivity {
  id: string;
  level: Sensitivity;
  /** Attributes marked on their own (an attribute without a mark has the entity's level). */
  attributes?: Record<string, Sensitivity>;
}

/**
 * The level of a document, entity or event, or of one attribute (`ENTITY_ID#attribute`: its own
 * mark, else its entity's level); null when no such record exists.
 */
async function levelOf(store: Store, id: string): Promise<Sensitivity | null> {
  const hash = id.indexOf('#');
  if (hash <= 0) return sensitivityOf(store, id);
  const entityId = id.slice(0, hash);
  const entityLevel = await sensitivityOf(store, entityId);
  if (entityLevel === null) return null;
  return (await attributeMarks(store, [entityId])).get(entityId)?.get(id.slice(hash + 1)) ?? entityLevel;
}

function idsOf(query: unknown): string[] {
  const raw = (query as Record<string, unknown> | undefined)?.id;
  const ids = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (ids.length === 0) throw new ValidationError('id: give one or more record ids (?id=A&id=B)');
  if (ids.length > MAX_LOOKUP) throw new ValidationError(`id: at most ${MAX_LOOKUP} ids per request, got ${ids.length}`);
  for (const id of ids) {
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID) throw new ValidationError(`id: each id is 1 to ${MAX_ID} characters`);
  }
  return ids as string[];
}

/** Routes of the protection layer: read and set a record's sensitivity, read a record's history. */
export function registerProtectionRoutes(app: FastifyInstance, store: Store): void {
  app.post('/api/mark', { schema: { hide: true }, bodyLimit: 16 * 1024 }, async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { id, level, reason } = body;
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID) throw new ValidationError('id: a document, entity or event id, or ENTITY#attribute');
    if (typeof level !== 'string') throw new ValidationError('level: public, restricted or confidential');
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) throw new ValidationError('reason: text of at most 2000 characters');
    return markSensitivity(store, id, level, { actor: request.auth.name ?? 'unknown', reason: reason || null });
  });

  // Levels of the records a page lists, so the web app can show a badge on each.
  app.get('/api/sensitivity', { schema: { hide: true } }, async (request) => {
    const ids = idsOf(request.query);
    const clearance = clearanceOf(request.auth.principal);
    const levels = await sensitivities(store, ids);
    const marks = await attributeMarks(store, [...levels.keys()]);
    const records: RecordSensitivity[] = [];
    for (const [id, level] of levels) {
      // Records above the clearance are left out, as if they did not exist.
      if (!canRead(clearance, level)) continue;
      const own = marks.get(id);
      const attributes = own ? Object.fromEntries([...own].filter(([, l]) => canRead(clearance, l))) : undefined;
      records.push({ id, level, ...(attributes ? { attributes } : {}) });
    }
    return { records };
  });

  app.get('/api/history/:id', { schema: { hide: true } }, async (request) => {
    const { id } = request.params as { id: string };
    if (id.length > MAX_ID) throw new ValidationError('id too long');
    const level = await levelOf(store, id);
    const clearance = clearanceOf(request.auth.principal);
    // Account histories are for admins; a record's history follows the record's own sensitivity.
    if (level === null ? request.auth.principal !== 'admin' : !canRead(clearance, level)) throw new NotFoundError(`history of ${id}`);
    await sealAuditLog(store);
    const entries = await readHistory(store, id, { limit: 500 });
    // An entity's history includes the marks set on its attributes the reader may see.
    const marked = id.includes('#') ? undefined : (await attributeMarks(store, [id])).get(id);
    if (!marked) return entries;
    const all: AuditEntry[] = [...entries];
    for (const [attribute, attributeLevel] of marked) {
      if (canRead(clearance, attributeLevel)) all.push(...(await readHistory(store, `${id}#${attribute}`, { limit: 500 })));
    }
    return all.sort((a, b) => a.seq - b.seq);
  });
}
