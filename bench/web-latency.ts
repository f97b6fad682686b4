/**
 * Latency of the web API on a store of generated reports (default 10,000): the person page (case file)
 * and the other pages' API calls, over real HTTP on 127.0.0.1. Target: p95 of the person page < 200 ms.
 * BENCH_UNIQUE reports (default 1,000) go through the pipeline; the store holds copies of them under
 * other ids and outlets, so each person's case file gathers many reports, as a much-reported case does.
 *
 *   npx tsx bench/web-latency.ts            # BENCH_DOCS=10000, store kept in $TMPDIR for the next run
 *   BENCH_DOCS=2000 BENCH_DB=/tmp/b.db npx tsx bench/web-latency.ts
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/http/app.js';
import { readBytes } from '../src/ingest/index.js';
import type { Extraction } from '../src/domain/chronicle-json.js';
import { extract } from '../src/pipeline/extract.js';
import { saveExtraction } from '../src/services/ingest.service.js';
import { warmPlaceLocator } from '../src/services/place-locator.js';
import { openReviewableStore } from '../src/store/reviewable-store.js';
import { generateCorpus, type BenchDocument } from './corpus.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const DB = process.env.BENCH_DB ?? join(tmpdir(), `chronicle-web-bench-${DOCS}.db`);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 60);
/** Reports run through the pipeline; the store holds copies of them up to BENCH_DOCS (extraction is the slow part). */
const UNIQUE = Number(process.env.BENCH_UNIQUE ?? 1000);
const ROUNDS = 3;

async function fill(): Promise<void> {
  const deps = await openReviewableStore(DB);
  const have = await deps.store.documents.count();
  if (have >= DOCS) {
    await deps.store.close();
    return;
  }
  process.stderr.write(`building a store of ${DOCS} reports (${UNIQUE} extracted, each stored ${Math.ceil(DOCS / UNIQUE)} times) in ${DB}…\n`);
  const started = performance.now();
  const pool: Array<{ doc: BenchDocument; extraction: Extraction }> = [];
  for (const doc of generateCorpus(UNIQUE * 4000)) {
    if (pool.length >= UNIQUE) break;
    pool.push({ doc, extraction: extract({ id: doc.id, text: doc.text, published: doc.published }) });
  }
  process.stderr.write(`  extracted ${pool.length} reports in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  for (let n = have; n < DOCS; n++) {
    const { doc, extraction } = pool[n % pool.length] as (typeof pool)[number];
    // A copy is the same report from another outlet: distinct bytes and id, the same offsets.
    const text = `${doc.text}\n\nFiled as copy ${n}.`;
    const read = readBytes(`bench-${n}.txt`, Buffer.from(text), 'text', { published: doc.published, source: `Outlet ${n % 37}` });
    const source = read.documents[0];
    if (!source) throw new Error(`bench-${n}: ${read.errors.map((e) => e.message).join('; ')}`);
    await saveExtraction(deps.store, source, { ...extraction, document: { ...extraction.document, id: source.id, sha256: source.sha256 } });
    if ((n + 1) % 1000 === 0) process.stderr.write(`  stored ${n + 1} / ${DOCS}\n`);
  }
  process.stderr.write(`  store built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  await deps.store.close();
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

async function main(): Promise<void> {
  await fill();
  const deps = await openReviewableStore(DB);
  const app = await buildApp({ deps });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  warmPlaceLocator();

  const people = await deps.review.findEntities('', { type: 'person', limit: PEOPLE });
  const docIds: string[] = [];
  for await (const d of deps.store.documents.iterate(500)) {
    if (docIds.length >= 50) break;
    docIds.push(d.id);
  }
  const targets: Array<{ name: string; urls: string[] }> = [
    { name: 'person page  /api/entities/:id', urls: people.map((p) => `/api/entities/${encodeURIComponent(p.id)}`) },
    { name: 'home         /api/home', urls: ['/api/home'] },
    { name: 'search word  /api/search?q=…', urls: ['Sadykov', 'asylum', 'Almaty', 'refug*', 'Bokayev'].map((q) => `/api/search?q=${q}`) },
    { name: 'search phrase', urls: ['"bank accounts"', '"wanted list"', '"social hatred"'].map((q) => `/api/search?q=${encodeURIComponent(q)}`) },
    { name: 'search filter type+date+place', urls: ['/api/search?type=arrest&dateFrom=2015&dateTo=2016&place=Almaty', '/api/search?type=exile&status=suggested'] },
    { name: 'document     /api/documents/:id', urls: docIds.map((id) => `/api/documents/${encodeURIComponent(id)}`) },
    { name: 'review queue /api/review/queue', urls: ['/api/review/queue?limit=1', '/api/review/queue?limit=1&offset=500'] },
    { name: 'people list  /api/entities?q=', urls: ['/api/entities?q=', '/api/entities?q=ova'] },
  ];

  // One warm-up pass so the first request of each kind does not measure module and cache start-up.
  for (const t of targets) for (const url of t.urls.slice(0, 2)) await fetch(base + url).then((r) => r.arrayBuffer());

  const rows: Array<{ name: string; n: number; p50: number; p95: number; max: number; bytes: number }> = [];
  for (const t of targets) {
    const times: number[] = [];
    let bytes = 0;
    const rounds = t.urls.length >= 20 ? 1 : Math.max(ROUNDS, Math.ceil(20 / t.urls.length));
    for (let r = 0; r < rounds; r++) {
      for (const url of t.urls) {
        const t0 = performance.now();
        const response = await fetch(base + url);
        const body = await response.arrayBuffer();
        times.push(performance.now() - t0);
        if (!response.ok) throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
        bytes += body.byteLength;
      }
    }
    times.sort((a, b) => a - b);
    rows.push({ name: t.name, n: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] ?? 0, bytes: bytes / times.length });
  }

  const summary = await deps.store.documents.count();
  const events = Object.values(await deps.store.events.countByType()).reduce((a, b) => a + b, 0);
  const heaviest = Math.max(...people.map((p) => p.eventCount));
  process.stdout.write(`\nWeb API latency on ${summary} reports, ${events} events (heaviest sampled person: ${heaviest} events)\n\n`);
  process.stdout.write(`${'request'.padEnd(34)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'avg KB'.padStart(8)}\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(34)} ${String(r.n).padStart(4)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)}\n`,
    );
  }
  const person = rows[0];
  if (person) {
    const verdict = person.p95 < 200 ? 'meets' : 'misses';
    process.stdout.write(`\nperson page p95 ${person.p95.toFixed(1)} ms ${verdict} the 200 ms target\n`);
  }
  await app.close();
  await deps.store.close();
}

if (!existsSync(join(process.cwd(), 'package.json'))) process.stderr.write('run from the project folder\n');
await main();
