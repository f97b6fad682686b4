import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept per connection; the repositories issue a few hundred distinct shapes. */
const DEFAULT_CAPACITY = 512;

/**
 * The connection as Kysely's SQLite driver sees it, with `prepare` answered from a cache of compiled
 * statements. Kysely prepares every query afresh, and compiling SQL was a seventh of the time of an
 * ingest; the same text gives the same statement, which better-sqlite3 may run again and again
 * (and recompiles itself if the schema changes). Least recently used statements are dropped first.
 */
export function cachingStatements(file: SqliteDatabase, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      return file.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        // Re-insert: Map order is the recency order.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = file.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
