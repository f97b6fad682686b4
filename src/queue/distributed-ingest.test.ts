import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { runCli } from '../../test/support/run-cli.js';
import type { SourceDocument } from '../domain/source-document.js';
import { listInputFiles, readInput } from '../ingest/index.js';
import { exportStore, ingestDocument } from '../services/index.js';
import { buildSourceDocument } from '../services/testing/builders.js';
import { openStore, type Store } from '../store/index.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres/testing/test-database.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { enqueueFiles } from './enqueue-files.js';
import { JobQueue } from '../store/postgres/job-queue.js';
import { startCli } from './testing/cli-process.js';
import { normalizeExport } from './testing/normalize-export.js';
import { runWorker } from './worker.js';

// Real child processes (each compiles the CLI from source on start): slow on a busy machine.
const PROCESS_TIMEOUT = 240_000;
const fixtures = join(import.meta.dirname, '../../test/fixtures');
const databases: TestDatabase[] = [];
const probe = await createTestDatabase();
if (probe) databases.push(probe);

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  if (!db) throw new Error('PostgreSQL went away');
  databases.push(db);
  return db;
}

afterAll(async () => {
  for (const db of databases) await db.drop();
});

/** The seven reports about the same people in different spellings, and eight others: 15 in all. */
function reportsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-queue-'));
  mkdirSync(join(dir, 'reports'));
  const picks: Array<[string, number]> = [
    ['resolution', 7],
    ['gold/reports', 8],
  ];
  for (const [sub, count] of picks) {
    const names = readdirSync(join(fixtures, sub)).filter((n) => n.endsWith('.txt')).sort().slice(0, count);
    for (const name of names) copyFileSync(join(fixtures, sub, name), join(dir, 'reports', name));
  }
  return dir;
}

async function exportJson(store: Store): Promise<string> {
  let out = '';
  await exportStore(store, 'json', (chunk) => {
    out += chunk;
  });
  return out;
}

function documentOf(text: string, origin: string): SourceDocument {
  return buildSourceDocument({ id: origin, title: null, text, published: '2020-01-01', source: null, origin });
}

describe.skipIf(!probe)('distributed ingest on PostgreSQL', () => {
  it('stores the same facts through a queue and two worker processes as a sequential SQLite ingest', async () => {
    const dir = reportsFolder();
    const db = await freshDatabase();
    try {
      const sqlite = await openSqliteStore(join(dir, 'cases.db'));
      for (const file of await listInputFiles([join(dir, 'reports')])) {
        for (const doc of (await readInput(file, { published: null, source: null, url: null })).documents) {
          await ingestDocument(sqlite, doc);
        }
      }
      const expected = await exportJson(sqlite);
      await sqlite.close();

      const pg = await openStore(db.url);
      const queue = await JobQueue.open(db.url);
      const defaults = { published: null, source: null, url: null };
      expect(await enqueueFiles(pg, queue, [join(dir, 'reports')], defaults, () => undefined)).toEqual({
        queued: 15,
        skipped: 0,
        failed: 0,
      });
      const workers = [1, 2].map(() => startCli(['worker', '--db', db.url, '--exit-when-idle', '--poll', '200'], dir));
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
      // Both processes took part.
      for (const w of workers) expect(w.stderr()).toMatch(/job \d+ done: added/);

      expect(await queue.counts()).toEqual({ queued: 0, running: 0, failed: 0, done: 15 });
      await queue.close();

      const actual = await exportJson(pg);
      await pg.close();
      expect(normalizeExport(actual)).toEqual(normalizeExport(expected));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, PROCESS_TIMEOUT);

  it('hands the job of a SIGKILLed worker to another worker, which stores it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-kill-'));
    const db = await freshDatabase();
    try {
      mkdirSync(join(dir, 'reports'));
      // A long report first, so the first worker is surely inside it when killed.
      const corpus = [...generateCorpus(60_000, 7)];
      writeFileSync(join(dir, 'reports', '0-long.txt'), corpus.map((d) => d.text).join('\n\n'));
      for (const name of readdirSync(join(fixtures, 'gold/reports')).slice(0, 3)) {
        copyFileSync(join(fixtures, 'gold/reports', name), join(dir, 'reports', `1-${name}`));
      }
      const queued = await runCli(['ingest', 'reports', '--db', db.url, '--queue'], { cwd: dir });
      expect(queued.stderr).toContain('4 queued');

      const first = startCli(['worker', '--db', db.url, '--lease', '2', '--poll', '200'], dir);
      const started = await first.waitFor(/job 1 started by (\S+) /, 60_000);
      const firstId = started[1];
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');

      const queue = await JobQueue.open(db.url);
      try {
        const [running] = await queue.list(['running']);
        expect(running).toMatchObject({ id: 1, status: 'running', lockedBy: firstId, attempts: 1 });

        const second = await runCli(['worker', '--db', db.url, '--lease', '2', '--poll', '200', '--exit-when-idle'], { cwd: dir });
        expect(second.code, second.stderr).toBe(0);
        expect(second.stderr).toMatch(/job 1 started by \S+ \(attempt 2\/5\)/);
        const [job] = await queue.list(['done'], 1);
        expect(job).toMatchObject({ id: 1, status: 'done', attempts: 2, documentId: '0-long' });
        expect(job?.lockedBy).not.toBe(firstId);
        expect(await queue.counts()).toEqual({ queued: 0, running: 0, failed: 0, done: 4 });
      } finally {
        await queue.close();
      }
      const store = await openStore(db.url);
      expect(await store.documents.count()).toBe(4);
      await store.close();
      const listing = await runCli(['jobs', '--db', db.url, '--status', 'done'], { cwd: dir });
      expect(listing.stdout).toMatch(/^done +4$/m);
      expect(listing.stdout).toContain('#1 done (attempt 2) reports/0-long.txt → 0-long');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, PROCESS_TIMEOUT);

  it('retries a failing job with growing delays, then marks it failed with the reason', async () => {
    const db = await freshDatabase();
    const store = await openStore(db.url);
    const queue = await JobQueue.open(db.url, { maxAttempts: 2, backoffMs: 400 });
    try {
      // Bytes that do not match their hash: every attempt fails the same way.
      const bad = { ...documentOf('Police detained Ermek Narymbayev in Almaty.', 'bad.txt'), sha256: 'f'.repeat(64) };
      expect(await queue.enqueue(bad)).toBe('queued');
      expect(await queue.enqueue(bad)).toBe('already-queued');

      const first = await queue.claim('w1', 10_000);
      expect(first?.attempts).toBe(1);
      expect(await queue.fail(first!, 'w1', 'boom')).toBe('retry');
      // Not ready again before its backoff has passed.
      expect(await queue.claim('w1', 10_000)).toBeNull();
      expect(await queue.hasPendingWork()).toBe(true);
      await sleep(500);

      const totals = await runWorker(store, queue, { exitWhenIdle: true, pollMs: 50 });
      expect(totals).toEqual({ added: 0, duplicates: 0, retried: 0, failed: 1 });
      const [failed] = await queue.list(['failed']);
      expect(failed).toMatchObject({ id: 1, attempts: 2 });
      expect(failed?.lastError).toMatch(/does not match the original bytes/);
      expect(await queue.retryFailed()).toBe(1);
      expect((await queue.counts()).queued).toBe(1);
    } finally {
      await queue.close();
      await store.close();
    }
  });

  it('returns a job whose lease ran out to the queue, and stores a repeated job once', async () => {
    const db = await freshDatabase();
    const store = await openStore(db.url);
    const queue = await JobQueue.open(db.url);
    try {
      const doc = documentOf('Police in Baku detained the journalist Ilgar Mammadli on Monday.', 'a.txt');
      await queue.enqueue(doc);
      const lost = await queue.claim('gone', 200);
      expect(lost?.attempts).toBe(1);
      expect(await queue.recoverExpired()).toBe(0);
      await sleep(300);
      expect(await queue.recoverExpired()).toBe(1);
      // The dead worker's late heartbeat no longer holds the job.
      expect(await queue.heartbeat(1, 'gone', 10_000)).toBe(false);

      // The first worker had stored the document before dying: the retry finds it and does not store it again.
      await ingestDocument(store, doc);
      const totals = await runWorker(store, queue, { exitWhenIdle: true, pollMs: 50 });
      expect(totals).toEqual({ added: 0, duplicates: 1, retried: 0, failed: 0 });
      expect(await store.documents.count()).toBe(1);
      const [job] = await queue.list(['done']);
      expect(job).toMatchObject({ attempts: 2, documentId: 'a.txt' });
    } finally {
      await queue.close();
      await store.close();
    }
  });

  it('refuses to queue or work without a PostgreSQL store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-noqueue-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'Police detained a journalist.');
      const run = await runCli(['ingest', 'a.txt', '--db', 'cases.db', '--queue'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/needs a PostgreSQL store.*cases\.db/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, PROCESS_TIMEOUT);
});
