/**
 * `npm run bench:scale`: ingest throughput with 1, 2 and 4 queue workers on PostgreSQL and in one
 * process on SQLite, then search latency (p50/p99) on both at a large store size. Prints a table.
 *
 * Sizes are parameters; the full run the project aims at is the default:
 *   SCALE_INGEST_DOCS=100000   documents ingested per configuration
 *   SCALE_SEARCH_DOCS=1000000  documents in each store searched
 *   SCALE_WORKERS=1,2,4        worker processes per PostgreSQL run
 *   SCALE_QUERIES=300          searches timed per engine
 *   SCALE_PG=postgres://postgres@127.0.0.1:5432/postgres   server (a database is created per run and dropped)
 * Workers are real `chronicle worker` processes; the search stores are filled with bulk inserts
 * of generated reports (the search index does the same work as on ingest; extraction is not re-run).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { SourceDocument } from '../src/domain/source-document.js';
import { JobQueue } from '../src/queue/index.js';
import { ingestDocument } from '../src/services/index.js';
import { kyselyOf, openStore, type Store } from '../src/store/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { generateCorpus } from './corpus.js';

const INGEST_DOCS = Number(process.env.SCALE_INGEST_DOCS ?? 100_000);
const SEARCH_DOCS = Number(process.env.SCALE_SEARCH_DOCS ?? 1_000_000);
const WORKERS = (process.env.SCALE_WORKERS ?? '1,2,4').split(',').map(Number);
const QUERIES = Number(process.env.SCALE_QUERIES ?? 300);
const SERVER = process.env.SCALE_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const cliMain = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The same search mix on both engines: common and rare words, phrases, OR, exclusion, prefixes. */
const QUERY_MIX = [
  'detained',
  'Narymbayev',
  '"political prisoners"',
  '"sentenced Sadykov"',
  'Minsk OR Vilnius',
  'asylum -Lithuania',
  'Sadyk*',
  '"inciting social" hatred',
  'blogger Aktobe',
  'Tokhtarov OR Zhaksybekov -Almaty',
];

function* sourceDocuments(count: number, seed: number): Generator<SourceDocument> {
  let n = 0;
  for (const doc of generateCorpus(Number.MAX_SAFE_INTEGER, seed)) {
    if (n++ >= count) return;
    // A serial line keeps every generated report's bytes distinct.
    const text = `${doc.text}\n\nReport ${seed}-${n}.`;
    const original = new TextEncoder().encode(text);
    yield {
      id: doc.id,
      title: text.slice(0, text.indexOf('\n')),
      text,
      published: doc.published,
      source: 'Bench Wire',
      url: null,
      language: 'en',
      original,
      sha256: createHash('sha256').update(original).digest('hex'),
      mediaType: 'text/plain',
      origin: `bench/${doc.id}.txt`,
    };
  }
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `chronicle_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function runWorker(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cliMain, 'worker', '--db', url, '--exit-when-idle', '--poll', '100'],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

interface IngestRow {
  label: string;
  documents: number;
  seconds: number;
  docsPerSecond: number;
}

/** Docs/s over the window in which jobs finished (worker start-up, which compiles the CLI, excluded). */
async function queueThroughput(url: string): Promise<{ seconds: number; done: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ done: string; seconds: number }>(
    `select count(*) as done, extract(epoch from max(finished_at) - min(finished_at))::float8 as seconds
     from ingest_jobs where status = 'done'`,
  );
  await c.end();
  return { done: Number(rows[0]?.done ?? 0), seconds: Number(rows[0]?.seconds ?? 0) };
}

async function ingestPostgres(workers: number): Promise<IngestRow> {
  const db = await createDatabase();
  try {
    const store = await openStore(db.url);
    const queue = await JobQueue.open(db.url);
    for (const doc of sourceDocuments(INGEST_DOCS, 1)) await queue.enqueue(doc);
    await queue.close();
    await store.close();
    log(`postgres: ${INGEST_DOCS} queued; ${workers} worker(s)…`);
    const codes = await Promise.all(Array.from({ length: workers }, () => runWorker(db.url)));
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited with ${codes.join(', ')}`);
    const { done, seconds } = await queueThroughput(db.url);
    // The first finish opens the window: n finishes span n - 1 intervals.
    return { label: `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`, documents: done, seconds, docsPerSecond: (done - 1) / seconds };
  } finally {
    await db.drop();
  }
}

async function ingestSqlite(): Promise<IngestRow> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  try {
    const store = await openSqliteStore(join(dir, 'bench.db'));
    log(`sqlite: ingesting ${INGEST_DOCS} in one process…`);
    const started = performance.now();
    let added = 0;
    for (const doc of sourceDocuments(INGEST_DOCS, 1)) {
      if ((await ingestDocument(store, doc)).status === 'added') added++;
    }
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return { label: 'SQLite, 1 process', documents: added, seconds, docsPerSecond: added / seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** Fills `store` with `count` generated reports by multi-row inserts, in batches of one transaction each. */
async function fill(store: Store, count: number): Promise<number> {
  const db = kyselyOf(store) as unknown as AnyDb;
  const batch = 500;
  let rows: Array<Record<string, unknown>> = [];
  let seq = 0;
  const started = performance.now();
  const flush = async (): Promise<void> => {
    if (rows.length === 0) return;
    const values = rows;
    rows = [];
    await db.transaction().execute((trx) => trx.insertInto('documents').values(values).execute());
  };
  for (const doc of sourceDocuments(count, 2)) {
    seq++;
    rows.push({
      id: `s${seq}`,
      seq,
      sha256: doc.sha256,
      title: doc.title,
      published: doc.published,
      language: 'en',
      source: doc.source,
      url: null,
      text: doc.text,
      original: doc.original,
      media_type: doc.mediaType,
      origin: doc.origin,
      ingested_at: '2026-01-01T00:00:00.000Z',
    });
    if (rows.length === batch) await flush();
    if (seq % 50_000 === 0) log(`  ${store.dialect}: ${seq} documents (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await flush();
  return (performance.now() - started) / 1000;
}

interface SearchRow {
  engine: string;
  documents: number;
  fillSeconds: number;
  p50: number;
  p99: number;
  max: number;
  byQuery: Map<string, number[]>;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function measureSearch(store: Store, fillSeconds: number): Promise<SearchRow> {
  // A warm-up pass: the figures are for a running server, not a cold cache.
  for (const q of QUERY_MIX) await store.search.search(q, { limit: 20 });
  const times: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let i = 0; i < QUERIES; i++) {
    const q = QUERY_MIX[i % QUERY_MIX.length] as string;
    const t = performance.now();
    await store.search.search(q, { limit: 20 });
    const ms = performance.now() - t;
    times.push(ms);
    byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
  }
  times.sort((a, b) => a - b);
  return {
    engine: store.dialect === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL tsvector',
    documents: await store.documents.count(),
    fillSeconds,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times[times.length - 1] ?? NaN,
    byQuery,
  };
}

async function searchSqlite(): Promise<SearchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  try {
    const store = await openSqliteStore(join(dir, 'search.db'));
    log(`sqlite: filling ${SEARCH_DOCS} documents…`);
    const seconds = await fill(store, SEARCH_DOCS);
    const row = await measureSearch(store, seconds);
    await store.close();
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function searchPostgres(): Promise<SearchRow> {
  const db = await createDatabase();
  try {
    const store = await openStore(db.url);
    log(`postgres: filling ${SEARCH_DOCS} documents…`);
    const seconds = await fill(store, SEARCH_DOCS);
    // Fresh statistics, as autovacuum would have gathered on a long-running server.
    await sql`analyze`.execute(kyselyOf(store) as unknown as AnyDb);
    const row = await measureSearch(store, seconds);
    await store.close();
    return row;
  } finally {
    await db.drop();
  }
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ingest: IngestRow[] = [];
if (INGEST_DOCS > 0) {
  for (const w of WORKERS) ingest.push(await ingestPostgres(w));
  ingest.push(await ingestSqlite());
}
const search: SearchRow[] = [];
if (SEARCH_DOCS > 0) {
  search.push(await searchSqlite());
  search.push(await searchPostgres());
}

console.log(`\nIngest (extract + link + store), ${fmt(INGEST_DOCS)} generated reports per run`);
console.log('configuration                 documents    seconds     docs/s   docs/day');
for (const r of ingest) {
  console.log(
    `${r.label.padEnd(28)}${fmt(r.documents).padStart(10)}${fmt(r.seconds, 1).padStart(11)}${fmt(r.docsPerSecond, 2).padStart(11)}${fmt(r.docsPerSecond * 86_400).padStart(11)}`,
  );
}
if (search.length > 0) {
  console.log(`\nSearch, ${fmt(QUERIES)} queries of ${QUERY_MIX.length} kinds, 20 hits each`);
  console.log('engine                 documents  fill s    p50 ms    p99 ms    max ms');
  for (const r of search) {
    console.log(
      `${r.engine.padEnd(21)}${fmt(r.documents).padStart(11)}${fmt(r.fillSeconds).padStart(8)}${fmt(r.p50, 1).padStart(10)}${fmt(r.p99, 1).padStart(10)}${fmt(r.max, 1).padStart(10)}`,
    );
  }
  console.log('\nmedian ms per query kind' + search.map((r) => `  | ${r.engine}`).join(''));
  for (const q of QUERY_MIX) {
    const cells = search.map((r) => {
      const ts = [...(r.byQuery.get(q) ?? [])].sort((a, b) => a - b);
      return fmt(quantile(ts, 0.5), 1).padStart(r.engine.length + 4);
    });
    console.log(`${q.padEnd(36)}${cells.join('')}`);
  }
}
