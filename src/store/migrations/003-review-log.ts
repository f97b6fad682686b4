import type { Migration } from './index.js';

/**
 * The review log: every confirm, reject, correct or merge with who, when, the state before and after,
 * and why. Rows are only ever inserted; `seq` orders them.
 */
export const createReviewLog: Migration = {
  version: 3,
  name: 'review log',
  async up(db) {
    await db.schema
      .createTable('review_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('review_log_target').on('review_log').columns(['target_kind', 'target_id']).execute();
  },
};
