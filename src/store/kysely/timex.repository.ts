import type { Kysely } from 'kysely';
import type { Timex, TimexType } from '../../domain/chronicle-json.js';
import type { Database } from '../schema.js';
import type { TimexRepository } from '../types.js';
import { readableText } from '../../protect/field-encryption.js';
import { chunk } from './rows.js';

/** Timexes through portable Kysely queries. */
export class KyselyTimexRepository implements TimexRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(documentId: string, timexes: Timex[]): Promise<void> {
    const rows = timexes.map((t, ordinal) => ({
      document_id: documentId,
      ordinal,
      start: t.start,
      end: t.end,
      text: t.text,
      type: t.type,
      value: t.value,
      mod: t.mod ?? null,
    }));
    for (const part of chunk(rows, 100)) await this.db.insertInto('timexes').values(part).execute();
  }

  async listForDocument(documentId: string): Promise<Timex[]> {
    const rows = await this.db
      .selectFrom('timexes')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('ordinal')
      .execute();
    return rows.map((r) => ({
      start: r.start,
      end: r.end,
      text: readableText(r.text, `document ${documentId}`),
      type: r.type as TimexType,
      value: r.value,
      ...(r.mod !== null ? { mod: r.mod } : {}),
    }));
  }
}
