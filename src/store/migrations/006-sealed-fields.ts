import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Migration } from './index.js';

// Must equal SEALED_TEXT_PREFIX in src/protect/field-encryption.ts (a migration never changes once shipped,
// so the literal is repeated here rather than imported).
const SEALED = 'CHRONICLE-AES256GCM-1:';
const SEALED_LENGTH = SEALED.length;

/**
 * Encryption at rest of confidential records. Documents get a `sealed_original` column: sealing moves
 * the original bytes there as ciphertext and empties `original`, the one change the immutability
 * trigger now allows besides its reverse (the bytes coming back when the document is marked down),
 * each only together with the text being sealed or opened. PostgreSQL also checks that bytes coming
 * back hash to `sha256`; SQLite has no SHA-256 in SQL, so there the application checks it.
 * Sealed titles and texts (which start with the sealed prefix) are kept out of the full-text index.
 */
export const createSealedFields: Migration = {
  version: 6,
  name: 'sealed fields of confidential records',
  async up(db, dialect) {
    await db.schema.alterTable('documents').addColumn('sealed_original', dialect.binaryType).execute();
    if (dialect.name === 'sqlite') await sqliteChanges(db);
    else await postgresChanges(db);
  },
};

function notSealed(column: string): string {
  return `substr(coalesce(${column}, ''), 1, ${SEALED_LENGTH}) <> '${SEALED}'`;
}

async function sqliteChanges(db: Kysely<Database>): Promise<void> {
  const statements = [
    `drop trigger documents_evidence_immutable`,
    `create trigger documents_evidence_immutable before update on documents
     when new.sha256 is not old.sha256
       or ((new.original is not old.original or new.sealed_original is not old.sealed_original)
           and not (old.sealed_original is null and new.sealed_original is not null and length(new.original) = 0
                    and ${notSealed('old.text')} and not ${notSealed('new.text')})
           and not (old.sealed_original is not null and new.sealed_original is null and length(old.original) = 0
                    and not ${notSealed('old.text')} and ${notSealed('new.text')}))
     begin select raise(abort, 'original bytes and sha256 of a document are immutable'); end`,
    // FTS5 external-content tables must be told exactly what they indexed: rows with sealed text were
    // never indexed, so they are neither added nor deleted.
    `drop trigger documents_fts_insert`,
    `drop trigger documents_fts_delete`,
    `drop trigger documents_fts_update`,
    `drop trigger evidence_fts_insert`,
    `drop trigger evidence_fts_delete`,
    `drop trigger evidence_fts_update`,
    `create trigger documents_fts_insert after insert on documents when ${notSealed('new.text')} begin
       insert into documents_fts(rowid, title, text) values (new.seq, new.title, new.text);
     end`,
    `create trigger documents_fts_delete after delete on documents when ${notSealed('old.text')} begin
       insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
     end`,
    `create trigger documents_fts_update after update of seq, title, text on documents begin
       insert into documents_fts(documents_fts, rowid, title, text)
         select 'delete', old.seq, old.title, old.text where ${notSealed('old.text')};
       insert into documents_fts(rowid, title, text)
         select new.seq, new.title, new.text where ${notSealed('new.text')};
     end`,
    `create trigger evidence_fts_insert after insert on evidence when ${notSealed('new.text')} begin
       insert into evidence_fts(rowid, text) values (new.seq, new.text);
     end`,
    `create trigger evidence_fts_delete after delete on evidence when ${notSealed('old.text')} begin
       insert into evidence_fts(evidence_fts, rowid, text) values ('delete', old.seq, old.text);
     end`,
    `create trigger evidence_fts_update after update of seq, text on evidence begin
       insert into evidence_fts(evidence_fts, rowid, text)
         select 'delete', old.seq, old.text where ${notSealed('old.text')};
       insert into evidence_fts(rowid, text)
         select new.seq, new.text where ${notSealed('new.text')};
     end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresChanges(db: Kysely<Database>): Promise<void> {
  const config = `'chronicle_text'::regconfig`;
  const statements = [
    `create or replace function documents_evidence_immutable() returns trigger language plpgsql as $$
     begin
       if new.sha256 is distinct from old.sha256 then
         raise exception 'original bytes and sha256 of a document are immutable';
       end if;
       if new.original is distinct from old.original or new.sealed_original is distinct from old.sealed_original then
         -- Sealing: the bytes give way to their ciphertext.
         if old.sealed_original is null and new.sealed_original is not null and length(new.original) = 0
            and ${notSealed('old.text')} and not ${notSealed('new.text')} then
           return new;
         end if;
         -- Opening: the bytes come back, and they must be the very bytes the hash was taken of.
         if old.sealed_original is not null and new.sealed_original is null and length(old.original) = 0
            and not ${notSealed('old.text')} and ${notSealed('new.text')}
            and encode(sha256(new.original), 'hex') = new.sha256 then
           return new;
         end if;
         raise exception 'original bytes and sha256 of a document are immutable';
       end if;
       return new;
     end $$`,
    // Generated columns cannot change their expression in PostgreSQL 15: drop and add them again.
    `alter table documents drop column search_vector`,
    `alter table documents add column search_vector tsvector generated always as (
       case when ${notSealed('text')} then
         setweight(to_tsvector(${config}, coalesce(title, '')), 'A') || setweight(to_tsvector(${config}, text), 'B')
       else ''::tsvector end) stored`,
    `create index documents_search on documents using gin (search_vector)`,
    `alter table evidence drop column search_vector`,
    `alter table evidence add column search_vector tsvector generated always as (
       case when ${notSealed('text')} then to_tsvector(${config}, text) else ''::tsvector end) stored`,
    `create index evidence_search on evidence using gin (search_vector)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
