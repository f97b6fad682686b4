import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import type { Database } from '../schema.js';
import { createCoreTables } from './001-core-tables.js';
import { createSearchIndex } from './002-search-index.js';
import { createReviewLog } from './003-review-log.js';
import { createEntityResolution } from './004-entity-resolution.js';
import { createSecurityTables } from './005-security.js';
import { createSealedFields } from './006-sealed-fields.js';
import { createSensitivityIndexes } from './007-sensitivity-indexes.js';
import { createConcurrentIngest } from './008-concurrent-ingest.js';

/** One schema change, applied once, in version order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, dialect: StoreDialect): Promise<void>;
}

/** Every migration, oldest first. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  createCoreTables,
  createSearchIndex,
  createReviewLog,
  createEntityResolution,
  createSecurityTables,
  createSealedFields,
  createSensitivityIndexes,
  createConcurrentIngest,
];

/** The version a fully migrated store has. */
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The latest applied version, 0 for an empty database. */
export async function readSchemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Applies every migration newer than the store's schema_version, each in its own transaction with
 * its version record, so a failed migration leaves the previous version intact.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: StoreDialect,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  await db.schema
    .createTable('schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  let current = await readSchemaVersion(db);
  const newest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  if (current > newest) {
    throw new Error(`store schema version ${current} is newer than this program knows (${newest}): upgrade Chronicle`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx, dialect);
      await trx
        .insertInto('schema_version')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    });
    current = migration.version;
  }
  return current;
}
