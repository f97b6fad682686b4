import { sql } from 'kysely';
import type { Migration } from './index.js';

/** Documents, entities (aliases, link keys, mentions), events (evidence) and timexes. */
export const createCoreTables: Migration = {
  version: 1,
  name: 'core tables',
  async up(db, dialect) {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().unique())
      .addColumn('sha256', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('published', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('url', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('original', dialect.binaryType, (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .addColumn('sensitivity', 'text', (c) =>
        c.notNull().defaultTo('restricted').check(sqlIn('sensitivity', SENSITIVITIES)),
      )
      .execute();

    await db.schema
      .createTable('entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['person', 'organization', 'place'])))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('suggested').check(sqlIn('status', STATUSES)))
      .addColumn('sensitivity', 'text', (c) =>
        c.notNull().defaultTo('restricted').check(sqlIn('sensitivity', SENSITIVITIES)),
      )
      .addColumn('first_document_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('entities_type_name_key').on('entities').columns(['type', 'name_key']).execute();
    await db.schema
      .createIndex('entities_listing')
      .on('entities')
      .columns(['first_document_id', 'ordinal'])
      .execute();

    await db.schema
      .createTable('entity_aliases')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('alias_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_aliases_pk', ['entity_id', 'alias'])
      .execute();
    await db.schema.createIndex('entity_aliases_key').on('entity_aliases').column('alias_key').execute();

    await db.schema
      .createTable('entity_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('entity_keys_pk', ['key', 'entity_id'])
      .execute();
    await db.schema.createIndex('entity_keys_entity').on('entity_keys').column('entity_id').execute();

    await db.schema
      .createTable('mentions')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentions_pk', ['entity_id', 'document_id', 'start', 'end'])
      .addCheckConstraint('mentions_span', sqlSpan())
      .execute();
    await db.schema.createIndex('mentions_document').on('mentions').column('document_id').execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.references('entities.id'))
      .addColumn('agent_id', 'text', (c) => c.references('entities.id'))
      .addColumn('object_id', 'text', (c) => c.references('entities.id'))
      .addColumn('place_id', 'text', (c) => c.references('entities.id'))
      .addColumn('date_from', 'text')
      .addColumn('date_to', 'text')
      .addColumn('date_text', 'text')
      .addColumn('duration', 'text')
      .addColumn('charge', 'text')
      .addColumn('penalty', 'text')
      .addColumn('modality', 'text', (c) =>
        c.notNull().check(sqlIn('modality', ['asserted', 'hypothetical', 'negated', 'generic'])),
      )
      .addColumn('confidence', dialect.realType, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('suggested').check(sqlIn('status', STATUSES)))
      .addColumn('sensitivity', 'text', (c) =>
        c.notNull().defaultTo('restricted').check(sqlIn('sensitivity', SENSITIVITIES)),
      )
      .addColumn('first_document_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    for (const role of ['subject', 'agent', 'object', 'place']) {
      await db.schema.createIndex(`events_${role}`).on('events').column(`${role}_id`).execute();
    }
    await db.schema.createIndex('events_type').on('events').column('type').execute();
    await db.schema.createIndex('events_listing').on('events').columns(['first_document_id', 'ordinal']).execute();

    await db.schema
      .createTable('evidence')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addUniqueConstraint('evidence_span', ['event_id', 'document_id', 'start', 'end'])
      .addCheckConstraint('evidence_span_order', sqlSpan())
      .execute();
    await db.schema.createIndex('evidence_document').on('evidence').column('document_id').execute();

    await db.schema
      .createTable('timexes')
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['DATE', 'TIME', 'DURATION', 'SET'])))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('mod', 'text')
      .addPrimaryKeyConstraint('timexes_pk', ['document_id', 'ordinal'])
      .execute();
  },
};

const STATUSES = ['suggested', 'confirmed', 'rejected'];
const SENSITIVITIES = ['public', 'restricted', 'confidential'];

function sqlIn(column: string, values: readonly string[]) {
  // Literal vocabularies only (never user input), so inlining them is safe.
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

function sqlSpan() {
  return sql.raw('0 <= "start" and "start" <= "end"');
}
