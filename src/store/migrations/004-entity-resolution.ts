import type { Migration } from './index.js';

/**
 * Cross-document resolution: entity context features, the resolution log (why each link, merge
 * and split happened), reviewers' constraints, redirects of merged entities, each document's
 * account of an event, and entity facts with their sources.
 */
export const createEntityResolution: Migration = {
  version: 4,
  name: 'entity resolution',
  async up(db, dialect) {
    await db.schema
      .createTable('entity_features')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('feature', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_features_pk', ['entity_id', 'feature'])
      .execute();

    await db.schema
      .createTable('resolution_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('other_id', 'text')
      .addColumn('document_id', 'text')
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('score', dialect.realType)
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('resolution_log_entity').on('resolution_log').column('entity_id').execute();
    await db.schema.createIndex('resolution_log_other').on('resolution_log').column('other_id').execute();

    await db.schema
      .createTable('resolution_constraints')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('resolution_constraints_pk', ['kind', 'entity_id', 'key'])
      .execute();
    await db.schema.createIndex('resolution_constraints_key').on('resolution_constraints').column('key').execute();

    await db.schema
      .createTable('entity_redirects')
      .addColumn('from_id', 'text', (c) => c.primaryKey())
      .addColumn('to_id', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('event_reports')
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('report', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_reports_event').on('event_reports').column('event_id').execute();
    // Matching a new report reads the events of one subject and type.
    await db.schema.createIndex('events_subject_type').on('events').columns(['subject_id', 'type']).execute();

    await db.schema
      .createTable('entity_attribute_sources')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('entity_attribute_sources_entity').on('entity_attribute_sources').column('entity_id').execute();
  },
};
