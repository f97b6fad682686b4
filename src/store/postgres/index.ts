import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { BadInputError } from '../../errors.js';
import { createKyselyStore, queryLog } from '../kysely/kysely-store.js';
import { migrate } from '../migrations/index.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { postgresDialect } from './postgres-dialect.js';

export { postgresDialect } from './postgres-dialect.js';

/**
 * Advisory lock keys (two int4s) of this application. Writers that run alone take LINK_LOCK and
 * WRITE_LOCK; concurrent (ingest) transactions share LINK_LOCK, claim names (one class per kind,
 * each name by a 32-bit hash of it) and take WRITE_LOCK just before they commit. Always in that order.
 */
const LOCK_CLASS = 0x63686e;
const WRITE_LOCK = 1;
const MIGRATE_LOCK = 2;
const LINK_LOCK = 3;
const CLAIM_CLASSES = { document: 0x63686f, key: 0x636870, entity: 0x636871 } as const;

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
 * A transaction takes the store-wide write lock first: writers queue as they do on SQLite (BEGIN
 * IMMEDIATE), which the portable repositories rely on (`max(seq) + 1` keys of the review and audit
 * logs, reviewers' merges that read and then write). A concurrent transaction (ingest) instead
 * claims what another must not change at the same time (a document's hash and id, the blocking keys
 * of the entities it files as new, the stored entities it changes) and takes the write lock only to
 * commit; its rows are numbered from sequences. Extraction, the costly part of ingest, runs outside
 * any transaction.
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

/** A stable 32-bit hash of a name (FNV-1a), as an int4 advisory lock key. */
function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(name, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h | 0;
}

/**
 * Gives the store PostgreSQL's transactions: `transaction` runs alone (store-wide locks first),
 * `concurrentTransaction` beside other concurrent ones, with `claim` on the store it hands over.
 * The same object is kept (not a copy): other modules look up the connection behind a store by its identity.
 */
function serializedWrites(store: Store, db: Kysely<Database>): Store {
  const inner = (trx: Transaction<Database>): Store =>
    createKyselyStore(trx, postgresDialect, store.location, async () => {
      throw new Error('close the store, not a transaction');
    });
  store.transaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${LINK_LOCK}), pg_advisory_xact_lock(${LOCK_CLASS}, ${WRITE_LOCK})`.execute(trx);
      // Alone, a document's audit row is written with it, not at commit (migration 008 defers it for concurrent ingest).
      await sql`set constraints all immediate`.execute(trx);
      return fn(inner(trx));
    });
  store.concurrentTransaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock_shared(${LOCK_CLASS}, ${LINK_LOCK})`.execute(trx);
      const tx = inner(trx);
      tx.claim = async (kind, names) => {
        const keys = [...new Set(names.map(lockKey))].sort((a, b) => a - b);
        // In ascending order (unnest keeps the array's), as every claimer takes them.
        if (keys.length > 0) await sql`select count(pg_advisory_xact_lock(${CLAIM_CLASSES[kind]}, k)) from unnest(${keys}::int4[]) as k`.execute(trx);
        return true;
      };
      const result = await fn(tx);
      // The audit log is numbered gapless, in commit order: its rows (written by the deferred trigger at
      // commit) wait for the write lock, held from here to the commit.
      await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${WRITE_LOCK})`.execute(trx);
      return result;
    });
  return store;
}
