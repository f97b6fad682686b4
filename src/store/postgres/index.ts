import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { BadInputError } from '../../errors.js';
import { createKyselyStore, queryLog } from '../kysely/kysely-store.js';
import { migrate } from '../migrations/index.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { postgresDialect } from './postgres-dialect.js';

export { postgresDialect } from './postgres-dialect.js';

/** Advisory lock keys (two int4s) of this application: store writes and migrations. */
const LOCK_CLASS = 0x63686e;
const WRITE_LOCK = 1;
const MIGRATE_LOCK = 2;

/** Connection options beyond the URL. */
export interface PostgresStoreOptions {
  /** Pool size (default 10). */
  maxConnections?: number;
  /** Schema to create and use instead of `public` (tests keep each case in its own). */
  schema?: string;
  /** Called with the SQL of every statement run (tests count round trips with it). */
  onQuery?: (sql: string) => void;
}

/** True for a `postgres://` or `postgresql://` location. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, safe to print. */
export function redactLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** A pool for `url`, whose connections use `schema` when given. */
export function createPool(url: string, options: PostgresStoreOptions = {}): pg.Pool {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new BadInputError(url, `schema name ${JSON.stringify(options.schema)} must be lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection the server closes is dropped from the pool; the next query opens another.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Opens a PostgreSQL store and brings its schema up to date (one migrator at a time, under an
 * advisory lock, so workers starting together do not race).
 *
 * Every transaction begins by taking a transaction-scoped advisory lock: writers queue as they do
 * on SQLite (BEGIN IMMEDIATE), which the portable repositories rely on (`max(seq) + 1` keys, and
 * entity linking that reads candidates and then writes). Extraction, the costly part of ingest,
 * runs outside the transaction, so workers still extract in parallel.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = createPool(url, options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(options.onQuery) });
  const location = redactLocation(url);
  try {
    await db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${LOCK_CLASS}, ${MIGRATE_LOCK})`.execute(conn);
      try {
        if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(conn);
        await migrate(conn, postgresDialect);
      } finally {
        await sql`select pg_advisory_unlock(${LOCK_CLASS}, ${MIGRATE_LOCK})`.execute(conn);
      }
    });
  } catch (error) {
    await db.destroy();
    if (error instanceof Error && /ECONNREFUSED|ENOTFOUND|does not exist|authentication/i.test(error.message)) {
      throw new BadInputError(location, `cannot open the store: ${error.message}`);
    }
    throw error;
  }
  return serializedWrites(createKyselyStore(db, postgresDialect, location, () => db.destroy()), db);
}

/**
 * Makes the store's `transaction` take the store-wide write lock first. The same object is kept
 * (not a copy): other modules look up the connection behind a store by its identity.
 */
function serializedWrites(store: Store, db: Kysely<Database>): Store {
  store.transaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${WRITE_LOCK})`.execute(trx);
      const inner = createKyselyStore(trx, postgresDialect, store.location, async () => {
        throw new Error('close the store, not a transaction');
      });
      return fn(inner);
    });
  return store;
}
