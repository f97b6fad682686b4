import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { EntityAttributes, EntityType } from '../../domain/chronicle-json.js';
import type { EventReport } from '../../link/resolution/index.js';
import type { StoreDialect } from '../dialect.js';
import type { ResolutionDatabase } from '../resolution-schema.js';
import type {
  AttributeSource,
  CandidateRequest,
  EntityFeature,
  MentionRef,
  NewResolutionLogEntry,
  ResolutionCandidate,
  ResolutionLogEntry,
  ResolutionRepository,
  StoredEventReport,
} from '../resolution-types.js';
import type { Database } from '../schema.js';
import { SEALED_PLACEHOLDER, isSealedText, readableJson, readableText } from '../../protect/field-encryption.js';
import { chunk, insertOrIgnore, nextSeq } from './rows.js';
import { attributeSourcesToStore } from './sealed-attributes.js';

const EVENT_ROLES = ['subject_id', 'agent_id', 'object_id', 'place_id'] as const;

function pair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The resolution tables (migration 004) over any Kysely database. */
export class KyselyResolutionRepository implements ResolutionRepository {
  private readonly db: Kysely<ResolutionDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly engine: StoreDialect['name'],
  ) {
    // The resolution tables extend the core schema on the same connection.
    this.db = db as unknown as Kysely<ResolutionDatabase>;
  }

  async candidates(type: EntityType, keys: string[], limit: number, features?: readonly string[]): Promise<ResolutionCandidate[]> {
    if (keys.length === 0) return [];
    // Keys first, then entities by primary key: a type filter up front would make SQLite walk every entity of the type.
    const keyRows = await this.db
      .selectFrom('entity_keys')
      .select('entity_id')
      .distinct()
      .where('key', 'in', [...new Set(keys)])
      .limit(limit)
      .execute();
    if (keyRows.length === 0) return [];
    const entities = (
      await this.db
        .selectFrom('entities')
        .select(['id', 'type', 'name', 'attributes'])
        .where('id', 'in', keyRows.map((r) => r.entity_id))
        .execute()
    ).filter((e) => e.type === type);
    const ids = entities.map((r) => r.id);
    if (ids.length === 0) return [];
    const [aliases, featureRows] = await Promise.all([
      this.db.selectFrom('entity_aliases').select(['entity_id', 'alias']).where('entity_id', 'in', ids).execute(),
      features !== undefined && features.length === 0
        ? Promise.resolve([])
        : this.db
            .selectFrom('entity_features')
            .select(['entity_id', 'feature'])
            .where('entity_id', 'in', ids)
            .$if(features !== undefined, (q) => q.where('feature', 'in', [...new Set(features)]))
            .execute(),
    ]);
    return toCandidates(type, entities, aliases, featureRows);
  }

  async candidatesMany(requests: readonly CandidateRequest[]): Promise<ResolutionCandidate[][]> {
    const out: ResolutionCandidate[][] = requests.map(() => []);
    const wanted = requests.flatMap((request, at) => (request.keys.length > 0 ? [{ at, request }] : []));
    // Each read is one statement of UNION ALL branches, each branch the query `candidates` runs for
    // its request: planned alike, every branch gives the rows (and their order) that query would.
    for (const part of chunk(wanted, 100)) {
      const tag = (at: number) => sql.lit(at).as('r');
      const keyRows = await unionAll(
        part.map(({ at, request }) =>
          this.db
            .selectFrom((eb) =>
              eb.selectFrom('entity_keys').select('entity_id').distinct().where('key', 'in', [...new Set(request.keys)]).limit(request.limit).as('k'),
            )
            .select([tag(at), 'k.entity_id']),
        ),
      );
      const idsOf = groupBy(keyRows, (r) => r.entity_id);
      const found = part.filter(({ at }) => (idsOf.get(at) ?? []).length > 0);
      // Where the limit cut the block, which entities come first is the engine's affair: ask exactly as `candidates` does.
      const cut = found.filter(({ at, request }) => (idsOf.get(at) ?? []).length >= request.limit);
      for (const { at, request } of cut) out[at] = await this.candidates(request.type, request.keys, request.limit, request.features);
      const whole = found.filter((f) => !cut.includes(f));
      if (whole.length === 0) continue;
      const entityRows = await unionAll(
        whole.map(({ at }) =>
          this.db
            .selectFrom('entities')
            .select([tag(at), 'id', 'type', 'name', 'attributes'])
            .where('id', 'in', idsOf.get(at) ?? []),
        ),
      );
      const entitiesOf = new Map<number, typeof entityRows>();
      for (const { at, request } of whole) entitiesOf.set(at, entityRows.filter((e) => Number(e.r) === at && e.type === request.type));
      const named = whole.filter(({ at }) => (entitiesOf.get(at) ?? []).length > 0);
      const idsFound = (at: number) => (entitiesOf.get(at) ?? []).map((e) => e.id);
      const aliasRows = await unionAll(
        named.map(({ at }) => this.db.selectFrom('entity_aliases').select([tag(at), 'entity_id', 'alias']).where('entity_id', 'in', idsFound(at))),
      );
      const featured = named.filter(({ request }) => request.features === undefined || request.features.length > 0);
      const featureRows = await unionAll(
        featured.map(({ at, request }) =>
          this.db
            .selectFrom('entity_features')
            .select([tag(at), 'entity_id', 'feature'])
            .where('entity_id', 'in', idsFound(at))
            .$if(request.features !== undefined, (q) => q.where('feature', 'in', [...new Set(request.features)])),
        ),
      );
      const aliasesOf = groupBy(aliasRows, (r) => r);
      const featuresOf = groupBy(featureRows, (r) => r);
      for (const { at, request } of named) {
        out[at] = toCandidates(request.type, entitiesOf.get(at) ?? [], aliasesOf.get(at) ?? [], featuresOf.get(at) ?? []);
      }
    }
    return out;
  }

  async addFeatures(entityId: string, features: string[]): Promise<void> {
    await this.addFeaturesOf(features.map((feature) => ({ entityId, feature })));
  }

  async addFeaturesOf(features: EntityFeature[]): Promise<void> {
    await insertOrIgnore(this.db, 'entity_features', features.map((f) => ({ entity_id: f.entityId, feature: f.feature })));
  }

  async log(entry: NewResolutionLogEntry): Promise<void> {
    await this.logMany([entry]);
  }

  async logMany(entries: NewResolutionLogEntry[]): Promise<void> {
    for (const part of chunk(entries, 500)) {
      await this.db
        .insertInto('resolution_log')
        .values(
          part.map((entry, i) => ({
            seq: nextSeq(this.engine, 'resolution_log', i),
            at: entry.at,
            actor: entry.actor,
            action: entry.action,
            entity_id: entry.entityId,
            other_id: entry.otherId,
            document_id: entry.documentId,
            rule: entry.rule,
            score: entry.score,
            detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
          })),
        )
        .execute();
    }
  }

  async logFor(entityId: string): Promise<ResolutionLogEntry[]> {
    const rows = await this.db
      .selectFrom('resolution_log')
      .selectAll()
      .where((eb) => eb.or([eb('entity_id', '=', entityId), eb('other_id', '=', entityId)]))
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action as ResolutionLogEntry['action'],
      entityId: r.entity_id,
      otherId: r.other_id,
      documentId: r.document_id,
      rule: r.rule,
      score: r.score,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    }));
  }

  async blockKeys(entityId: string, keys: string[], at: string): Promise<void> {
    await insertOrIgnore(
      this.db,
      'resolution_constraints',
      [...new Set(keys)].map((key) => ({ kind: 'block-key', entity_id: entityId, key, created_at: at })),
    );
  }

  async unblockKeys(entityId: string, keys: string[]): Promise<void> {
    for (const part of chunk([...new Set(keys)], 200)) {
      await this.db
        .deleteFrom('resolution_constraints')
        .where('kind', '=', 'block-key')
        .where('entity_id', '=', entityId)
        .where('key', 'in', part)
        .execute();
    }
  }

  async blockedFor(keys: string[]): Promise<Array<{ entityId: string; key: string }>> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('resolution_constraints')
      .select(['entity_id', 'key'])
      .where('kind', '=', 'block-key')
      .where('key', 'in', [...new Set(keys)])
      .execute();
    return rows.map((r) => ({ entityId: r.entity_id, key: r.key }));
  }

  async addCannotLink(a: string, b: string, at: string): Promise<void> {
    await this.db
      .insertInto('resolution_constraints')
      .values({ kind: 'cannot-link', entity_id: a < b ? a : b, key: pair(a, b), created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async removeCannotLink(a: string, b: string): Promise<void> {
    await this.db.deleteFrom('resolution_constraints').where('kind', '=', 'cannot-link').where('key', '=', pair(a, b)).execute();
  }

  async cannotLink(a: string, b: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('resolution_constraints')
      .select('key')
      .where('kind', '=', 'cannot-link')
      .where('key', '=', pair(a, b))
      .executeTakeFirst();
    return row !== undefined;
  }

  async currentId(id: string): Promise<string> {
    let current = id;
    // Redirects are kept flat by mergeInto; the bound only guards against a damaged table.
    for (let hops = 0; hops < 16; hops++) {
      const row = await this.db.selectFrom('entity_redirects').select('to_id').where('from_id', '=', current).executeTakeFirst();
      if (!row) return current;
      current = row.to_id;
    }
    return current;
  }

  async mergeInto(survivorId: string, mergedId: string): Promise<void> {
    const db = this.db;
    await db.updateTable('mentions').set({ entity_id: survivorId }).where('entity_id', '=', mergedId).execute();
    for (const role of EVENT_ROLES) {
      await db.updateTable('events').set({ [role]: survivorId }).where(role, '=', mergedId).execute();
    }
    const merged = await db.selectFrom('entities').select(['name', 'name_key']).where('id', '=', mergedId).executeTakeFirst();
    const aliases = await db.selectFrom('entity_aliases').select(['alias', 'alias_key']).where('entity_id', '=', mergedId).execute();
    const survivor = await db.selectFrom('entities').select('name').where('id', '=', survivorId).executeTakeFirst();
    const moved = [...aliases, ...(merged ? [{ alias: merged.name, alias_key: merged.name_key }] : [])].filter(
      (a) => a.alias !== survivor?.name,
    );
    await insertOrIgnore(db, 'entity_aliases', moved.map((a) => ({ entity_id: survivorId, alias: a.alias, alias_key: a.alias_key })));
    const keys = await db.selectFrom('entity_keys').select('key').where('entity_id', '=', mergedId).execute();
    await insertOrIgnore(db, 'entity_keys', keys.map((k) => ({ entity_id: survivorId, key: k.key })));
    const features = await db.selectFrom('entity_features').select('feature').where('entity_id', '=', mergedId).execute();
    await this.addFeatures(survivorId, features.map((f) => f.feature));
    await db.updateTable('entity_attribute_sources').set({ entity_id: survivorId }).where('entity_id', '=', mergedId).execute();
    const blocks = await db
      .selectFrom('resolution_constraints')
      .selectAll()
      .where('kind', '=', 'block-key')
      .where('entity_id', '=', mergedId)
      .execute();
    await this.blockKeys(survivorId, blocks.map((b) => b.key), blocks[0]?.created_at ?? new Date(0).toISOString());
    await db.deleteFrom('resolution_constraints').where('kind', '=', 'block-key').where('entity_id', '=', mergedId).execute();
    await db.updateTable('entity_redirects').set({ to_id: survivorId }).where('to_id', '=', mergedId).execute();
    await db
      .insertInto('entity_redirects')
      .values({ from_id: mergedId, to_id: survivorId })
      .onConflict((oc) => oc.column('from_id').doUpdateSet({ to_id: survivorId }))
      .execute();
    await db.deleteFrom('entities').where('id', '=', mergedId).execute();
  }

  async moveMentions(fromId: string, toId: string, mentions: MentionRef[]): Promise<number> {
    let moved = 0;
    for (const m of mentions) {
      const result = await this.db
        .updateTable('mentions')
        .set({ entity_id: toId })
        .where('entity_id', '=', fromId)
        .where('document_id', '=', m.documentId)
        .where('start', '=', m.start)
        .where('end', '=', m.end)
        .executeTakeFirst();
      moved += Number(result.numUpdatedRows);
    }
    return moved;
  }

  async replaceKeys(entityId: string, keys: string[]): Promise<void> {
    await this.db.deleteFrom('entity_keys').where('entity_id', '=', entityId).execute();
    await insertOrIgnore(this.db, 'entity_keys', [...new Set(keys)].map((key) => ({ entity_id: entityId, key })));
  }

  async removeAliases(entityId: string, aliases: string[]): Promise<void> {
    for (const part of chunk(aliases, 200)) {
      await this.db.deleteFrom('entity_aliases').where('entity_id', '=', entityId).where('alias', 'in', part).execute();
    }
  }

  async eventsOf(subjectId: string, type: string): Promise<StoredEventReport[]> {
    return this.eventsOfMany([{ subjectId, type }]);
  }

  async eventsOfMany(pairs: ReadonlyArray<{ subjectId: string; type: string }>): Promise<StoredEventReport[]> {
    const wanted = new Set(pairs.map((p) => `${p.subjectId}\u0000${p.type}`));
    const types = [...new Set(pairs.map((p) => p.type))];
    const out: Array<Selectable<ResolutionDatabase['events']> & { first_seq: number }> = [];
    // One plain statement (a union of a branch per pair cost more to plan than to run): the subjects'
    // events of the types asked, the pairs not asked left out here. The order is set below, whatever the engine reads.
    for (const subjects of chunk([...new Set(pairs.map((p) => p.subjectId))], 200)) {
      const rows = await this.db.selectFrom('events').selectAll().select(FIRST_SEQ).where('subject_id', 'in', subjects).where('type', 'in', types).execute();
      out.push(...rows.filter((r) => wanted.has(`${r.subject_id ?? ''}\u0000${r.type}`)));
    }
    out.sort((a, b) => Number(a.first_seq) - Number(b.first_seq) || a.ordinal - b.ordinal);
    return out.map(toStoredEventReport);
  }

  async addEventReport(eventId: string, documentId: string, report: EventReport): Promise<void> {
    await this.addEventReports([{ eventId, documentId, report }]);
  }

  async addEventReports(reports: ReadonlyArray<{ eventId: string; documentId: string; report: EventReport }>): Promise<void> {
    for (const part of chunk(reports, 1000)) {
      await this.db
        .insertInto('event_reports')
        .values(part.map((r) => ({ event_id: r.eventId, document_id: r.documentId, report: JSON.stringify(r.report) })))
        .execute();
    }
  }

  async eventReports(eventId: string): Promise<EventReport[]> {
    const rows = await this.db.selectFrom('event_reports').select('report').where('event_id', '=', eventId).execute();
    return rows.map((r) => readableReport(JSON.parse(r.report) as EventReport));
  }

  async eventReportsOfMany(eventIds: readonly string[]): Promise<Map<string, EventReport[]>> {
    const out = new Map<string, EventReport[]>();
    // One branch per event, each the query eventReports runs, so each event's reports come in the same order.
    for (const part of chunk([...new Set(eventIds)], 200)) {
      const rows = await unionAll(
        part.map((id, at) => this.db.selectFrom('event_reports').select([sql.lit(at).as('r'), 'report']).where('event_id', '=', id)),
      );
      for (const [at, reports] of groupBy(rows, (r) => readableReport(JSON.parse(r.report) as EventReport))) out.set(part[at] as string, reports);
    }
    return out;
  }

  async updateEvent(eventId: string, f: Omit<EventReport, 'evidence' | 'documentId' | 'type' | 'subjectId'>): Promise<void> {
    await this.db
      .updateTable('events')
      .set({
        agent_id: f.agentId,
        object_id: f.objectId,
        place_id: f.placeId,
        date_from: f.date?.from ?? null,
        date_to: f.date?.to ?? null,
        // A reader without the key saw a confidential report's date as the placeholder: keep the stored text.
        ...(f.date?.text === SEALED_PLACEHOLDER ? {} : { date_text: f.date?.text ?? null }),
        duration: f.duration,
        charge: f.charge,
        penalty: f.penalty,
        confidence: f.confidence,
      })
      .where('id', '=', eventId)
      .execute();
  }

  async absorbEvent(keepId: string, dropId: string): Promise<void> {
    await this.db.updateTable('evidence').set({ event_id: keepId }).where('event_id', '=', dropId).execute();
    await this.db.updateTable('event_reports').set({ event_id: keepId }).where('event_id', '=', dropId).execute();
    await this.db.deleteFrom('events').where('id', '=', dropId).execute();
  }

  async moveEventSubjects(fromId: string, toId: string, documentIds: string[]): Promise<number> {
    if (documentIds.length === 0) return 0;
    // Only events every evidence span of which comes from the moved documents change hands.
    const result = await this.db
      .updateTable('events')
      .set({ subject_id: toId })
      .where('subject_id', '=', fromId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('evidence')
              .select('evidence.seq')
              .whereRef('evidence.event_id', '=', 'events.id')
              .where('evidence.document_id', 'not in', documentIds),
          ),
        ),
      )
      .where('first_document_id', 'in', documentIds)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async coMentioned(entityId: string, limit: number): Promise<Array<{ entityId: string; type: EntityType; name: string; documents: number }>> {
    const rows = await this.db
      .selectFrom('mentions as other')
      .innerJoin('entities', 'entities.id', 'other.entity_id')
      .select(['entities.id', 'entities.type', 'entities.name'])
      .select((eb) => eb.fn.count<number>('other.document_id').distinct().as('documents'))
      .where('other.document_id', 'in', (eb) =>
        eb.selectFrom('mentions').select('mentions.document_id').where('mentions.entity_id', '=', entityId),
      )
      .where('other.entity_id', '!=', entityId)
      .groupBy(['entities.id', 'entities.type', 'entities.name'])
      .orderBy('documents', 'desc')
      .orderBy('entities.name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ entityId: r.id, type: r.type as EntityType, name: r.name, documents: Number(r.documents) }));
  }

  async addAttributeSources(sources: AttributeSource[]): Promise<void> {
    for (const part of chunk(sources, 200)) {
      // Facts about a confidential attribute are stored sealed.
      const values = await attributeSourcesToStore(this.db, part);
      await this.db
        .insertInto('entity_attribute_sources')
        .values(
          part.map((s, i) => ({
            entity_id: s.entityId,
            document_id: s.documentId,
            key: s.key,
            value: values[i] as string,
            sensitive: s.sensitive ? 1 : 0,
          })),
        )
        .execute();
    }
  }

  async attributeSources(entityId: string): Promise<AttributeSource[]> {
    const rows = await this.db.selectFrom('entity_attribute_sources').selectAll().where('entity_id', '=', entityId).execute();
    return rows.map((r) => ({
      entityId: r.entity_id,
      documentId: r.document_id,
      key: r.key,
      // A confidential fact is stored as one sealed text in place of its JSON.
      value: isSealedText(r.value) ? readableJson(r.value, `entity ${r.entity_id}#${r.key}`) : (JSON.parse(r.value) as unknown),
      sensitive: r.sensitive === 1,
    }));
  }

  async moveAttributeSources(fromId: string, toId: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.db
      .updateTable('entity_attribute_sources')
      .set({ entity_id: toId })
      .where('entity_id', '=', fromId)
      .where('document_id', 'in', documentIds)
      .execute();
  }
}

/** Candidates from their entities rows (in that order), alias rows and context feature rows. */
function toCandidates(
  type: EntityType,
  entities: ReadonlyArray<{ id: string; name: string; attributes: string }>,
  aliases: ReadonlyArray<{ entity_id: string; alias: string }>,
  features: ReadonlyArray<{ entity_id: string; feature: string }>,
): ResolutionCandidate[] {
  const byId = new Map<string, ResolutionCandidate>();
  for (const e of entities) {
    const attributes = JSON.parse(e.attributes) as EntityAttributes;
    const roles = Array.isArray(attributes.roles) ? attributes.roles.map((r) => String(r).toLowerCase()) : [];
    byId.set(e.id, { id: e.id, type, names: [e.name], roles, context: roles.map((r) => `role:${r}`) });
  }
  for (const a of aliases) byId.get(a.entity_id)?.names.push(a.alias);
  for (const f of features) byId.get(f.entity_id)?.context.push(f.feature);
  return entities.map((e) => byId.get(e.id)).filter((c): c is ResolutionCandidate => c !== undefined);
}

/** Runs queries as one UNION ALL statement (nothing for none). */
async function unionAll<O>(queries: ReadonlyArray<SelectQueryBuilder<ResolutionDatabase, never, O>>): Promise<O[]> {
  const [first, ...rest] = queries;
  if (!first) return [];
  return rest.reduce((q, branch) => q.unionAll(branch), first).execute();
}

/** Rows of a UNION ALL by the request number each branch tags its rows with (`r`). */
function groupBy<R extends { r: unknown }, T>(rows: readonly R[], pick: (row: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const at = Number(row.r);
    const list = out.get(at) ?? [];
    list.push(pick(row));
    out.set(at, list);
  }
  return out;
}

/** An events row as a report to match a new one against. */
/**
 * Stored events in the order they were first reported (their document's number, then their place in it):
 * a report that fits two stored events joins the same one on SQLite and PostgreSQL, whatever order the
 * engine reads rows in.
 */
const FIRST_SEQ = sql<number>`(select d.seq from documents d where d.id = events.first_document_id)`.as('first_seq');

function toStoredEventReport(r: Selectable<ResolutionDatabase['events']>): StoredEventReport {
  return {
    id: r.id,
    report: {
      type: r.type,
      subjectId: r.subject_id,
      agentId: r.agent_id,
      objectId: r.object_id,
      placeId: r.place_id,
      date:
        r.date_from === null && r.date_to === null
          ? null
          : { ...(r.date_from !== null ? { from: r.date_from } : {}), ...(r.date_to !== null ? { to: r.date_to } : {}), text: r.date_text ?? '' },
      duration: r.duration,
      charge: r.charge,
      penalty: r.penalty,
      modality: r.modality as EventReport['modality'],
      confidence: r.confidence,
    },
  };
}

/** A document's account of an event with its sealed quotes (a confidential document's) opened or shown as the placeholder. */
function readableReport(report: EventReport): EventReport {
  const where = `document ${report.documentId}`;
  return {
    ...report,
    date: report.date ? { ...report.date, text: readableText(report.date.text, where) } : report.date,
    evidence: report.evidence.map((e) => ({ ...e, text: readableText(e.text, where) })),
  };
}
