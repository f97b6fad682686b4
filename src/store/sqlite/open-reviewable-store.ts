import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { BadInputError } from '../../errors.js';
import { createKyselyStore } from '../kysely/kysely-store.js';
import { KyselyReviewRepository } from '../kysely/review.repository.js';
import { MIGRATIONS, migrate } from '../migrations/index.js';
import { createReviewLog } from '../migrations/003-review-log.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { sqliteDialect } from './sqlite-dialect.js';

/** A store with the review repository on the same connection, so reviews and reads see one database. */
export interface ReviewableStore {
  store: Store;
  review: KyselyReviewRepository;
}

/**
 * Opens (creating if needed) a SQLite store with the review log, for the web server: the same file
 * settings as `openSqliteStore`, and one connection shared by the core and review repositories.
 */
export async function openReviewableSqliteStore(path: string): Promise<ReviewableStore> {
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  try {
    const migrations = MIGRATIONS.some((m) => m.version === createReviewLog.version)
      ? MIGRATIONS
      : [...MIGRATIONS, createReviewLog];
    await migrate(db, sqliteDialect, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    store: createKyselyStore(db, sqliteDialect, absolute, () => db.destroy()),
    review: new KyselyReviewRepository(db),
  };
}
