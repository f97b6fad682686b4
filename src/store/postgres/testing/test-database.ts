import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests use: $CHRONICLE_TEST_PG, else the local default. */
export const TEST_SERVER_URL = process.env.CHRONICLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throw-away database on the test server. */
export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  /** A fresh schema name for one test case. */
  schemaName(): string;
  /** Drops the database (closing other sessions first). */
  drop(): Promise<void>;
}

let notified = false;

/**
 * Creates `chronicle_test_<random>` on the test server, or returns null (printing a notice once)
 * when no server answers, so suites skip instead of failing on machines without PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    if (!notified) {
      notified = true;
      process.stderr.write(
        `notice: PostgreSQL tests skipped: no server at ${TEST_SERVER_URL} ` +
          `(${error instanceof Error ? error.message : String(error)}); set CHRONICLE_TEST_PG to run them\n`,
      );
    }
    return null;
  }
  const name = `chronicle_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  let schemas = 0;
  return {
    url: url.toString(),
    schemaName: () => `case_${++schemas}`,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Empties every table of `schema` but its migration record: a fresh store without migrating again. */
export async function emptySchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = $1 and tablename <> 'schema_version'`,
      [schema],
    );
    if (rows.length === 0) return;
    const tables = rows.map((r) => `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(r.tablename)}`);
    // DELETE with foreign-key triggers off: far quicker than TRUNCATE on a handful of small tables.
    await client.query(`set session_replication_role = replica; ${tables.map((t) => `delete from ${t};`).join(' ')}`);
  } finally {
    await client.end();
  }
}
