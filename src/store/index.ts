import { loadEnv, resolveDbLocation } from '../env.js';
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
  // A copy of the environment: read it now, not as cached at start-up (tests and tools set it late).
  const where = resolveDbLocation(location, loadEnv({ ...process.env }));
  if (/^postgres(ql)?:\/\//i.test(where)) {
    throw new ValidationError(
      'PostgreSQL stores are not available yet: use a SQLite file path (CHRONICLE_DB or --db)',
    );
  }
  return openSqliteStore(where);
}
