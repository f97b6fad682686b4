import type { Kysely } from 'kysely';
import { KyselyReviewRepository } from './kysely/review.repository.js';
import { kyselyOf } from './kysely/kysely-store.js';
import { openStore } from './index.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

/** A store with the review repository on the same connection, so reviews and reads see one database. */
export interface ReviewableStore {
  store: Store;
  review: KyselyReviewRepository;
}

/** Adds the review repository to an open store (SQLite or PostgreSQL: both run on Kysely). */
export function reviewable(store: Store): ReviewableStore {
  const db = kyselyOf(store);
  if (!db) throw new Error(`the store at ${store.location} has no Kysely connection to review through`);
  // Review writes go through the store's own transaction, with whatever locking it takes.
  const begin = <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    store.transaction((tx) => {
      const trx = kyselyOf(tx);
      if (!trx) throw new Error('a transaction of a Kysely store has a Kysely connection');
      return fn(trx);
    });
  return { store, review: new KyselyReviewRepository(db, begin) };
}

/**
 * Opens (creating and migrating if needed) the store at `location` for the web server: a SQLite file or
 * a `postgres://` URL, as `openStore` decides, with the review repository on its connection.
 */
export async function openReviewableStore(location: string): Promise<ReviewableStore> {
  return reviewable(await openStore(location));
}
