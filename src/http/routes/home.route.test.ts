import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityFixture, loginEveryRole, type SecurityFixture } from '../../../test/security/fixtures.js';
import { buildSecuredApp } from '../../../test/security/secured-app.js';
import { clearanceOf, type Principal } from '../../auth/roles.js';
import type { Sensitivity } from '../../domain/chronicle-json.js';
import { canRead } from '../../protect/sensitivity.js';
import type { HomeView } from '../../services/home.service.js';

const PRINCIPALS: Principal[] = ['public', 'viewer', 'contributor', 'editor', 'admin'];

let fx: SecurityFixture;
let app: FastifyInstance;
let cookies: Map<Principal, string>;

/** What a reader cleared up to `clearance` should be told, counted record by record from the store. */
async function expectedCounts(clearance: Sensitivity) {
  const readable = (level: Sensitivity): boolean => canRead(clearance, level);
  const { store } = fx.deps;
  let documents = 0;
  for await (const d of store.documents.iterate()) if (readable(d.sensitivity)) documents++;
  const entities = { person: 0, organization: 0, place: 0 };
  for await (const e of store.entities.iterate()) if (readable(e.sensitivity)) entities[e.type]++;
  const byStatus = { suggested: 0, confirmed: 0, rejected: 0 };
  let events = 0;
  for await (const e of store.events.iterate()) {
    if (!readable(e.sensitivity)) continue;
    events++;
    byStatus[e.status]++;
  }
  return { documents, people: entities.person, organizations: entities.organization, places: entities.place, events, byStatus };
}

async function home(principal: Principal): Promise<HomeView> {
  const cookie = cookies.get(principal);
  const response = await app.inject({ method: 'GET', url: '/api/home', headers: cookie ? { cookie } : {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<HomeView>();
}

beforeAll(async () => {
  fx = await buildSecurityFixture();
  app = await buildSecuredApp(fx.deps);
  cookies = await loginEveryRole(app, fx);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fx?.dispose();
});

describe('GET /api/home counts only what the reader may read', () => {
  it.each(PRINCIPALS)('%s', async (principal) => {
    const clearance = clearanceOf(principal);
    const view = await home(principal);
    const expected = await expectedCounts(clearance);
    expect(view.summary).toMatchObject({
      documents: expected.documents,
      people: expected.people,
      organizations: expected.organizations,
      places: expected.places,
      events: expected.events,
    });
    expect(view.review).toEqual(expected.byStatus);
    expect(view.eventTypes.reduce((n, t) => n + t.count, 0)).toBe(expected.events);
    // One report per level in the fixture: the reader sees exactly those of the levels they are cleared for.
    const levels = (['public', 'restricted', 'confidential'] as const).filter((l) => canRead(clearance, l));
    expect(view.summary.documents).toBe(levels.length);
    expect(view.latest.map((d) => d.id).sort()).toEqual(levels.map((l) => fx.levels[l].document).sort());
    for (const person of view.topPeople) {
      const entity = await fx.deps.store.entities.get(person.id);
      expect(entity && canRead(clearance, entity.sensitivity), `${principal} sees ${person.name}`).toBe(true);
    }
  });

  it('tells a viewer less than an editor when a confidential report exists', async () => {
    const viewer = await home('viewer');
    const editor = await home('editor');
    expect(editor.summary.documents).toBe(viewer.summary.documents + 1);
    expect(editor.summary.events).toBeGreaterThan(viewer.summary.events);
    expect(editor.summary.people).toBeGreaterThan(viewer.summary.people);
    expect(viewer.latest.map((d) => d.id)).not.toContain(fx.levels.confidential.document);
    expect(editor.latest.map((d) => d.id)).toContain(fx.levels.confidential.document);
  });

  it('follows a new mark at once: a report marked public counts for the public', async () => {
    const before = await home('public');
    const mark = await app.inject({
      method: 'POST',
      url: '/api/mark',
      headers: { cookie: cookies.get('editor') as string, 'sec-fetch-site': 'same-origin' },
      payload: { id: fx.levels.restricted.document, level: 'public', reason: 'published by the family' },
    });
    expect(mark.statusCode, mark.body).toBe(200);
    const after = await home('public');
    expect(after.summary.documents).toBe(before.summary.documents + 1);
    expect(after.latest.map((d) => d.id)).toContain(fx.levels.restricted.document);
    expect((await home('viewer')).summary.documents).toBe(2);
  });
});
