import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityFixture, loginEveryRole, type SecurityFixture } from '../../test/security/fixtures.js';
import { buildSecuredApp } from '../../test/security/secured-app.js';
import type { AuditEntry } from '../audit/index.js';
import type { RecordSensitivity } from './http-routes.js';
import type { Role } from './roles.js';

let fx: SecurityFixture;
let app: FastifyInstance;
let cookies: Map<Role, string>;
/** A public person with a `from` attribute, marked confidential on its own in beforeAll. */
let person: string;

function as(role: Role | 'public', url: string) {
  const cookie = role === 'public' ? undefined : cookies.get(role);
  return app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

function lookup(ids: string[]): string {
  return `/api/sensitivity?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`;
}

beforeAll(async () => {
  fx = await buildSecurityFixture();
  app = await buildSecuredApp(fx.deps);
  cookies = await loginEveryRole(app, fx);
  for await (const e of fx.deps.store.entities.iterate({ type: 'person' })) if (e.name === 'Aidos Sadykov') person = e.id;
  const mark = await app.inject({
    method: 'POST',
    url: '/api/mark',
    headers: { cookie: cookies.get('editor') as string, 'sec-fetch-site': 'same-origin' },
    payload: { id: `${person}#from`, level: 'confidential', reason: 'family at risk' },
  });
  expect(mark.statusCode, mark.body).toBe(200);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fx?.dispose();
});

describe('GET /api/sensitivity', () => {
  it('answers the levels of the records the reader may see, and nothing of the others', async () => {
    const docs = [fx.levels.public.document, fx.levels.restricted.document, fx.levels.confidential.document];
    const levelsFor = async (role: Role | 'public') => {
      const response = await as(role, lookup([...docs, 'no-such-record']));
      expect(response.statusCode, response.body).toBe(200);
      return Object.fromEntries(response.json<{ records: RecordSensitivity[] }>().records.map((r) => [r.id, r.level]));
    };
    expect(await levelsFor('editor')).toEqual({
      [fx.levels.public.document]: 'public',
      [fx.levels.restricted.document]: 'restricted',
      [fx.levels.confidential.document]: 'confidential',
    });
    expect(await levelsFor('viewer')).toEqual({ [fx.levels.public.document]: 'public', [fx.levels.restricted.document]: 'restricted' });
    expect(await levelsFor('public')).toEqual({ [fx.levels.public.document]: 'public' });
  });

  it('lists an entity attribute marked on its own only for readers cleared for it', async () => {
    const editor = (await as('editor', lookup([person]))).json<{ records: RecordSensitivity[] }>().records;
    expect(editor).toEqual([{ id: person, level: 'public', attributes: { from: 'confidential' } }]);
    const viewer = (await as('viewer', lookup([person]))).json<{ records: RecordSensitivity[] }>().records;
    expect(viewer).toHaveLength(1);
    expect(viewer[0]?.attributes?.from).toBeUndefined();
  });

  it('refuses no ids and too many ids with a 400 that says why', async () => {
    const none = await as('editor', '/api/sensitivity');
    expect(none.statusCode).toBe(400);
    expect(none.json<{ message: string }>().message).toMatch(/id/);
    const many = await as('editor', lookup(Array.from({ length: 201 }, (_, i) => `doc-${i}`)));
    expect(many.statusCode).toBe(400);
    expect(many.json<{ message: string }>().message).toMatch(/at most 200/);
  });

  it('answers any query string with 200 or a clear 400, never a crash', async () => {
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '%00', '%', '😀', '#', 'a'.repeat(500), `${person}#from`));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('id', 'id[]', 'ids', 'x'), value), { maxLength: 6 }), async (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const response = await as('viewer', `/api/sensitivity?${q}`);
        expect([200, 400], `${q}: ${response.body}`).toContain(response.statusCode);
        if (response.statusCode === 400) expect(response.json<{ message: string }>().message).toMatch(/id/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('GET /api/history/:id', () => {
  it("includes an entity's attribute marks for readers cleared for them, with who and why", async () => {
    const editor = (await as('editor', `/api/history/${encodeURIComponent(person)}`)).json<AuditEntry[]>();
    const mark = editor.find((e) => e.targetId === `${person}#from`);
    expect(mark).toMatchObject({ actor: 'editor', action: 'mark', reason: 'family at risk', after: { sensitivity: 'confidential' } });
    const viewer = await as('viewer', `/api/history/${encodeURIComponent(person)}`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<AuditEntry[]>().some((e) => e.targetId === `${person}#from`)).toBe(false);
  });

  it("answers an attribute's own history by ENTITY#attribute, as 404 for a reader not cleared for it", async () => {
    const url = `/api/history/${encodeURIComponent(`${person}#from`)}`;
    const editor = await as('editor', url);
    expect(editor.statusCode).toBe(200);
    expect(editor.json<AuditEntry[]>().map((e) => e.reason)).toEqual(['family at risk']);
    expect((await as('viewer', url)).statusCode).toBe(404);
    expect((await as('viewer', `/api/history/${encodeURIComponent(`${person}#roles`)}`)).statusCode).toBe(200);
  });
});
