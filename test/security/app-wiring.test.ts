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
  it('sends a form login back to the page it came from, on this server only, and a failed one back to the form', async () => {
    const form = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    const back = await form({ name: 'viewer', password: fx.passwords.viewer, next: '/entities/x?tab=history' });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/entities/x?tab=history');
    expect(String(back.headers['set-cookie'])).toMatch(/HttpOnly/);
    for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'entities', '/a\nb']) {
      const response = await form({ name: 'viewer', password: fx.passwords.viewer, next: elsewhere });
      expect(response.headers.location, elsewhere).toBe('/');
    }
    const failed = await form({ name: 'viewer', password: 'wrong password', next: '/search' });
    expect(failed.statusCode).toBe(303);
    expect(failed.headers.location).toBe('/login?failed=credentials&next=%2Fsearch');
    const page = await app.inject({ url: failed.headers.location as string });
    expect(page.body).toContain('Wrong name, password or two-factor code.');
    expect(page.body).toContain('<input type="hidden" name="next" value="/search">');
    // What comes back into the page is escaped, and a foreign target is dropped before it gets there.
    const hostile = await app.inject({ url: `/login?next=${encodeURIComponent('/"><script>alert(1)</script>')}` });
    expect(hostile.body).not.toContain('<script>');
    expect(hostile.body).toContain('value="/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect((await app.inject({ url: '/login?next=//evil.example' })).body).not.toContain('evil.example');
  });

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
