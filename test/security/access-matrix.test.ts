import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sensitivity } from '../../src/domain/chronicle-json.js';
import { SESSION_COOKIE } from '../../src/auth/index.js';
import { can, clearanceOf, type Principal } from '../../src/auth/roles.js';
import { canRead } from '../../src/protect/sensitivity.js';
import { buildSecurityFixture, type SecurityFixture } from './fixtures.js';
import { buildSecuredApp } from './secured-app.js';

const PRINCIPALS: Principal[] = ['public', 'viewer', 'contributor', 'editor', 'admin'];
const LEVELS: Sensitivity[] = ['public', 'restricted', 'confidential'];

let fx: SecurityFixture;
let app: FastifyInstance;
const sessions = new Map<Principal, { cookie: string; csrf: string }>();

async function login(name: string, password: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password }, remoteAddress });
}

beforeAll(async () => {
  fx = await buildSecurityFixture();
  app = await buildSecuredApp(fx.deps);
  for (const role of ['admin', 'editor', 'contributor', 'viewer'] as const) {
    const response = await login(role, fx.passwords[role]);
    expect(response.statusCode, response.body).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const token = /chronicle_session=([^;]+)/.exec(setCookie)?.[1] as string;
    sessions.set(role, { cookie: `${SESSION_COOKIE}=${token}`, csrf: (response.json() as { csrfToken: string }).csrfToken });
  }
}, 60_000);

afterAll(async () => {
  await app.close();
  await fx.dispose();
});

function as(principal: Principal, options: { method?: 'GET' | 'POST'; url: string; payload?: unknown; csrf?: boolean }) {
  const session = sessions.get(principal);
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (options.csrf !== false) headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method: options.method ?? 'GET',
    url: options.url,
    headers,
    ...(options.payload !== undefined ? { payload: options.payload as Record<string, unknown> } : {}),
  });
}

describe.each(PRINCIPALS)('%s', (principal) => {
  it.each(LEVELS)('reads a %s document, entity (case file), original and event log only when cleared', async (level) => {
    const allowed = canRead(clearanceOf(principal), level);
    const records = fx.levels[level];
    for (const url of [
      `/api/documents/${records.document}`,
      `/api/documents/${records.document}/original`,
      `/api/entities/${records.entity}`,
      `/api/events/${records.event}/log`,
    ]) {
      const response = await as(principal, { url });
      expect(response.statusCode, `${principal} GET ${url}`).toBe(allowed ? 200 : 404);
    }
  });

  it('finds in search only what it may read, and never the text above its clearance', async () => {
    for (const level of LEVELS) {
      const response = await as(principal, { url: `/api/search?q=${fx.levels[level].word}` });
      expect(response.statusCode).toBe(200);
      const allowed = canRead(clearanceOf(principal), level);
      const body = response.body;
      // Confidential texts are encrypted and left out of the index: nobody finds them by search.
      if (allowed && level !== 'confidential') expect(body, `${principal} searching ${level}`).toContain(fx.levels[level].document);
      else {
        expect(body, `${principal} searching ${level}`).not.toContain(`"${fx.levels[level].document}"`);
        expect(body.toLowerCase()).not.toContain(fx.levels[level].word.toLowerCase() === 'almaty' ? 'detained for 15 days' : fx.levels[level].word);
      }
    }
  });

  it('lists and counts only the events it may read, in search filters and the review queue', async () => {
    const readable = new Set<string>();
    for await (const event of fx.deps.store.events.iterate()) {
      if (event.status === 'suggested' && canRead(clearanceOf(principal), event.sensitivity)) readable.add(event.id);
    }
    const search = await as(principal, { url: '/api/search?status=suggested&limit=200' });
    expect(search.statusCode).toBe(200);
    const found = search.json<{ events: Array<{ id: string }>; eventTotal: number }>();
    expect(found.eventTotal, `${principal}: search total`).toBe(readable.size);
    expect(new Set(found.events.map((e) => e.id))).toEqual(readable);
    const queue = await as(principal, { url: '/api/review/queue?limit=50' });
    if (queue.statusCode === 200) {
      const listed = queue.json<{ total: number; items: Array<{ event: { id: string } }> }>();
      expect(listed.total, `${principal}: queue total`).toBe(readable.size);
      expect(new Set(listed.items.map((i) => i.event.id))).toEqual(readable);
    }
  });

  it('exports the whole store in full only with confidential clearance, else the public export', async () => {
    const response = await as(principal, { url: '/api/export?text=true&scope=all' });
    expect(response.statusCode).toBe(200);
    const full = clearanceOf(principal) === 'confidential';
    for (const level of LEVELS) {
      const shown = response.body.includes(`"id":"${fx.levels[level].document}"`);
      expect(shown, `${principal} export holds ${level} document`).toBe(full || level === 'public');
    }
    if (!full) expect(response.body).not.toContain('absurd');
    const csv = await as(principal, { url: '/api/export?format=csv' });
    expect(csv.statusCode).toBe(full ? 200 : 403);
  });

  it('exports a case file (the data of the printable case file) only as editor or admin, and only one it may read', async () => {
    for (const level of LEVELS) {
      const response = await as(principal, { url: `/api/entities/${fx.levels[level].entity}/export` });
      const expected = !canRead(clearanceOf(principal), level) ? 404 : clearanceOf(principal) === 'confidential' ? 200 : 403;
      expect(response.statusCode, `${principal} case export ${level}`).toBe(expected);
    }
  });

  it('reviews only with the review permission and the CSRF token', async () => {
    const url = `/api/events/${fx.levels.public.event}/review`;
    const payload = { action: 'confirm', reason: 'matrix' };
    const response = await as(principal, { method: 'POST', url, payload });
    const expected = can(principal, 'review') ? 200 : principal === 'public' ? 401 : 403;
    expect(response.statusCode, `${principal} review: ${response.body}`).toBe(expected);
    if (principal !== 'public') {
      const noToken = await as(principal, { method: 'POST', url, payload, csrf: false });
      expect(noToken.statusCode).toBe(403);
    }
  });

  it('ingests only as contributor, editor or admin', async () => {
    const payload = { name: `${principal}.txt`, text: `Journalist ${principal} Bekov was arrested in Osh on 3 March 2021.` };
    const response = await as(principal, { method: 'POST', url: '/api/ingest', payload });
    const expected = can(principal, 'ingest') ? 200 : principal === 'public' ? 401 : 403;
    expect(response.statusCode, `${principal} ingest: ${response.body}`).toBe(expected);
  });
});

describe('marks and history', () => {
  it.each(PRINCIPALS)('%s marks only with the mark permission; history follows the record', async (principal) => {
    const id = fx.levels.restricted.event;
    const response = await as(principal, { method: 'POST', url: '/api/mark', payload: { id, level: 'restricted', reason: principal } });
    const expected = can(principal, 'mark') ? 200 : principal === 'public' ? 401 : 403;
    expect(response.statusCode, response.body).toBe(expected);
    for (const level of LEVELS) {
      const history = await as(principal, { url: `/api/history/${fx.levels[level].document}` });
      expect(history.statusCode, `${principal} history of ${level}`).toBe(canRead(clearanceOf(principal), level) ? 200 : 404);
    }
  });

  it('records who marked what, with the reason, in the history', async () => {
    const id = fx.levels.public.entity;
    await as('editor', { method: 'POST', url: '/api/mark', payload: { id, level: 'restricted', reason: 'family at risk' } });
    const history = (await as('admin', { url: `/api/history/${id}` })).json() as Array<{ actor: string; action: string; reason: string }>;
    expect(history.at(-1)).toMatchObject({ actor: 'editor', action: 'mark', reason: 'family at risk' });
    await as('editor', { method: 'POST', url: '/api/mark', payload: { id, level: 'public' } });
    const bad = await as('editor', { method: 'POST', url: '/api/mark', payload: { id, level: 'secret' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('attributes', () => {
  it('hides an attribute marked above the reader, and values learnt only from unreadable reports', async () => {
    const id = fx.levels.public.entity;
    const mark = await as('editor', { method: 'POST', url: '/api/mark', payload: { id: `${id}#from`, level: 'confidential' } });
    expect(mark.statusCode, mark.body).toBe(200);
    type CaseBody = { attributes: Array<{ key: string; value: unknown }> };
    const editor = (await as('editor', { url: `/api/entities/${id}` })).json() as CaseBody;
    const viewer = (await as('viewer', { url: `/api/entities/${id}` })).json() as CaseBody;
    expect(editor.attributes.some((a) => a.key === 'from')).toBe(true);
    expect(viewer.attributes.some((a) => a.key === 'from')).toBe(false);
    // "civic activist" is known only from the confidential report.
    expect(JSON.stringify(editor.attributes)).toContain('civic activist');
    expect(JSON.stringify(viewer.attributes)).not.toContain('civic activist');
    expect(JSON.stringify(viewer.attributes)).toContain('journalist');
    expect(JSON.stringify(viewer), 'anywhere in the case file').not.toContain('civic activist');
  });

  it('answers a merged-away id with the level of the entity it now names', async () => {
    const { sensitivityOf } = await import('../../src/protect/sensitivity.js');
    const { execRaw } = await import('../../src/store/security-schema.js');
    await execRaw(fx.deps.store, `insert into entity_redirects (from_id, to_id) values ('gone-1', '${fx.levels.confidential.entity}')`);
    expect(await sensitivityOf(fx.deps.store, 'gone-1')).toBe('confidential');
    expect((await as('viewer', { url: '/api/entities/gone-1' })).statusCode).toBe(404);
  });
});

describe('audit chain', () => {
  it('records writes through the API with the reviewer, and verifies once sealed', async () => {
    const { sealAuditLog, verifyAuditLog } = await import('../../src/audit/index.js');
    const { securityDb } = await import('../../src/store/security-schema.js');
    const response = await as('editor', { method: 'POST', url: `/api/events/${fx.levels.restricted.event}/review`, payload: { action: 'reject', reason: 'duplicate' } });
    expect(response.statusCode).toBe(200);
    await sealAuditLog(fx.deps.store);
    const pending = await securityDb(fx.deps.store).selectFrom('audit_log').select('seq').where('hash', 'is', null).execute();
    expect(pending).toEqual([]);
    const last = await securityDb(fx.deps.store).selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ actor: 'editor', action: 'review.reject', reason: 'duplicate' });
    expect(await verifyAuditLog(fx.deps.store)).toMatchObject({ ok: true });
  });
});

describe('sessions and logins', () => {
  it('refuses a cross-site write even with a valid session and token', async () => {
    const session = sessions.get('editor')!;
    const response = await app.inject({
      method: 'POST',
      url: `/api/events/${fx.levels.public.event}/review`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example', host: 'localhost' },
      payload: { action: 'confirm' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers a wrong password like an unknown name, and rate-limits failed logins', async () => {
    // From another address, so the limit does not lock out the other tests.
    const wrong = await login('viewer', 'not-the-password', '10.0.0.9');
    const unknown = await login('nobody', 'not-the-password', '10.0.0.9');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    let last = wrong;
    for (let i = 0; i < 6; i++) last = await login('viewer', 'still-wrong-123', '10.0.0.9');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  }, 30_000);

  it('ends a session on logout', async () => {
    const response = await login('admin', fx.passwords.admin);
    const cookie = `${SESSION_COOKIE}=${/chronicle_session=([^;]+)/.exec(String(response.headers['set-cookie']))?.[1]}`;
    const csrf = (response.json() as { csrfToken: string }).csrfToken;
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ name: 'admin', role: 'admin' });
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.json()).toMatchObject({ name: null, role: 'public' });
  });
});
