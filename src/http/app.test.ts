import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, EventView } from '../services/case-view.service.js';
import type { DocumentView } from '../services/document-view.service.js';
import type { HomeView } from '../services/home.service.js';
import type { QueueItem } from '../services/review.service.js';
import type { UploadOutcome } from '../services/upload.service.js';
import type { SearchResults } from '../services/web-search.service.js';
import type { ReviewLogEntry } from '../store/kysely/review.repository.js';
import { openReviewableStore, type ReviewableStore } from '../store/reviewable-store.js';
import { createTestDatabase } from '../store/postgres/testing/test-database.js';
import { buildApp } from './app.js';

const SAMPLES = new URL('../../samples/', import.meta.url);

let dir: string;
let deps: ReviewableStore;
let app: FastifyInstance;

async function getJson<T>(url: string, status = 200): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return response.json<T>();
}

async function postJson<T>(url: string, payload: object, status = 200): Promise<T> {
  const response = await app.inject({ method: 'POST', url, payload });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return response.json<T>();
}

function upload(name: string): Promise<UploadOutcome> {
  const content = readFileSync(new URL(name, SAMPLES)).toString('base64');
  return postJson<UploadOutcome>('/api/ingest', { name, content });
}

async function personId(name: string): Promise<string> {
  const found = await getJson<Array<{ id: string; name: string }>>(`/api/entities?q=${encodeURIComponent(name)}`);
  const hit = found.find((e) => e.name === name);
  expect(hit, `person ${name}`).toBeDefined();
  return (hit as { id: string }).id;
}


/**
 * The web API runs on either store: every case below runs against a SQLite file and, when a server
 * answers, a PostgreSQL database (`chronicle serve --db postgres://…`).
 */
const postgres = await createTestDatabase();
const backends: Array<{ name: string; location: () => string }> = [
  { name: 'SQLite', location: () => join(dir, 'store.db') },
  ...(postgres ? [{ name: 'PostgreSQL', location: () => postgres.url }] : []),
];

afterAll(async () => {
  await postgres?.drop();
});

describe.each(backends)('web API on $name', ({ location }) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-http-'));
    deps = await openReviewableStore(location());
    app = await buildApp({ deps });
    for (const name of readdirSync(SAMPLES).sort()) await upload(name);
  });

  afterAll(async () => {
    await app.close();
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('ingest', () => {
    it('skips bytes already stored and reports them as duplicates', async () => {
      const again = await upload('testimony-almaty.txt');
      expect(again.kind).toBe('text');
      expect(again.documents.map((d) => d.status)).toEqual(['duplicate']);
    });

    it('ingests pasted text and names an unsupported file', async () => {
      const pasted = await postJson<UploadOutcome>('/api/ingest', {
        name: 'note.txt',
        text: 'Journalist Marat Zhanuzakov was arrested in Almaty on 3 March 2021.',
        published: '2021-03-05',
      });
      expect(pasted.documents[0]?.status).toBe('added');
      const bad = await postJson<UploadOutcome>('/api/ingest', { name: 'scan.pdf', text: '%PDF-1.4' });
      expect(bad.documents).toEqual([]);
      expect(bad.errors[0]).toMatch(/scan\.pdf: unsupported file type/);
    });

    it('rejects a body that gives both base64 and text, naming the problem', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { name: 'a.txt', text: 'x', content: 'eA==' } });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(/either content/);
    });
  });

  describe('browse', () => {
    it('summarizes the store on the home route', async () => {
      const home = await getJson<HomeView>('/api/home');
      expect(home.summary.documents).toBe(await deps.store.documents.count());
      expect(home.summary.events).toBeGreaterThan(0);
      expect(home.review.suggested).toBe(home.summary.events - home.review.confirmed - home.review.rejected);
      expect(home.latest.length).toBeGreaterThan(0);
      expect(home.topPeople[0]?.eventCount).toBeGreaterThan(0);
    });

    it('finds an exact phrase and points at it in the text', async () => {
      const results = await getJson<SearchResults>(`/api/search?q=${encodeURIComponent('"refugee status"')}`);
      const hit = results.documents.find((d) => d.documentId === 'testimony-almaty');
      expect(hit).toBeDefined();
      const text = (await deps.store.documents.getText('testimony-almaty')) ?? '';
      expect(text.slice(hit?.start ?? 0, hit?.end ?? 0).toLowerCase()).toBe('refugee status');
    });

    it('filters events by type and review status, and validates filters', async () => {
      const arrests = await getJson<SearchResults>('/api/search?type=arrest');
      expect(arrests.eventTotal).toBeGreaterThan(0);
      expect(arrests.events.every((e) => e.type === 'arrest')).toBe(true);
      const confirmed = await getJson<SearchResults>('/api/search?type=arrest&status=rejected');
      expect(confirmed.eventTotal).toBe(0);
      const bad = await app.inject({ method: 'GET', url: '/api/search?dateFrom=May%202016' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: string }>().message).toMatch(/dateFrom/);
      const badQuery = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('"unclosed')}` });
      expect(badQuery.statusCode).toBe(400);
    });

    it('filters events by a date range that overlaps their interval', async () => {
      const all = await getJson<SearchResults>('/api/search?status=suggested&limit=200');
      const dated = all.events.filter((e) => e.dateFrom !== null);
      expect(dated.length).toBeGreaterThan(0);
      const year = (dated[0] as EventView).dateFrom?.slice(0, 4) as string;
      const inYear = await getJson<SearchResults>(`/api/search?dateFrom=${year}-01-01&dateTo=${year}-12-31&limit=200`);
      expect(inYear.events.length).toBeGreaterThan(0);
      for (const e of inYear.events) {
        expect(e.dateFrom === null || e.dateFrom.slice(0, 4) <= year).toBe(true);
        expect(`${e.dateTo ?? e.dateFrom}~` >= `${year}-01-01`).toBe(true);
      }
    });

    it('serves a case file whose evidence lies at its offsets, with located places', async () => {
      const id = await personId('Aidos Sadykov');
      const view = await getJson<CaseView>(`/api/entities/${encodeURIComponent(id)}`);
      expect(view.person.name).toBe('Aidos Sadykov');
      expect(view.events.length).toBeGreaterThan(0);
      for (const e of view.events) {
        for (const v of e.evidence) {
          const text = (await deps.store.documents.getText(v.documentId)) ?? '';
          expect(text.slice(v.start, v.end)).toBe(v.text);
        }
      }
      expect(view.places.some((p) => p.lat !== null && p.lon !== null)).toBe(true);
      expect(view.documents.map((d) => d.id)).toContain('2023-07-sadykov-dies');
    });

    it('serves a document with spans that match its text', async () => {
      const view = await getJson<DocumentView>('/api/documents/2023-07-sadykov-dies');
      expect(view.document.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(view.mentions.length).toBeGreaterThan(0);
      for (const m of view.mentions) expect(view.text.slice(m.start, m.end)).toBe(m.text);
      for (const e of view.evidence) expect(view.text.slice(e.start, e.end)).toBe(e.text);
    });

    it('hands out original bytes only as a sandboxed download', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/documents/2023-07-sadykov-dies/original' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.headers['content-disposition']).toMatch(/^attachment/);
      expect(response.headers['content-security-policy']).toMatch(/sandbox/);
      expect(response.rawPayload.equals(readFileSync(new URL('2023-07-sadykov-dies.html', SAMPLES)))).toBe(true);
    });

    it('answers unknown ids with a 404 error body', async () => {
      const body = await getJson<{ error: string; message: string }>('/api/entities/nobody:e1', 404);
      expect(body).toEqual({ error: 'not_found', message: 'entity nobody:e1 not found' });
    });
  });

  describe('review', () => {
    it('confirms, corrects and rejects facts, recording each decision', async () => {
      const queue = await getJson<{ total: number; items: QueueItem[] }>('/api/review/queue?limit=3');
      expect(queue.items).toHaveLength(3);
      const [a, b, c] = queue.items.map((i) => i.event.id) as [string, string, string];
      expect(queue.items[0]?.context?.quote).toBe(queue.items[0]?.event.evidence[0]?.text);

      const confirmed = await postJson<EventView>(`/api/events/${encodeURIComponent(a)}/review`, { action: 'confirm' });
      expect(confirmed.status).toBe('confirmed');

      const corrected = await postJson<EventView>(`/api/events/${encodeURIComponent(b)}/review`, {
        action: 'correct',
        changes: { type: 'detention', dateFrom: '2016-05-21', dateTo: null, duration: 'P15D' },
        reason: 'the report says detained for fifteen days',
      });
      expect(corrected).toMatchObject({ type: 'detention', dateFrom: '2016-05-21', dateTo: null, duration: 'P15D', status: 'confirmed' });

      const rejected = await postJson<EventView>(`/api/events/${encodeURIComponent(c)}/review`, { action: 'reject', reason: 'hypothetical' });
      expect(rejected.status).toBe('rejected');

      const after = await getJson<{ total: number }>('/api/review/queue');
      expect(after.total).toBe(queue.total - 3);

      const log = await getJson<ReviewLogEntry[]>(`/api/events/${encodeURIComponent(b)}/log`);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        actor: 'local',
        action: 'correct',
        targetKind: 'event',
        targetId: b,
        reason: 'the report says detained for fifteen days',
        after: { type: 'detention', duration: 'P15D', status: 'confirmed' },
      });
      expect((log[0]?.before as { status: string }).status).toBe('suggested');
      const all = await getJson<ReviewLogEntry[]>('/api/review/log');
      expect(all.map((l) => l.action)).toEqual(['reject', 'correct', 'confirm']);
    });

    it('refuses a correction to an unknown type or a place as subject, changing nothing', async () => {
      const queue = await getJson<{ items: QueueItem[] }>('/api/review/queue?limit=1');
      const item = queue.items[0] as QueueItem;
      const url = `/api/events/${encodeURIComponent(item.event.id)}/review`;
      const badType = await app.inject({ method: 'POST', url, payload: { action: 'correct', changes: { type: 'jaywalking' } } });
      expect(badType.statusCode).toBe(400);
      const place = item.candidates.find((x) => x.type === 'place');
      if (place) {
        const badSubject = await app.inject({ method: 'POST', url, payload: { action: 'correct', changes: { subjectId: place.id } } });
        expect(badSubject.statusCode).toBe(400);
        expect(badSubject.json<{ message: string }>().message).toMatch(/is a place/);
      }
      const log = await getJson<ReviewLogEntry[]>(`/api/events/${encodeURIComponent(item.event.id)}/log`);
      expect(log).toEqual([]);
    });

    it('exports confirmed facts of a case unless asked for more', async () => {
      const id = await personId('Aidos Sadykov');
      const queue = await getJson<{ items: QueueItem[] }>('/api/review/queue?limit=50');
      const his = queue.items.find((i) => i.event.subject?.id === id);
      expect(his).toBeDefined();
      await postJson(`/api/events/${encodeURIComponent(his?.event.id as string)}/review`, { action: 'confirm' });

      const confirmed = await getJson<{ scope: string; events: EventView[] }>(`/api/entities/${encodeURIComponent(id)}/export`);
      expect(confirmed.scope).toBe('confirmed');
      expect(confirmed.events.length).toBeGreaterThan(0);
      expect(confirmed.events.every((e) => e.status === 'confirmed')).toBe(true);
      const more = await getJson<{ events: EventView[] }>(`/api/entities/${encodeURIComponent(id)}/export?scope=reviewable`);
      expect(more.events.length).toBeGreaterThan(confirmed.events.length);

      const csv = await app.inject({ method: 'GET', url: `/api/entities/${encodeURIComponent(id)}/export?format=csv` });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('id,type,subject,agent,place,date_from,date_to,duration,charge,document_id,document_title,evidence,status');
      expect(lines.slice(1).every((l) => l.endsWith(',confirmed'))).toBe(true);
    });

    it('streams the store with confirmed events unless asked for all', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/export?format=json' });
      const everything = await app.inject({ method: 'GET', url: '/api/export?format=jsonl&scope=all' });
      expect(everything.body.trim().split('\n').length).toBe((await getJson<HomeView>('/api/home')).summary.events);
      expect(response.statusCode).toBe(200);
      const data = response.json<{ documents: unknown[]; events: Array<{ status: string }> }>();
      expect(data.documents.length).toBe(await deps.store.documents.count());
      expect(data.events.length).toBeGreaterThan(0);
      expect(data.events.every((e) => e.status === 'confirmed')).toBe(true);
    });
  });

  describe('openapi', () => {
    it('documents every route with its validated parameters', async () => {
      const doc = await getJson<{ openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> }>(
        '/api/openapi.json',
      );
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of ['/api/search', '/api/entities/{id}', '/api/documents/{id}', '/api/review/queue', '/api/events/{id}/review', '/api/ingest', '/api/export']) {
        expect(doc.paths[path], path).toBeDefined();
      }
      const names = (doc.paths['/api/search']?.get?.parameters ?? []).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['q', 'type', 'status', 'dateFrom', 'dateTo', 'place']));
    });

    it('sets a content security policy that allows nothing from outside', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(response.json()).toMatchObject({ ok: true });
    });
  });

  describe('identity review', () => {
    it('merges a second entry into a case file and follows the merged id', async () => {
      const aidos = await personId('Aidos Sadykov');
      const natalya = await personId('Natalya Sadykova');
      const outcome = await postJson<{ survivorId: string; mergedId: string }>(`/api/entities/${encodeURIComponent(aidos)}/merge`, {
        mergedId: natalya,
        reason: 'test of the merge route',
      });
      expect(outcome).toMatchObject({ survivorId: aidos, mergedId: natalya });
      const view = await getJson<CaseView>(`/api/entities/${encodeURIComponent(natalya)}`);
      expect(view.person.id).toBe(aidos);
      expect(view.person.aliases).toContain('Natalya Sadykova');
      const log = await getJson<ReviewLogEntry[]>('/api/review/log?limit=1');
      expect(log[0]).toMatchObject({ action: 'merge', targetKind: 'entity', targetId: aidos, reason: 'test of the merge route' });
    });

    it('refuses a split that would leave the entry without mentions', async () => {
      const aidos = await personId('Aidos Sadykov');
      const response = await app.inject({
        method: 'POST',
        url: `/api/entities/${encodeURIComponent(aidos)}/split`,
        payload: { documents: ['2023-07-sadykov-dies'] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(/without mentions/);
    });
  });
  describe('concurrent writes', () => {
    it('records reviews sent at once, each in its own numbered log entry', async () => {
      const queue = await getJson<{ items: QueueItem[] }>('/api/review/queue?limit=6');
      const ids = queue.items.map((i) => i.event.id);
      expect(ids).toHaveLength(6);
      const before = await getJson<ReviewLogEntry[]>('/api/review/log?limit=500');
      const responses = await Promise.all(
        ids.map((id) => app.inject({ method: 'POST', url: `/api/events/${encodeURIComponent(id)}/review`, payload: { action: 'confirm' } })),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
      const after = await getJson<ReviewLogEntry[]>('/api/review/log?limit=500');
      const added = after.slice(0, after.length - before.length);
      expect(added.map((l) => l.targetId).sort()).toEqual([...ids].sort());
      expect(new Set(after.map((l) => l.seq)).size).toBe(after.length);
    });
  });
});
