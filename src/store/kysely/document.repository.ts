import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import type { Database } from '../schema.js';
import type { DocumentRecord, DocumentRepository, NewDocument } from '../types.js';
import { openBytes, readableText, requireFieldKey } from '../../protect/field-encryption.js';
import { nextSeq, toDocumentRecord } from './rows.js';

const META = [
  'id',
  'sha256',
  'title',
  'published',
  'language',
  'source',
  'url',
  'media_type',
  'origin',
  'ingested_at',
  'sensitivity',
] as const;

/** Documents through portable Kysely queries. */
export class KyselyDocumentRepository implements DocumentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: StoreDialect['name'],
  ) {}

  async insert(doc: NewDocument): Promise<void> {
    await this.db
      .insertInto('documents')
      .values({
        id: doc.id,
        seq: nextSeq(this.engine, 'documents'),
        sha256: doc.sha256,
        title: doc.title,
        published: doc.published,
        language: doc.language,
        source: doc.source,
        url: doc.url,
        text: doc.text,
        original: doc.original,
        media_type: doc.mediaType,
        origin: doc.origin,
        ingested_at: doc.ingestedAt,
        ...(doc.sensitivity ? { sensitivity: doc.sensitivity } : {}),
      })
      .execute();
  }

  async get(id: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').select(META).where('id', '=', id).executeTakeFirst();
    return row ? toDocumentRecord(row) : null;
  }

  async getText(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('documents').select('text').where('id', '=', id).executeTakeFirst();
    return row ? readableText(row.text, `document ${id}`) : null;
  }

  async getOriginal(id: string): Promise<{ bytes: Uint8Array; mediaType: string } | null> {
    const row = await this.db
      .selectFrom('documents')
      .select(['original', 'sealed_original', 'media_type'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    if (row.sealed_original) {
      // Bytes have no honest placeholder: without the key this is an error, never ciphertext.
      const key = requireFieldKey(`document ${id} is confidential: reading its original`);
      return { bytes: new Uint8Array(openBytes(row.sealed_original, key, `document ${id}`)), mediaType: row.media_type };
    }
    return { bytes: new Uint8Array(row.original), mediaType: row.media_type };
  }

  async findBySha256(sha256: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').select(META).where('sha256', '=', sha256).executeTakeFirst();
    return row ? toDocumentRecord(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async *iterate(pageSize = 200): AsyncIterable<DocumentRecord> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('documents')
        .select([...META, 'seq'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) yield toDocumentRecord(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = last.seq;
    }
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
