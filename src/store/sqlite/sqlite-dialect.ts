import type { StoreDialect } from '../dialect.js';
import { createSqliteSearchIndex, searchSqlite } from './sqlite-search.js';

/** SQLite specifics: BLOB bytes, REAL numbers, FTS5 search. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  binaryType: 'blob',
  realType: 'real',
  createSearchIndex: createSqliteSearchIndex,
  search: searchSqlite,
};
