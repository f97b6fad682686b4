import { resolveDbLocation } from '../env.js';
import { ValidationError } from '../errors.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export type * from './types.js';
export { parseSearchQuery, type SearchQuery, type SearchClause, type SearchTerm } from './search-query.js';
export { LATEST_VERSION } from './migrations/index.js';

/**
 * Opens the store at `location`, else $CHRONICLE_DB, else ./chronicle.db, migrating it on open.
 * A `postgres://` location names the PostgreSQL store (not available yet).
 */
export async function openStore(location?: string): Promise<Store> {
  const where = resolveDbLocation(location);
  if (/^postgres(ql)?:\/\//i.test(where)) {
    throw new ValidationError(
      'PostgreSQL stores are not available yet: use a SQLite file path (CHRONICLE_DB or --db)',
    );
  }
  return openSqliteStore(where);
}
