import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { buildSecurityFixture, type SecurityFixture } from './fixtures.js';

let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await buildSecurityFixture();
  app = await buildApp({ deps: fx.deps });
}, 60_000);

afterAll(async () => {
  await app.close();
  await fx.dispose();
});

describe('the web server as `chronicle serve` builds it', () => {
  it('needs a session for writes and hides what the public may not read once accounts exist', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/ingest', payload: { name: 'a.txt', text: 'x' } })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/documents/${fx.levels.restricted.document}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/documents/${fx.levels.public.document}` })).statusCode).toBe(200);
    expect((await app.inject({ url: '/login' })).body).toMatch(/<form method="post" action="\/api\/auth\/login">/);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'editor', password: fx.passwords.editor } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const review = await app.inject({
      method: 'POST',
      url: `/api/events/${fx.levels.public.event}/review`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { action: 'confirm', reason: 'seen in court records' },
    });
    expect(review.statusCode, review.body).toBe(200);
    const log = (await app.inject({ url: `/api/events/${fx.levels.public.event}/log`, headers: { cookie } })).json() as Array<{ actor: string }>;
    expect(log[0]?.actor).toBe('editor');
  });
});
