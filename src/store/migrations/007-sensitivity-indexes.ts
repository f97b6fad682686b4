import type { Migration } from './index.js';

/**
 * Indexes that let a reader's filtered counts and lists (the overview, search filters, the review
 * queue) read the level from an index instead of the row: a document's level is stored after its
 * text, so without an index every count for a viewer or the public reads every report in full.
 */
export const createSensitivityIndexes: Migration = {
  version: 7,
  name: 'sensitivity indexes',
  async up(db) {
    await db.schema.createIndex('documents_sensitivity').on('documents').columns(['sensitivity', 'seq']).execute();
    await db.schema.createIndex('entities_sensitivity').on('entities').columns(['sensitivity', 'type']).execute();
    await db.schema.createIndex('events_sensitivity_type').on('events').columns(['sensitivity', 'type']).execute();
    await db.schema.createIndex('events_sensitivity_status').on('events').columns(['sensitivity', 'status']).execute();
  },
};
