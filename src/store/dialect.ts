import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { SearchQuery } from './search-query.js';
import type { SearchHit } from './types.js';

/**
 * What differs between SQL engines, kept in one small module per engine (sqlite/, postgres/):
 * column types, the full-text index and its queries. Everything else is portable Kysely.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type of original bytes. */
  readonly binaryType: 'blob' | 'bytea';
  /** Column type of a confidence. */
  readonly realType: 'real' | 'double precision';
  /** Creates the full-text index over document title and text and over evidence text, kept in sync on write. */
  createSearchIndex(db: Kysely<Database>): Promise<void>;
  /** Ranked hits for a parsed query, documents and evidence together, best first. */
  search(db: Kysely<Database>, query: SearchQuery, limit: number): Promise<SearchHit[]>;
}
