import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Migration } from './index.js';

/**
 * Protection of the people in the records: the hash-chained audit log (append only), accounts and
 * sessions, per-attribute sensitivity, document timestamps, and triggers that keep evidence immutable
 * and copy the review, resolution and ingest trails into the audit log.
 */
export const createSecurityTables: Migration = {
  version: 5,
  name: 'audit log, accounts, sensitivity, evidence preservation',
  async up(db, dialect) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('reason', 'text')
      // Null until sealed: rows written by triggers are chained by the next audit write or verify.
      .addColumn('prev_hash', 'text')
      .addColumn('hash', 'text')
      .execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_kind', 'target_id']).execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql.raw("role in ('admin', 'editor', 'contributor', 'viewer')")),
      )
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('totp_secret', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      // SHA-256 of the cookie value: a copied database does not hand out live sessions.
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('attribute_sensitivity')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('attribute', 'text', (c) => c.notNull())
      .addColumn('sensitivity', 'text', (c) =>
        c.notNull().check(sql.raw("sensitivity in ('public', 'restricted', 'confidential')")),
      )
      .addPrimaryKeyConstraint('attribute_sensitivity_pk', ['entity_id', 'attribute'])
      .execute();

    await db.schema
      .createTable('document_timestamps')
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('tsa_url', 'text', (c) => c.notNull())
      .addColumn('token', dialect.binaryType, (c) => c.notNull())
      .addColumn('gen_time', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_timestamps_pk', ['document_id', 'tsa_url'])
      .execute();

    if (dialect.name === 'sqlite') await sqliteTriggers(db);
    else await postgresTriggers(db);
  },
};

const AUDIT_COLUMNS = 'at, actor, action, target_kind, target_id, before, after, reason';

async function sqliteTriggers(db: Kysely<Database>): Promise<void> {
  const statements = [
    `create trigger audit_log_no_delete before delete on audit_log
     begin select raise(abort, 'audit_log is append-only'); end`,
    // Sealing sets prev_hash and hash once; nothing else in a row ever changes.
    `create trigger audit_log_no_update before update on audit_log
     when old.hash is not null
       or new.seq is not old.seq or new.at is not old.at or new.actor is not old.actor
       or new.action is not old.action or new.target_kind is not old.target_kind
       or new.target_id is not old.target_id or new.before is not old.before
       or new.after is not old.after or new.reason is not old.reason
     begin select raise(abort, 'audit_log is append-only'); end`,
    `create trigger documents_evidence_immutable before update on documents
     when new.original is not old.original or new.sha256 is not old.sha256
     begin select raise(abort, 'original bytes and sha256 of a document are immutable'); end`,
    `create trigger audit_document_ingest after insert on documents
     begin insert into audit_log (${AUDIT_COLUMNS})
       values (new.ingested_at, 'ingest', 'ingest', 'document', new.id, null,
               json_object('sha256', new.sha256, 'title', new.title, 'origin', new.origin), null); end`,
    `create trigger audit_review_log after insert on review_log
     begin insert into audit_log (${AUDIT_COLUMNS})
       values (new.at, new.actor, 'review.' || new.action, new.target_kind, new.target_id,
               new.before, new.after, new.reason); end`,
    `create trigger audit_resolution_log after insert on resolution_log
     when new.actor != 'system'
     begin insert into audit_log (${AUDIT_COLUMNS})
       values (new.at, new.actor, 'resolution.' || new.action, 'entity', new.entity_id, null,
               json_object('other', new.other_id, 'document', new.document_id, 'rule', new.rule, 'detail', new.detail),
               null); end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<Database>): Promise<void> {
  const statements = [
    `create function audit_log_guard() returns trigger language plpgsql as $$
     begin
       if tg_op = 'DELETE' or old.hash is not null
          or (new.seq, new.at, new.actor, new.action, new.target_kind, new.target_id)
             is distinct from (old.seq, old.at, old.actor, old.action, old.target_kind, old.target_id)
          or (new.before, new.after, new.reason) is distinct from (old.before, old.after, old.reason) then
         raise exception 'audit_log is append-only';
       end if;
       return new;
     end $$`,
    `create trigger audit_log_guard before update or delete on audit_log
     for each row execute function audit_log_guard()`,
    `create function documents_evidence_immutable() returns trigger language plpgsql as $$
     begin
       if new.original is distinct from old.original or new.sha256 is distinct from old.sha256 then
         raise exception 'original bytes and sha256 of a document are immutable';
       end if;
       return new;
     end $$`,
    `create trigger documents_evidence_immutable before update on documents
     for each row execute function documents_evidence_immutable()`,
    `create function audit_copy() returns trigger language plpgsql as $$
     begin
       if tg_table_name = 'documents' then
         insert into audit_log (seq, ${AUDIT_COLUMNS})
         values ((select coalesce(max(seq), 0) + 1 from audit_log), new.ingested_at, 'ingest', 'ingest', 'document',
                 new.id, null, json_build_object('sha256', new.sha256, 'title', new.title, 'origin', new.origin)::text, null);
       elsif tg_table_name = 'review_log' then
         insert into audit_log (seq, ${AUDIT_COLUMNS})
         values ((select coalesce(max(seq), 0) + 1 from audit_log), new.at, new.actor, 'review.' || new.action,
                 new.target_kind, new.target_id, new.before, new.after, new.reason);
       elsif new.actor <> 'system' then
         insert into audit_log (seq, ${AUDIT_COLUMNS})
         values ((select coalesce(max(seq), 0) + 1 from audit_log), new.at, new.actor, 'resolution.' || new.action,
                 'entity', new.entity_id, null,
                 json_build_object('other', new.other_id, 'document', new.document_id, 'rule', new.rule,
                                   'detail', new.detail)::text, null);
       end if;
       return new;
     end $$`,
    `create trigger audit_document_ingest after insert on documents for each row execute function audit_copy()`,
    `create trigger audit_review_log after insert on review_log for each row execute function audit_copy()`,
    `create trigger audit_resolution_log after insert on resolution_log for each row execute function audit_copy()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
