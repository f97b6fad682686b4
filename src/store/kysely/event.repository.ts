import type { Kysely, Selectable } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import type { Database, EventTable } from '../schema.js';
import type { EventEvidence, EventRecord, EventRepository, EvidenceRecord, NewEvent } from '../types.js';
import { readableText } from '../../protect/field-encryption.js';
import { chunk, nextSeq, reviewShape, sameShapeRuns, toEventRecord } from './rows.js';

/** Events and their evidence through portable Kysely queries. */
export class KyselyEventRepository implements EventRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: StoreDialect['name'],
  ) {}

  async insert(event: NewEvent): Promise<void> {
    await this.insertMany([event]);
  }

  async insertMany(events: NewEvent[]): Promise<void> {
    for (const run of sameShapeRuns(events, 300, reviewShape)) {
      await this.db
        .insertInto('events')
        .values(
          run.map((event) => ({
            id: event.id,
            type: event.type,
            subject_id: event.subjectId,
            agent_id: event.agentId,
            object_id: event.objectId,
            place_id: event.placeId,
            date_from: event.dateFrom,
            date_to: event.dateTo,
            date_text: event.dateText,
            duration: event.duration,
            charge: event.charge,
            penalty: event.penalty,
            modality: event.modality,
            confidence: event.confidence,
            first_document_id: event.firstDocumentId,
            ordinal: event.ordinal,
            created_at: event.createdAt,
            ...(event.status ? { status: event.status } : {}),
            ...(event.sensitivity ? { sensitivity: event.sensitivity } : {}),
          })),
        )
        .execute();
    }
    await this.addEvidenceOf(events.flatMap((event) => event.evidence.map((e) => ({ eventId: event.id, ...e }))));
  }

  async addEvidence(eventId: string, evidence: EvidenceRecord[]): Promise<void> {
    await this.addEvidenceOf(evidence.map((e) => ({ eventId, ...e })));
  }

  async addEvidenceOf(evidence: EventEvidence[]): Promise<void> {
    for (const part of chunk(evidence, 1000)) {
      await this.db
        .insertInto('evidence')
        .values(
          part.map((e, i) => ({
            seq: nextSeq(this.engine, 'evidence', i),
            event_id: e.eventId,
            document_id: e.documentId,
            start: e.start,
            end: e.end,
            text: e.text,
          })),
        )
        .execute();
    }
  }

  async get(id: string): Promise<EventRecord | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await this.withEvidence([row]))[0] ?? null) : null;
  }

  async *iterate(options: { type?: string; pageSize?: number } = {}): AsyncIterable<EventRecord> {
    const pageSize = options.pageSize ?? 200;
    let after: { seq: number; ordinal: number } | null = null;
    for (;;) {
      let query = this.db
        .selectFrom('events')
        .innerJoin('documents', 'documents.id', 'events.first_document_id')
        .selectAll('events')
        .select('documents.seq');
      if (options.type) query = query.where('events.type', '=', options.type);
      if (after) {
        const { seq, ordinal } = after;
        query = query.where((eb) =>
          eb.or([
            eb('documents.seq', '>', seq),
            eb.and([eb('documents.seq', '=', seq), eb('events.ordinal', '>', ordinal)]),
          ]),
        );
      }
      const rows = await query.orderBy('documents.seq').orderBy('events.ordinal').limit(pageSize).execute();
      yield* await this.withEvidence(rows);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = { seq: last.seq, ordinal: last.ordinal };
    }
  }

  async listForEntity(entityId: string): Promise<EventRecord[]> {
    const rows = await this.db
      .selectFrom('events')
      .innerJoin('documents', 'documents.id', 'events.first_document_id')
      .selectAll('events')
      .where((eb) =>
        eb.or([
          eb('events.subject_id', '=', entityId),
          eb('events.agent_id', '=', entityId),
          eb('events.object_id', '=', entityId),
        ]),
      )
      .orderBy('documents.seq')
      .orderBy('events.ordinal')
      .execute();
    return this.withEvidence(rows);
  }

  async countByType(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('events')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .groupBy('type')
      .orderBy('type')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
  }

  async countInDocument(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('evidence')
      .select((eb) => eb.fn.count('event_id').distinct().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async withEvidence(rows: Array<Selectable<EventTable>>): Promise<EventRecord[]> {
    const evidence = new Map<string, EvidenceRecord[]>();
    for (const part of chunk(rows.map((r) => r.id))) {
      const found = await this.db
        .selectFrom('evidence')
        .select(['event_id', 'document_id', 'start', 'end', 'text'])
        .where('event_id', 'in', part)
        .orderBy('seq')
        .execute();
      for (const e of found) {
        const list = evidence.get(e.event_id) ?? [];
        list.push({ documentId: e.document_id, start: e.start, end: e.end, text: readableText(e.text, `document ${e.document_id}`) });
        evidence.set(e.event_id, list);
      }
    }
    return rows.map((r) => toEventRecord(r, evidence.get(r.id) ?? []));
  }
}
