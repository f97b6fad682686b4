import { sql } from 'kysely';
import type { Migration } from './index.js';

/** The tables whose rows PostgreSQL numbers from a sequence, each named `<table>_seq_number`. */
export const NUMBERED_TABLES = ['documents', 'evidence', 'resolution_log'] as const;

/**
 * Lets ingest transactions on PostgreSQL write beside each other. Documents, evidence and the
 * resolution log are numbered from sequences (`max(seq) + 1` needs one writer at a time; a number
 * taken by a transaction that rolls back is left unused). The audit row of an ingested document is
 * written when its transaction commits (a deferred trigger), after the store-wide write lock that
 * keeps the audit log gapless and in commit order. SQLite keeps `max(seq) + 1` under its single writer.
 */
export const createConcurrentIngest: Migration = {
  version: 8,
  name: 'concurrent ingest',
  async up(db, dialect) {
    if (dialect.name !== 'postgres') return;
    for (const table of NUMBERED_TABLES) {
      await sql.raw(`create sequence ${table}_seq_number as integer owned by ${table}.seq`).execute(db);
      await sql.raw(`select setval('${table}_seq_number', coalesce((select max(seq) from ${table}), 0) + 1, false)`).execute(db);
    }
    await sql.raw('drop trigger audit_document_ingest on documents').execute(db);
    await sql
      .raw(
        `create constraint trigger audit_document_ingest after insert on documents
         deferrable initially deferred for each row execute function audit_copy()`,
      )
      .execute(db);
  },
};
