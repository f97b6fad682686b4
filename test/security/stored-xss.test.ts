import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { openReviewableStore, type ReviewableStore } from '../../src/store/reviewable-store.js';
import { chromiumPresent, launchChromium, listenLocally } from '../support/browser.js';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));
const present = chromiumPresent('stored-XSS browser test');

// Markup that runs script if any page ever inserts stored text as HTML.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<svg onload="window.__xss=(window.__xss||0)+1"></svg>',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '<a href="javascript:window.__xss=1">Ablai Zhunusov</a>',
];
const HOSTILE_HTML = `<!doctype html><html><head><title>Detained &lt;img src=x onerror="window.__xss=1"&gt; in Almaty</title>
<script>window.__xss = 'ran at ingest';</script></head><body><article>
<h1>Journalist Ablai Zhunusov detained &lt;img src=x onerror="window.__xss=1"&gt;</h1>
<p onclick="window.__xss=1">Police in Almaty detained journalist Ablai Zhunusov on 3 March 2021.
He wrote: ${PAYLOADS.map((p) => p.replaceAll('<', '&lt;').replaceAll('>', '&gt;')).join(' ')}</p>
<iframe src="javascript:parent.__xss=1"></iframe><img src=x onerror="window.__xss=1">
</article></body></html>`;
const HOSTILE_TEXT = `Activist Dana Sergazina was arrested in Astana on 5 May 2022. ${PAYLOADS.join(' ')}`;

let dir: string;
let deps: ReviewableStore;
let app: FastifyInstance;
let browser: Browser;
let base: string;

describe.skipIf(!present)('ingested HTML never runs in the app', () => {
  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
    }
    dir = mkdtempSync(join(tmpdir(), 'chronicle-xss-'));
    deps = await openReviewableStore(join(dir, 'store.db'));
    app = await buildApp({ deps, webRoot: WEB_ROOT });
    base = await listenLocally(app);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await deps?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows hostile markup from HTML and text reports as text on every page', async () => {
    const ids: string[] = [];
    for (const [name, text] of [['hostile.html', HOSTILE_HTML], ['hostile.txt', HOSTILE_TEXT]] as const) {
      const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { name, text } });
      expect(response.statusCode, response.body).toBe(200);
      const outcome = response.json() as { documents: Array<{ id: string }> };
      ids.push(...outcome.documents.map((d) => d.id));
    }
    expect(ids).toHaveLength(2);
    const people = (await app.inject({ url: '/api/entities?q=a' })).json() as Array<{ id: string }>;
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const urls = [
      '/',
      ...ids.map((id) => `/documents/${encodeURIComponent(id)}`),
      '/search?q=onerror',
      '/search?q=script',
      '/review',
      ...people.slice(0, 4).map((p) => `/entities/${encodeURIComponent(p.id)}`),
      ...people.slice(0, 2).map((p) => `/entities/${encodeURIComponent(p.id)}/print?scope=all`),
    ];
    let shownAsText = 0;
    for (const url of urls) {
      await page.goto(`${base}${url}`);
      await page.waitForLoadState('networkidle');
      // A string, so the test type-checks without the DOM library; it runs in the page.
      const state = (await page.evaluate(`({
        xss: window.__xss ?? null,
        injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), iframe, [onerror], [onclick]').length,
        text: document.body.innerText,
      })`)) as { xss: unknown; injected: number; text: string };
      expect(state.xss, url).toBeNull();
      expect(state.injected, url).toBe(0);
      if (state.text.includes('onerror=')) shownAsText += 1;
    }
    expect(dialogs).toEqual([]);
    // The hostile strings are there, visibly, as text: escaped rather than dropped.
    expect(shownAsText).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});
