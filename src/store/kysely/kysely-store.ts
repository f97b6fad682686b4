import type { Kysely, KyselyConfig, LogEvent, Transaction } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { readSchemaVersion } from '../migrations/index.js';
import type { Database } from '../schema.js';
import { parseSearchQuery } from '../search-query.js';
import type { SearchHit, SearchRepository, Store } from '../types.js';
import { KyselyDocumentRepository } from './document.repository.js';
import { KyselyEntityRepository } from './entity.repository.js';
import { KyselyEventRepository } from './event.repository.js';
import { KyselyResolutionRepository } from './resolution.repository.js';
import { KyselyTimexRepository } from './timex.repository.js';

/** The most hits one search returns, whatever the caller asks. */
export const MAX_SEARCH_LIMIT = 200;

const connections = new WeakMap<Store, Kysely<Database>>();

/**
 * The Kysely connection behind a store (or a transaction's store), for modules that keep their own
 * portable tables (audit, accounts). Null for a store not built by `createKyselyStore`.
 */
export function kyselyOf(store: Store): Kysely<Database> | null {
  return connections.get(store) ?? null;
}

/** Kysely's `log` option that passes each statement's SQL to `onQuery` (nothing without one). */
export function queryLog(onQuery: ((sql: string) => void) | undefined): Pick<KyselyConfig, 'log'> {
  if (!onQuery) return {};
  return {
    log: (event: LogEvent) => {
      if (event.level === 'query') onQuery(event.query.sql);
    },
  };
}

/** How a store ends: close the pool or file. */
export type CloseFn = () => Promise<void>;

/**
 * A Store over any Kysely database: repositories are portable, the dialect supplies full-text
 * search. Each engine's module (sqlite/, postgres/) opens the connection and calls this.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: StoreDialect,
  location: string,
  close: CloseFn,
): Store {
  const search: SearchRepository = {
    async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
      const parsed = parseSearchQuery(query);
      const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 20)), MAX_SEARCH_LIMIT);
      return dialect.search(db, parsed, limit);
    },
  };
  const store: Store = {
    dialect: dialect.name,
    location,
    documents: new KyselyDocumentRepository(db, dialect.name),
    entities: new KyselyEntityRepository(db),
    events: new KyselyEventRepository(db, dialect.name),
    timexes: new KyselyTimexRepository(db),
    search,
    resolution: new KyselyResolutionRepository(db, dialect.name),
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      if (db.isTransaction) return fn(store);
      return db.transaction().execute((trx: Transaction<Database>) =>
        fn(createKyselyStore(trx, dialect, location, async () => {
          throw new Error('close the store, not a transaction');
        })),
      );
    },
    concurrentTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      return store.transaction(fn);
    },
    // One writer at a time (or an engine module that overrides this): nothing to wait for.
    claim: async () => false,
    schemaVersion: () => readSchemaVersion(db),
    close,
  };
  connections.set(store, db);
  return store;
}
