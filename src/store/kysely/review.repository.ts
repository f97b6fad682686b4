import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { EntityType, ReviewStatus, Sensitivity } from '../../domain/chronicle-json.js';
import type { Database, EventTable } from '../schema.js';
import type { ReviewDatabase, ReviewLogTable } from '../review-schema.js';
import type { EventRecord, EvidenceRecord } from '../types.js';
import { readableText, readableTextOrNull } from '../../protect/field-encryption.js';
import { chunk, toEventRecord } from './rows.js';

/** Which events to list: every given condition must hold. Dates compare as ISO prefixes. */
export interface EventFilter {
  status?: ReviewStatus;
  type?: string;
  /** Events whose interval ends on or after this date. */
  dateFrom?: string;
  /** Events whose interval starts on or before this date. */
  dateTo?: string;
  /** Words of a place name (or an alias), case-insensitive. */
  place?: string;
  /** Only these events. */
  ids?: string[];
  /** Only events at this place entity. */
  placeId?: string;
  /** Only events marked at one of these levels (what the reader may read); every level when absent. */
  levels?: readonly Sensitivity[];
  limit?: number;
  offset?: number;
}

/** Field changes a reviewer may make to an event. */
export interface EventChanges {
  type?: string;
  subjectId?: string | null;
  placeId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  dateText?: string | null;
  duration?: string | null;
  status?: ReviewStatus;
}

/** One entry of the review log. `before` and `after` are JSON snapshots of the target. */
export interface ReviewLogEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetKind: 'event' | 'entity';
  targetId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** A mention in one document with the entity it names. */
export interface DocumentMention {
  entityId: string;
  entityType: EntityType;
  entityName: string;
  start: number;
  end: number;
  text: string;
}

/** An evidence span in one document with the event it states. */
export interface DocumentEvidence extends EvidenceRecord {
  eventId: string;
  eventType: string;
  status: ReviewStatus;
}

/** What a citation names of a report. */
export interface DocumentTitle {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  sha256: string;
}

/** An entity with the number of events it takes part in. */
export interface EntityCount {
  id: string;
  type: EntityType;
  name: string;
  status: ReviewStatus;
  eventCount: number;
}

/**
 * What reviewing and browsing need beyond the core repositories: filtered event listings, field
 * corrections, the review log and per-document spans. Portable Kysely on the store's own connection.
 */
export class KyselyReviewRepository {
  private readonly db: Kysely<ReviewDatabase>;

  /**
   * `begin` opens a write transaction the way the store does (on PostgreSQL it takes the store's
   * write lock, so a review and an ingest never number log rows at once); without it, a plain one.
   */
  constructor(
    db: Kysely<Database>,
    private readonly begin?: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>,
  ) {
    this.db = db.withTables<{ review_log: ReviewLogTable }>();
  }

  /** Events matching `filter` in listing order, with the total before paging. */
  async listEvents(filter: EventFilter): Promise<{ total: number; events: EventRecord[] }> {
    if (filter.ids && filter.ids.length === 0) return { total: 0, events: [] };
    const matches = (eb: ExpressionBuilder<ReviewDatabase, 'events'>): Expression<SqlBool> => {
      const all: Expression<SqlBool>[] = [];
      if (filter.status) all.push(eb('events.status', '=', filter.status));
      if (filter.type) all.push(eb('events.type', '=', filter.type));
      if (filter.ids) all.push(eb('events.id', 'in', filter.ids));
      if (filter.placeId) all.push(eb('events.place_id', '=', filter.placeId));
      if (filter.levels) all.push(eb('events.sensitivity', 'in', filter.levels.length > 0 ? [...filter.levels] : ['']));
      if (filter.dateTo) all.push(eb('events.date_from', '<=', filter.dateTo));
      // '~' sorts after every digit and '-', so "2016" counts as reaching past "2016-05".
      if (filter.dateFrom) all.push(eb(sql<string>`coalesce(events.date_to, events.date_from) || '~'`, '>=', filter.dateFrom));
      if (filter.place) {
        const pattern = `%${filter.place.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        all.push(
          eb.or([
            eb.exists(
              eb
                .selectFrom('entities as p')
                .select('p.id')
                .whereRef('p.id', '=', 'events.place_id')
                .where(sql<string>`lower(p.name)`, 'like', sql<string>`${pattern} escape '\\'`),
            ),
            eb.exists(
              eb
                .selectFrom('entity_aliases as a')
                .select('a.entity_id')
                .whereRef('a.entity_id', '=', 'events.place_id')
                .where(sql<string>`lower(a.alias)`, 'like', sql<string>`${pattern} escape '\\'`),
            ),
          ]),
        );
      }
      return eb.and(all);
    };
    const countRow = await this.db
      .selectFrom('events')
      .where(matches)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    // Documents first, in ingest order, then each one's events by the listing index: SQLite reads a
    // CROSS JOIN in the order written, so the page comes off the indexes without sorting every match.
    const rows = await this.db
      .selectFrom('documents')
      .crossJoin('events')
      .whereRef('events.first_document_id', '=', 'documents.id')
      .where((eb) => matches(eb as unknown as ExpressionBuilder<ReviewDatabase, 'events'>))
      .selectAll('events')
      .orderBy('documents.seq')
      .orderBy('events.ordinal')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0)
      .execute();
    return { total: Number(countRow?.n ?? 0), events: await this.withEvidence(rows) };
  }

  /** Applies field changes to one event. */
  async updateEvent(id: string, changes: EventChanges): Promise<void> {
    const values: Updateable<EventTable> = {};
    if (changes.type !== undefined) values.type = changes.type;
    if (changes.subjectId !== undefined) values.subject_id = changes.subjectId;
    if (changes.placeId !== undefined) values.place_id = changes.placeId;
    if (changes.dateFrom !== undefined) values.date_from = changes.dateFrom;
    if (changes.dateTo !== undefined) values.date_to = changes.dateTo;
    if (changes.dateText !== undefined) values.date_text = changes.dateText;
    if (changes.duration !== undefined) values.duration = changes.duration;
    if (changes.status !== undefined) values.status = changes.status;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('events').set(values).where('id', '=', id).execute();
  }

  /** Sets an entity's review status. */
  async setEntityStatus(id: string, status: ReviewStatus): Promise<void> {
    await this.db.updateTable('entities').set({ status }).where('id', '=', id).execute();
  }

  /** Appends one entry to the review log and returns its sequence number. */
  async appendLog(entry: Omit<ReviewLogEntry, 'seq'>): Promise<number> {
    const last = await this.db
      .selectFrom('review_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    await this.db
      .insertInto('review_log')
      .values({
        seq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        target_kind: entry.targetKind,
        target_id: entry.targetId,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        reason: entry.reason,
      })
      .execute();
    return seq;
  }

  /** The review log, newest first, optionally for one target. */
  async listLog(options: { targetKind?: string; targetId?: string; limit?: number } = {}): Promise<ReviewLogEntry[]> {
    let query = this.db.selectFrom('review_log').selectAll();
    if (options.targetKind) query = query.where('target_kind', '=', options.targetKind);
    if (options.targetId) query = query.where('target_id', '=', options.targetId);
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      targetKind: r.target_kind as 'event' | 'entity',
      targetId: r.target_id,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      reason: r.reason,
    }));
  }

  /** Number of events in each review status. */
  async countEventsByStatus(): Promise<Record<ReviewStatus, number>> {
    const rows = await this.db
      .selectFrom('events')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<ReviewStatus, number> = { suggested: 0, confirmed: 0, rejected: 0 };
    for (const r of rows) out[r.status as ReviewStatus] = Number(r.n);
    return out;
  }

  /** Every mention in a document with its entity, by offset. */
  async documentMentions(documentId: string): Promise<DocumentMention[]> {
    const rows = await this.db
      .selectFrom('mentions')
      .innerJoin('entities', 'entities.id', 'mentions.entity_id')
      .select(['mentions.entity_id', 'entities.type', 'entities.name', 'mentions.start', 'mentions.end', 'mentions.text'])
      .where('mentions.document_id', '=', documentId)
      .orderBy('mentions.start')
      .execute();
    return rows.map((r) => ({
      entityId: r.entity_id,
      entityType: r.type as EntityType,
      entityName: r.name,
      start: Number(r.start),
      end: Number(r.end),
      text: readableText(r.text, `document ${documentId}`),
    }));
  }

  /** Every evidence span in a document with its event, by offset. */
  async documentEvidence(documentId: string): Promise<DocumentEvidence[]> {
    const rows = await this.db
      .selectFrom('evidence')
      .innerJoin('events', 'events.id', 'evidence.event_id')
      .select([
        'evidence.event_id',
        'evidence.document_id',
        'evidence.start',
        'evidence.end',
        'evidence.text',
        'events.type',
        'events.status',
      ])
      .where('evidence.document_id', '=', documentId)
      .orderBy('evidence.start')
      .execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      documentId: r.document_id,
      start: Number(r.start),
      end: Number(r.end),
      text: readableText(r.text, `document ${documentId}`),
      eventType: r.type,
      status: r.status as ReviewStatus,
    }));
  }

  /** Entities whose name or an alias contains `text` (case-insensitive), most events first. */
  async findEntities(text: string, options: { type?: EntityType; limit?: number } = {}): Promise<EntityCount[]> {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    let query = this.db
      .selectFrom('entities')
      .select(['entities.id', 'entities.type', 'entities.name', 'entities.status'])
      .select(sql<number>`(select count(*) from events v where v.subject_id = entities.id
        or v.agent_id = entities.id or v.object_id = entities.id or v.place_id = entities.id)`.as('n'))
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(entities.name)`, 'like', sql<string>`${pattern} escape '\\'`),
          eb.exists(
            eb
              .selectFrom('entity_aliases as a')
              .select('a.entity_id')
              .whereRef('a.entity_id', '=', 'entities.id')
              .where(sql<string>`lower(a.alias)`, 'like', sql<string>`${pattern} escape '\\'`),
          ),
        ]),
      );
    if (options.type) query = query.where('entities.type', '=', options.type);
    const rows = await query
      .orderBy('n', 'desc')
      .orderBy('entities.name')
      .limit(options.limit ?? 20)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type as EntityType,
      name: r.name,
      status: r.status as ReviewStatus,
      eventCount: Number(r.n),
    }));
  }

  /** People who are the subject of the most events. */
  async topSubjects(type: EntityType, limit: number): Promise<EntityCount[]> {
    const rows = await this.db
      .selectFrom('events')
      .innerJoin('entities', 'entities.id', 'events.subject_id')
      .select(['entities.id', 'entities.type', 'entities.name', 'entities.status', (eb) => eb.fn.countAll().as('n')])
      .where('entities.type', '=', type)
      .where('events.status', '!=', 'rejected')
      .groupBy(['entities.id', 'entities.type', 'entities.name', 'entities.status'])
      .orderBy('n', 'desc')
      .orderBy('entities.name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type as EntityType,
      name: r.name,
      status: r.status as ReviewStatus,
      eventCount: Number(r.n),
    }));
  }

  /** The most recently ingested documents, newest first. */
  async latestDocuments(limit: number): Promise<
    Array<{ id: string; title: string | null; published: string | null; source: string | null; ingestedAt: string }>
  > {
    const rows = await this.db
      .selectFrom('documents')
      .select(['id', 'title', 'published', 'source', 'ingested_at'])
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, title: readableTextOrNull(r.title, `document ${r.id}`), published: r.published, source: r.source, ingestedAt: r.ingested_at }));
  }

  /** Titles of the given documents. */
  async documentTitles(ids: string[]): Promise<Map<string, DocumentTitle>> {
    const out = new Map<string, DocumentTitle>();
    for (const part of chunk([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom('documents')
        .select(['id', 'title', 'published', 'source', 'url', 'sha256'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { title: readableTextOrNull(r.title, `document ${r.id}`), published: r.published, source: r.source, url: r.url, sha256: r.sha256 });
    }
    return out;
  }

  /** Runs `fn` in one transaction of this repository's connection. */
  async transaction<T>(fn: (repo: KyselyReviewRepository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    if (this.begin) return this.begin((trx) => fn(new KyselyReviewRepository(trx)));
    return this.db.transaction().execute((trx) => fn(new KyselyReviewRepository(trx as unknown as Kysely<Database>)));
  }

  private async withEvidence(rows: Selectable<EventTable>[]): Promise<EventRecord[]> {
    const byEvent = new Map<string, EvidenceRecord[]>();
    for (const part of chunk(rows.map((r) => r.id))) {
      const evidence = await this.db
        .selectFrom('evidence')
        .innerJoin('documents', 'documents.id', 'evidence.document_id')
        .select(['evidence.event_id', 'evidence.document_id', 'evidence.start', 'evidence.end', 'evidence.text'])
        .where('evidence.event_id', 'in', part)
        .orderBy('documents.seq')
        .orderBy('evidence.start')
        .execute();
      for (const e of evidence) {
        const list = byEvent.get(e.event_id) ?? [];
        list.push({ documentId: e.document_id, start: Number(e.start), end: Number(e.end), text: readableText(e.text, `document ${e.document_id}`) });
        byEvent.set(e.event_id, list);
      }
    }
    return rows.map((r) => toEventRecord(r, byEvent.get(r.id) ?? []));
  }
}
