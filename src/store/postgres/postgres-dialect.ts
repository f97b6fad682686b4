import type { StoreDialect } from '../dialect.js';
import { createPostgresSearchIndex, searchPostgres } from './postgres-search.js';

/** PostgreSQL specifics: BYTEA bytes, DOUBLE PRECISION numbers, tsvector search. */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  binaryType: 'bytea',
  realType: 'double precision',
  createSearchIndex: createPostgresSearchIndex,
  search: searchPostgres,
};
