import { kyselyOf } from '../kysely/kysely-store.js';
import { KyselyReviewRepository } from '../kysely/review.repository.js';
import type { Store } from '../types.js';
import { openSqliteStore } from './index.js';

/** A store with the review repository on the same connection, so reviews and reads see one database. */
export interface ReviewableStore {
  store: Store;
  review: KyselyReviewRepository;
}

/**
 * Opens (creating if needed) a SQLite store for the web server: the store of `openSqliteStore` (same file
 * settings, migrations and immediate write transactions), with the review repository on its connection.
 */
export async function openReviewableSqliteStore(path: string): Promise<ReviewableStore> {
  const store = await openSqliteStore(path);
  const db = kyselyOf(store);
  if (!db) throw new Error('a SQLite store always has a Kysely connection');
  return { store, review: new KyselyReviewRepository(db) };
}
