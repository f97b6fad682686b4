import { sql, type Kysely } from 'kysely';
import { ConflictError, ValidationError } from '../../errors.js';
import { kyselyOf } from '../kysely/kysely-store.js';
import { NUMBERED_TABLES } from '../migrations/008-concurrent-ingest.js';
import type { Store } from '../types.js';

/** Tables that are not store content: the migration record, the job queue, FTS5 index internals. */
const SKIPPED = /^(schema_version|ingest_jobs|sqlite_.*|.*_fts(_.*)?)$/;

/** Rows copied per table. */
export type CopyCounts = Record<string, number>;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

interface TableInfo {
  columns: string[];
  /** Tables this one references. */
  references: string[];
  /**
   * Columns that order the rows uniquely, for keyset paging: SQLite's rowid, PostgreSQL's primary key;
   * empty when the table has none (its rows are then paged by offset over every column).
   */
  key: string[];
}

function dbOf(store: Store): AnyDb {
  const db = kyselyOf(store);
  if (!db) throw new ValidationError(`${store.location}: not a store this copier can read`);
  return db as unknown as AnyDb;
}

async function describeSqlite(db: AnyDb): Promise<Map<string, TableInfo>> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL TABLE%'`.execute(db);
  const out = new Map<string, TableInfo>();
  for (const { name } of tables.rows) {
    if (SKIPPED.test(name)) continue;
    const columns = await sql<{ name: string }>`select name from pragma_table_info(${name}) order by cid`.execute(db);
    const refs = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    const withoutRowid = await sql<{ wr: number }>`select wr from pragma_table_list(${name})`.execute(db);
    out.set(name, {
      columns: columns.rows.map((c) => c.name),
      references: refs.rows.map((r) => r.table),
      key: withoutRowid.rows[0]?.wr ? [] : ['rowid'],
    });
  }
  return out;
}

async function describePostgres(db: AnyDb): Promise<Map<string, TableInfo>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const refs = await sql<{ table_name: string; referenced: string }>`
    select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as referenced
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'p' and n.nspname = current_schema()
    order by table_name, k.ord`.execute(db);
  const out = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    if (SKIPPED.test(row.table_name)) continue;
    const info = out.get(row.table_name) ?? { columns: [], references: [], key: [] };
    info.columns.push(row.column_name);
    out.set(row.table_name, info);
  }
  for (const r of refs.rows) out.get(r.table_name)?.references.push(r.referenced.replace(/^.*\./, ''));
  for (const k of keys.rows) out.get(k.table_name.replace(/^.*\./, ''))?.key.push(k.column_name);
  return out;
}

/** Tables in an order where every table comes after those it references. */
function dependencyOrder(tables: Map<string, TableInfo>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: Set<string>): void => {
    if (done.has(name) || path.has(name) || !tables.has(name)) return;
    path.add(name);
    for (const ref of tables.get(name)?.references ?? []) if (ref !== name) visit(ref, path);
    done.add(name);
    order.push(name);
  };
  for (const name of [...tables.keys()].sort()) visit(name, new Set());
  return order;
}

const KEY_PREFIX = '__key_';

/**
 * The rows of `table` in pages of `pageSize`. With a key, each page starts after the last key seen
 * (keyset paging: every page costs the same however deep the copy is); without one, by offset.
 */
async function* pages(
  db: AnyDb,
  table: string,
  columns: string[],
  key: string[],
  pageSize: number,
): AsyncGenerator<Array<Record<string, unknown>>> {
  if (key.length === 0) {
    for (let offset = 0; ; offset += pageSize) {
      const rows = await db
        .selectFrom(table)
        .select(columns)
        .orderBy(sql.join(columns.map((c) => sql.ref(c))))
        .limit(pageSize)
        .offset(offset)
        .execute();
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
    }
  }
  const keyRefs = sql.join(key.map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  for (;;) {
    const from: unknown[] | null = after;
    const rows: Array<Record<string, unknown>> = await db
      .selectFrom(table)
      .select([...columns, ...key.map((c, i) => sql.ref(c).as(`${KEY_PREFIX}${i}`))])
      .$if(from !== null, (q) => q.where(sql<boolean>`(${keyRefs}) > (${sql.join((from ?? []).map((v) => sql`${v}`))})`))
      .orderBy(keyRefs)
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = key.map((_, i) => last[`${KEY_PREFIX}${i}`]);
    yield rows.map((row) => {
      const copy = { ...row };
      for (let i = 0; i < key.length; i++) delete copy[`${KEY_PREFIX}${i}`];
      return copy;
    });
    if (rows.length < pageSize) return;
  }
}

/**
 * Copies every table of `source` (a SQLite or PostgreSQL store) into the empty PostgreSQL store
 * `target`, row for row with the same keys, in one transaction. Triggers of the target are
 * off meanwhile (its audit triggers would log the copy as new ingests; the source's audit log is
 * copied as it is); foreign keys stay checked and the search vectors are generated.
 */
export async function copyStore(
  source: Store,
  target: Store,
  options: { pageSize?: number; log?: (line: string) => void } = {},
): Promise<CopyCounts> {
  if (target.dialect !== 'postgres') throw new ValidationError(`--to ${target.location}: the target must be a PostgreSQL store`);
  if ((await source.schemaVersion()) !== (await target.schemaVersion())) {
    throw new ValidationError('source and target schema versions differ: open both with this version of Chronicle first');
  }
  if ((await target.documents.count()) > 0) {
    throw new ConflictError(`${target.location} already holds documents: copy into an empty store`);
  }
  const from = dbOf(source);
  const to = dbOf(target);
  const sourceTables = source.dialect === 'sqlite' ? await describeSqlite(from) : await describePostgres(from);
  const targetTables = await describePostgres(to);
  const pageSize = options.pageSize ?? 1000;
  const counts: CopyCounts = {};

  await to.transaction().execute(async (trx) => {
    const order = dependencyOrder(targetTables).filter((t) => sourceTables.has(t));
    const lost = [...sourceTables.keys()].filter((t) => !targetTables.has(t));
    if (lost.length > 0) throw new ValidationError(`the target has no table ${lost.join(', ')}`);
    for (const table of order) await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
    for (const table of order) {
      const wanted = new Set(targetTables.get(table)?.columns);
      const columns = sourceTables.get(table)?.columns ?? [];
      const missing = columns.filter((c) => !wanted.has(c));
      if (missing.length > 0) throw new ValidationError(`${table}: the target has no column ${missing.join(', ')}`);
      // Under PostgreSQL's 65,535 parameters per statement.
      const batch = Math.max(1, Math.min(pageSize, Math.floor(30_000 / Math.max(1, columns.length))));
      const key = sourceTables.get(table)?.key ?? [];
      let copied = 0;
      for await (const rows of pages(from, table, columns, key, pageSize)) {
        for (let i = 0; i < rows.length; i += batch) {
          await trx.insertInto(table).values(rows.slice(i, i + batch)).execute();
        }
        copied += rows.length;
      }
      counts[table] = copied;
      options.log?.(`${table}: ${copied} row(s)`);
    }
    for (const table of order) await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
    // The copied rows keep their numbers: the next ingest numbers after them.
    for (const table of NUMBERED_TABLES) {
      await sql`select setval(${`${table}_seq_number`}::regclass, coalesce((select max(seq) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
    }
  });
  return counts;
}
