import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { readInput } from '../../ingest/index.js';
import { exportStore, ingestDocument } from '../../services/index.js';
import { kyselyOf, openStore, type Store } from '../index.js';
import { openSqliteStore } from '../sqlite/index.js';
import { copyStore } from './copy-store.js';
import { openPostgresStore } from './index.js';
import { createTestDatabase } from './testing/test-database.js';

const database = await createTestDatabase();
afterAll(async () => {
  await database?.drop();
});

const reports = join(import.meta.dirname, '../../../test/fixtures/resolution');

async function exportJson(store: Store): Promise<string> {
  let out = '';
  await exportStore(store, 'json', (chunk) => {
    out += chunk;
  }, { includeText: true });
  return out;
}

async function rowCounts(store: Store, tables: string[]): Promise<Record<string, number>> {
  const db = kyselyOf(store);
  if (!db) throw new Error('no connection');
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await (db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}

describe.skipIf(!database)('copying a SQLite store into PostgreSQL', () => {
  it('copies every table so the exports are identical, ids and text included, and search works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-copy-'));
    try {
      const source = await openSqliteStore(join(dir, 'cases.db'));
      const names = readdirSync(reports).sort();
      for (const name of names) {
        for (const doc of (await readInput(join(reports, name), { published: '2016-03-20', source: null, url: null })).documents) {
          await ingestDocument(source, doc);
        }
      }
      const target = await openStore(database?.url);
      // Small pages: the copy pages by key many times over (SQLite rowids here).
      const counts = await copyStore(source, target, { pageSize: 7 });
      expect(counts.documents).toBe(names.length);
      expect(counts.resolution_log).toBeGreaterThan(0);

      expect(await exportJson(target)).toBe(await exportJson(source));
      const tables = Object.keys(counts);
      expect(await rowCounts(target, tables)).toEqual(await rowCounts(source, tables));
      const original = await source.documents.getOriginal('01-steppe-post-sadykov');
      expect(await target.documents.getOriginal('01-steppe-post-sadykov')).toEqual(original);
      const hits = (await target.search.search('Sadykov')).map((h) => h.documentId);
      expect(hits).toContain('01-steppe-post-sadykov');

      // PostgreSQL to PostgreSQL pages by primary keys, several columns wide for some tables.
      const again = await openPostgresStore(database?.url as string, { schema: 'copy_of_copy' });
      expect(await copyStore(target, again, { pageSize: 5 })).toEqual(counts);
      expect(await exportJson(again)).toBe(await exportJson(source));
      await again.close();

      // A second copy into the same, now full, store is refused.
      await expect(copyStore(source, target)).rejects.toThrow(/already holds documents/);
      await source.close();
      await target.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as chronicle migrate --from FILE --to URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrate-'));
    const target = await createTestDatabase();
    try {
      const source = await openSqliteStore(join(dir, 'cases.db'));
      for (const doc of (await readInput(join(reports, readdirSync(reports)[0] as string), { published: null, source: null, url: null })).documents) {
        await ingestDocument(source, doc);
      }
      await source.close();
      const run = await runCli(['migrate', '--from', 'cases.db', '--to', target?.url ?? ''], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/documents: 1 row/);
      const copied = await openStore(target?.url);
      expect(await copied.documents.count()).toBe(1);
      await copied.close();
      expect(readFileSync(join(dir, 'cases.db')).length).toBeGreaterThan(0);
    } finally {
      await target?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
