import type { Kysely } from 'kysely';
import { ENTITY_TYPES, type EntityAttributes, type EntityType } from '../../domain/chronicle-json.js';
import type { Database } from '../schema.js';
import type {
  EntityAlias,
  EntityKey,
  EntityNameAndAttributes,
  EntityRecord,
  EntityRepository,
  MentionRecord,
  NewAlias,
  NewEntity,
} from '../types.js';
import { readableText } from '../../protect/field-encryption.js';
import { chunk, insertOrIgnore, readableAttributes, reviewShape, sameShapeRuns, toEntityRecord } from './rows.js';
import { attributesToStore, confidentialAttributesOf, type AttributeLevels } from './sealed-attributes.js';

type EntityChanges = { name?: string; nameKey?: string; attributes?: EntityAttributes };

const COLUMNS = [
  'entities.id',
  'entities.type',
  'entities.name',
  'entities.attributes',
  'entities.status',
  'entities.sensitivity',
] as const;

type EntityRow = Parameters<typeof toEntityRecord>[0];

/** Entities, aliases, link keys and mentions through portable Kysely queries. */
export class KyselyEntityRepository implements EntityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(entity: NewEntity): Promise<void> {
    await this.insertMany([entity]);
  }

  async insertMany(entities: NewEntity[]): Promise<void> {
    for (const run of sameShapeRuns(entities, 500, reviewShape)) {
      await this.db
        .insertInto('entities')
        .values(
          run.map((entity) => ({
            id: entity.id,
            type: entity.type,
            name: entity.name,
            name_key: entity.nameKey,
            attributes: JSON.stringify(entity.attributes),
            first_document_id: entity.firstDocumentId,
            ordinal: entity.ordinal,
            created_at: entity.createdAt,
            ...(entity.status ? { status: entity.status } : {}),
            ...(entity.sensitivity ? { sensitivity: entity.sensitivity } : {}),
          })),
        )
        .execute();
    }
  }

  async update(
    id: string,
    changes: { name?: string; nameKey?: string; attributes?: EntityAttributes },
  ): Promise<void> {
    await this.updateMany([{ id, changes }]);
  }

  async updateMany(updates: ReadonlyArray<{ id: string; changes: EntityChanges }>): Promise<void> {
    // The attribute levels of every entity whose attributes change, read once.
    const withAttributes = updates.filter((u) => u.changes.attributes !== undefined).map((u) => u.id);
    const levels = withAttributes.length > 0 ? await confidentialAttributesOf(this.db, withAttributes) : new Map<string, AttributeLevels>();
    for (const { id, changes } of updates) {
      const values = {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.nameKey !== undefined ? { name_key: changes.nameKey } : {}),
        // Confidential attributes stay sealed (see sealed-attributes.ts).
        ...(changes.attributes !== undefined ? { attributes: await attributesToStore(this.db, id, changes.attributes, levels) } : {}),
      };
      if (Object.keys(values).length === 0) continue;
      await this.db.updateTable('entities').set(values).where('id', '=', id).execute();
    }
  }

  async addAliases(entityId: string, aliases: NewAlias[]): Promise<void> {
    await this.addAliasesOf(aliases.map((a) => ({ entityId, ...a })));
  }

  async addAliasesOf(aliases: EntityAlias[]): Promise<void> {
    await insertOrIgnore(
      this.db,
      'entity_aliases',
      aliases.map((a) => ({ entity_id: a.entityId, alias: a.alias, alias_key: a.aliasKey })),
    );
  }

  async addKeys(entityId: string, keys: string[]): Promise<void> {
    await this.addKeysOf(keys.map((key) => ({ entityId, key })));
  }

  async addKeysOf(keys: EntityKey[]): Promise<void> {
    await insertOrIgnore(this.db, 'entity_keys', keys.map((k) => ({ entity_id: k.entityId, key: k.key })));
  }

  async addMentions(mentions: MentionRecord[]): Promise<void> {
    await insertOrIgnore(
      this.db,
      'mentions',
      mentions.map((m) => ({ entity_id: m.entityId, document_id: m.documentId, start: m.start, end: m.end, text: m.text })),
    );
  }

  async get(id: string): Promise<EntityRecord | null> {
    return (await this.getMany([id]))[0] ?? null;
  }

  async getMany(ids: string[]): Promise<EntityRecord[]> {
    const rows: EntityRow[] = [];
    for (const part of chunk([...new Set(ids)])) {
      rows.push(...(await this.db.selectFrom('entities').select(COLUMNS).where('id', 'in', part).execute()));
    }
    const byId = new Map((await this.withAliases(rows)).map((e) => [e.id, e]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async namesAndAttributes(ids: string[]): Promise<EntityNameAndAttributes[]> {
    const out: EntityNameAndAttributes[] = [];
    for (const part of chunk([...new Set(ids)])) {
      const rows = await this.db.selectFrom('entities').select(['id', 'type', 'name', 'attributes']).where('id', 'in', part).execute();
      out.push(...rows.map((r) => ({ id: r.id, type: r.type as EntityType, name: r.name, attributes: readableAttributes(r.attributes, r.id) })));
    }
    return out;
  }

  async findByKeys(keys: string[]): Promise<EntityRecord[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('entities')
      .innerJoin('documents', 'documents.id', 'entities.first_document_id')
      .select(COLUMNS)
      .where('entities.id', 'in', (eb) =>
        eb.selectFrom('entity_keys').select('entity_id').where('key', 'in', [...new Set(keys)]),
      )
      .orderBy('documents.seq')
      .orderBy('entities.ordinal')
      .execute();
    return this.withAliases(rows);
  }

  async findByName(type: EntityType, nameKey: string): Promise<EntityRecord[]> {
    const rows = await this.db
      .selectFrom('entities')
      .innerJoin('documents', 'documents.id', 'entities.first_document_id')
      .select(COLUMNS)
      .select((eb) => eb.case().when('entities.name_key', '=', nameKey).then(0).else(1).end().as('rank'))
      .where('entities.type', '=', type)
      .where((eb) =>
        eb.or([
          eb('entities.name_key', '=', nameKey),
          eb(
            'entities.id',
            'in',
            eb.selectFrom('entity_aliases').select('entity_id').where('alias_key', '=', nameKey),
          ),
        ]),
      )
      .orderBy('rank')
      .orderBy('documents.seq')
      .orderBy('entities.ordinal')
      .execute();
    return this.withAliases(rows);
  }

  async mentionsOf(entityIds: string[]): Promise<MentionRecord[]> {
    const out: MentionRecord[] = [];
    for (const part of chunk([...new Set(entityIds)])) {
      const rows = await this.db
        .selectFrom('mentions')
        .innerJoin('documents', 'documents.id', 'mentions.document_id')
        .select(['mentions.entity_id', 'mentions.document_id', 'mentions.start', 'mentions.end', 'mentions.text'])
        .where('mentions.entity_id', 'in', part)
        .orderBy('documents.seq')
        .orderBy('mentions.start')
        .orderBy('mentions.end')
        .orderBy('mentions.entity_id')
        .execute();
      out.push(
        ...rows.map((r) => ({
          entityId: r.entity_id,
          documentId: r.document_id,
          start: r.start,
          end: r.end,
          text: readableText(r.text, `document ${r.document_id}`),
        })),
      );
    }
    return out;
  }

  async *iterate(options: { type?: EntityType; pageSize?: number } = {}): AsyncIterable<EntityRecord> {
    const pageSize = options.pageSize ?? 200;
    let after: { seq: number; ordinal: number } | null = null;
    for (;;) {
      let query = this.db
        .selectFrom('entities')
        .innerJoin('documents', 'documents.id', 'entities.first_document_id')
        .select([...COLUMNS, 'documents.seq', 'entities.ordinal']);
      if (options.type) query = query.where('entities.type', '=', options.type);
      if (after) {
        const { seq, ordinal } = after;
        query = query.where((eb) =>
          eb.or([
            eb('documents.seq', '>', seq),
            eb.and([eb('documents.seq', '=', seq), eb('entities.ordinal', '>', ordinal)]),
          ]),
        );
      }
      const rows = await query.orderBy('documents.seq').orderBy('entities.ordinal').limit(pageSize).execute();
      yield* await this.withAliases(rows);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = { seq: last.seq, ordinal: last.ordinal };
    }
  }

  async listWithEventCounts(type: EntityType): Promise<Array<EntityRecord & { eventCount: number }>> {
    const rows = await this.db
      .selectFrom('entities')
      .innerJoin('documents', 'documents.id', 'entities.first_document_id')
      .select(COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('events')
          .select((e) => e.fn.countAll().as('n'))
          .where((e) =>
            e.or([
              e('events.subject_id', '=', e.ref('entities.id')),
              e('events.agent_id', '=', e.ref('entities.id')),
              e('events.object_id', '=', e.ref('entities.id')),
              e('events.place_id', '=', e.ref('entities.id')),
            ]),
          )
          .as('event_count'),
      )
      .where('entities.type', '=', type)
      .orderBy('documents.seq')
      .orderBy('entities.ordinal')
      .execute();
    const counts = new Map(rows.map((r) => [r.id, Number(r.event_count ?? 0)]));
    return (await this.withAliases(rows)).map((e) => ({ ...e, eventCount: counts.get(e.id) ?? 0 }));
  }

  async countByType(): Promise<Record<EntityType, number>> {
    const rows = await this.db
      .selectFrom('entities')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .groupBy('type')
      .execute();
    return countsOf(rows);
  }

  async countInDocument(documentId: string): Promise<Record<EntityType, number>> {
    const rows = await this.db
      .selectFrom('entities')
      .select(['type', (eb) => eb.fn.count('id').distinct().as('n')])
      .where('id', 'in', (eb) =>
        eb.selectFrom('mentions').select('entity_id').where('document_id', '=', documentId),
      )
      .groupBy('type')
      .execute();
    return countsOf(rows);
  }

  private async withAliases(rows: EntityRow[]): Promise<EntityRecord[]> {
    const aliases = new Map<string, string[]>();
    for (const part of chunk(rows.map((r) => r.id))) {
      const found = await this.db
        .selectFrom('entity_aliases')
        .select(['entity_id', 'alias'])
        .where('entity_id', 'in', part)
        .orderBy('entity_id')
        .orderBy('alias')
        .execute();
      for (const a of found) {
        const list = aliases.get(a.entity_id) ?? [];
        list.push(a.alias);
        aliases.set(a.entity_id, list);
      }
    }
    return rows.map((r) => toEntityRecord(r, aliases.get(r.id) ?? []));
  }
}

function countsOf(rows: Array<{ type: string; n: string | number | bigint }>): Record<EntityType, number> {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const r of rows) {
    if ((ENTITY_TYPES as readonly string[]).includes(r.type)) counts[r.type as EntityType] = Number(r.n);
  }
  return counts;
}
