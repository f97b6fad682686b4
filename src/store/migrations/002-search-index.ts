import type { Migration } from './index.js';

/** Full-text index over documents and evidence; each dialect builds its own (FTS5, tsvector). */
export const createSearchIndex: Migration = {
  version: 2,
  name: 'search index',
  up: (db, dialect) => dialect.createSearchIndex(db),
};
