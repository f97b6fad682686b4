import { loadEnv, resolveDbLocation } from '../env.js';
import { isPostgresLocation, openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export type * from './types.js';
export type * from './resolution-types.js';
export { parseSearchQuery, type SearchQuery, type SearchClause, type SearchTerm } from './search-query.js';
export { LATEST_VERSION } from './migrations/index.js';
export { kyselyOf } from './kysely/kysely-store.js';

/**
 * Opens the store at `location`, else $CHRONICLE_DB, else ./chronicle.db, migrating it on open.
 * A `postgres://` or `postgresql://` location opens the PostgreSQL store.
 */
export async function openStore(location?: string): Promise<Store> {
  // A copy of the environment: read it now, not as cached at start-up (tests and tools set it late).
  const where = resolveDbLocation(location, loadEnv({ ...process.env }));
  if (isPostgresLocation(where)) return openPostgresStore(where);
  return openSqliteStore(where);
}
