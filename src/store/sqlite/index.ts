import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { BadInputError } from '../../errors.js';
import { createKyselyStore, queryLog } from '../kysely/kysely-store.js';
import { migrate, type Migration } from '../migrations/index.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { ImmediateSqliteDialect } from './immediate-dialect.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { cachingStatements } from './statement-cache.js';

/** Options for tests and tools: apply only some migrations (to build an old-version file). */
export interface SqliteStoreOptions {
  migrations?: readonly Migration[];
  /** Called with the SQL of every statement run (tests count round trips with it). */
  onQuery?: (sql: string) => void;
}

/**
 * Opens (creating if needed) a SQLite store file and brings its schema up to date.
 * WAL for concurrent readers, foreign keys enforced, deleted content overwritten (secure_delete).
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const absolute = path === ':memory:' ? path : resolve(path);
  if (absolute !== ':memory:' && !existsSync(dirname(absolute))) {
    throw new BadInputError(path, `cannot create the store: folder ${dirname(absolute)} does not exist`);
  }
  let file: BetterSqlite3.Database;
  try {
    file = new BetterSqlite3(absolute);
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    file.pragma('secure_delete = ON');
    file.pragma('busy_timeout = 5000');
    file.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new BadInputError(path, `cannot open the store: ${error instanceof Error ? error.message : String(error)}`);
  }
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(file) }),
    ...queryLog(options.onQuery),
  });
  try {
    await migrate(db, sqliteDialect, options.migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, sqliteDialect, absolute, () => db.destroy());
}
