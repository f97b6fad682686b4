import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import type { SourceDocument } from '../domain/source-document.js';
import type { Store } from '../store/index.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres/testing/test-database.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingestDocument } from './ingest.service.js';
import { buildSourceDocument } from './testing/builders.js';

/**
 * Statements one generated report may take to ingest once the store knows its people: at most 32 on
 * SQLite and 45 on PostgreSQL now (there a document also claims its hash, the keys it files new entities
 * under and the people it links to, resolves again once it holds new keys, and takes the write lock to
 * commit); 38–55 when each key tier, event merge and entity change read or wrote on its own, about 150
 * when each entity, event and candidate block took its own statements. On PostgreSQL each is a round
 * trip inside the writing transaction, so this bounds ingest throughput.
 */
const MAX_QUERIES_PER_REPORT = 48;

function* reports(count: number): Generator<SourceDocument> {
  let n = 0;
  for (const doc of generateCorpus(Number.MAX_SAFE_INTEGER, 7)) {
    if (n++ >= count) return;
    yield buildSourceDocument({ id: doc.id, title: null, text: `${doc.text}\n\nReport ${n}.`, published: doc.published, source: null, origin: `${doc.id}.txt` });
  }
}

/** Statements per report for the last `measured` of `total` generated reports. */
async function queriesPerReport(store: Store, counter: { count: number }, total: number, measured: number): Promise<number[]> {
  const out: number[] = [];
  let n = 0;
  for (const doc of reports(total)) {
    const before = counter.count;
    expect((await ingestDocument(store, doc)).status).toBe('added');
    if (++n > total - measured) out.push(counter.count - before);
  }
  return out;
}

describe('queries per ingested report', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('stays bounded on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-queries-'));
    const counter = { count: 0 };
    const store = await openSqliteStore(join(dir, 'store.db'), { onQuery: () => void counter.count++ });
    try {
      const counts = await queriesPerReport(store, counter, 60, 20);
      expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_QUERIES_PER_REPORT);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays bounded on PostgreSQL', async (context) => {
    const db = await createTestDatabase();
    if (!db) return context.skip();
    databases.push(db);
    const counter = { count: 0 };
    const store = await openPostgresStore(db.url, { onQuery: () => void counter.count++ });
    try {
      const counts = await queriesPerReport(store, counter, 60, 20);
      expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_QUERIES_PER_REPORT);
    } finally {
      await store.close();
    }
  });
});
