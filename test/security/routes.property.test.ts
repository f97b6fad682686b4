import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityFixture, type SecurityFixture } from './fixtures.js';
import { buildSecuredApp } from './secured-app.js';

let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  // Single-user mode: every request reaches its handler, so the handlers' own input checks are tested.
  fx = await buildSecurityFixture({ accounts: false });
  app = await buildSecuredApp(fx.deps);
}, 60_000);

afterAll(async () => {
  await app.close();
  await fx.dispose();
});

const GET_ROUTES = [
  '/api/documents/ID',
  '/api/documents/ID/original',
  '/api/entities/ID',
  '/api/entities/ID/export',
  '/api/events/ID/log',
  '/api/history/ID',
  '/api/search',
  '/api/entities',
  '/api/review/queue',
  '/api/review/log',
  '/api/export',
  '/api/home',
];
const POST_ROUTES = ['/api/events/ID/review', '/api/ingest', '/api/mark', '/api/entities/ID/merge', '/api/entities/ID/split', '/api/auth/login'];

const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', '%', '😀', 'a'.repeat(500)));
const query = fc.dictionary(
  fc.constantFrom('q', 'limit', 'offset', 'format', 'scope', 'text', 'status', 'type', 'place', 'from', 'to'),
  fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '1e9', 'NaN', '"', '*', 'OR')),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ action: fc.string(), reason: fc.string(), changes: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record({ name: fc.string(), text: fc.string(), content: fc.string(), kind: fc.string() }, { requiredKeys: [] }),
  fc.record({ id: fc.string(), level: fc.string() }, { requiredKeys: [] }),
);

function url(template: string, id: string, params: Record<string, string>): string {
  const path = template.replace('ID', encodeURIComponent(id));
  const qs = new URLSearchParams(params).toString();
  return qs ? `${path}?${qs}` : path;
}

describe('every API route under arbitrary input', () => {
  it('answers GETs with a success or a clear 4xx, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GET_ROUTES), segment, query, async (template, id, params) => {
        const response = await app.inject({ method: 'GET', url: url(template, id, params) });
        expect(response.statusCode, `${template} ${response.body.slice(0, 200)}`).toBeLessThan(500);
        if (response.statusCode >= 400) expect((response.json() as { message: string }).message).toBeTruthy();
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers POSTs of arbitrary JSON with a success or a clear 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...POST_ROUTES), segment, body, async (template, id, payload) => {
        const response = await app.inject({
          method: 'POST',
          url: url(template, id, {}),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(response.statusCode, `${template} ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('refuses malformed bodies and unknown content types with 4xx', async () => {
    for (const [type, payload] of [
      ['application/json', '{"name": '],
      ['application/json', '\u0000\u0001'],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'name=%E0%A4%A&password=x'],
    ] as const) {
      const response = await app.inject({ method: 'POST', url: '/api/ingest', headers: { 'content-type': type }, payload });
      expect(response.statusCode, `${type}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});

describe('limits', () => {
  it('refuses an upload over the size limit with 413', async () => {
    const big = Buffer.alloc(31 * 1024 * 1024, 97);
    const response = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.concat([Buffer.from('{"name":"a.txt","text":"'), big, Buffer.from('"}')]),
    });
    expect(response.statusCode).toBe(413);
  });

  it('answers 429 with Retry-After once a client exceeds its request rate', async () => {
    const limited = await buildSecuredApp(fx.deps, { requestsPerMinute: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await limited.inject({ url: '/api/health' })).statusCode);
      expect(codes.slice(0, 5).every((c) => c !== 429)).toBe(true);
      const last = await limited.inject({ url: '/api/home' });
      expect(last.statusCode).toBe(429);
      expect(last.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
