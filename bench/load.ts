/**
 * Load on the web API with autocannon: mixed reads (search, case file, document, overview) and writes
 * (review decisions, sensitivity marks) as a logged-in editor, over real HTTP on 127.0.0.1.
 * Prints throughput, p99 latency and errors, then checks that every acknowledged write is in the
 * store and that the audit chain verifies. Exits 1 on any error or lost write.
 *
 *   npx tsx bench/load.ts                       # 50 connections, 30 s
 *   LOAD_CONNECTIONS=10 LOAD_SECONDS=5 npx tsx bench/load.ts
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { addAccount } from '../src/auth/index.js';
import { sealAuditLog, verifyAuditLog } from '../src/audit/index.js';
import { buildApp } from '../src/http/app.js';
import { readInput } from '../src/ingest/index.js';
import { ingestDocument } from '../src/services/index.js';
import { kyselyOf } from '../src/store/index.js';
import { openReviewableStore } from '../src/store/reviewable-store.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const SAMPLES = fileURLToPath(new URL('../samples', import.meta.url));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-load-'));
  const deps = await openReviewableStore(join(dir, 'store.db'));
  try {
    for (const name of readdirSync(SAMPLES).sort()) {
      for (const doc of (await readInput(join(SAMPLES, name))).documents) await ingestDocument(deps.store, doc);
    }
    await addAccount(deps.store, 'admin', 'load-admin-password', 'admin', { actor: 'bench' });
    await addAccount(deps.store, 'editor', 'load-editor-password', 'editor', { actor: 'bench' });
    // The per-address request limit would otherwise turn a one-machine load test into 429s.
    const app = await buildApp({ deps, auth: { requestsPerMinute: 100_000_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'editor', password: 'load-editor-password' }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const db = kyselyOf(deps.store)!;
    const events = (await db.selectFrom('events').select('id').execute()).map((r) => r.id);
    const entities = (await db.selectFrom('entities').select('id').where('type', '=', 'person').execute()).map((r) => r.id);
    const documents = (await db.selectFrom('documents').select('id').execute()).map((r) => r.id);
    const before = Number((await sql<{ n: number }>`select count(*) as n from review_log`.execute(db)).rows[0]?.n ?? 0);
    let acknowledgedReviews = 0;
    let acknowledgedMarks = 0;
    let i = 0;
    const pick = <T>(items: T[]): T => items[i++ % items.length] as T;

    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
      requests: [
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/search?q=${pick(['journalist', 'protest', 'court', 'Almaty', 'arrest*'])}` }) },
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/entities/${encodeURIComponent(pick(entities))}` }) },
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/documents/${encodeURIComponent(pick(documents))}` }) },
        { method: 'GET', path: '/api/home' },
        {
          method: 'POST',
          setupRequest: (r) => ({
            ...r,
            path: `/api/events/${encodeURIComponent(pick(events))}/review`,
            body: JSON.stringify({ action: 'confirm', reason: 'load test' }),
          }),
          onResponse: (status) => {
            if (status === 200) acknowledgedReviews += 1;
          },
        },
        {
          method: 'POST',
          path: '/api/mark',
          setupRequest: (r) => ({ ...r, body: JSON.stringify({ id: pick(events), level: pick(['restricted', 'public']) }) }),
          onResponse: (status) => {
            if (status === 200) acknowledgedMarks += 1;
          },
        },
      ],
    });
    await app.close();

    const after = Number((await sql<{ n: number }>`select count(*) as n from review_log`.execute(db)).rows[0]?.n ?? 0);
    await sealAuditLog(deps.store);
    const marks = Number(
      (await sql<{ n: number }>`select count(*) as n from audit_log where action = 'mark' and actor = 'editor'`.execute(db)).rows[0]?.n ?? 0,
    );
    const audit = await verifyAuditLog(deps.store);
    const errors = result.errors + result.timeouts + result.non2xx;
    // Requests still in flight when the run ends may be stored without being counted: only a shortfall is a loss.
    const lostReviews = Math.max(0, acknowledgedReviews - (after - before));
    const lostMarks = Math.max(0, acknowledgedMarks - marks);
    process.stdout.write(
      [
        `load: ${CONNECTIONS} connections, ${SECONDS} s, ${documents.length} documents, ${events.length} events`,
        `throughput: ${result.requests.average.toFixed(0)} req/s (${result.requests.total} requests)`,
        `latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `errors: ${errors} (${result.non2xx} non-2xx, ${result.errors} connection errors, ${result.timeouts} timeouts)`,
        `writes: ${acknowledgedReviews} reviews and ${acknowledgedMarks} marks acknowledged, ${after - before} and ${marks} stored; lost ${lostReviews + lostMarks}`,
        `audit chain: ${audit.ok ? `intact, ${audit.rows} rows` : `BROKEN at ${audit.brokenAt}`}`,
      ].join('\n') + '\n',
    );
    process.exitCode = errors === 0 && lostReviews === 0 && lostMarks === 0 && audit.ok ? 0 : 1;
  } finally {
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
