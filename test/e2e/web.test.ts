import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { openReviewableStore, type ReviewableStore } from '../../src/store/reviewable-store.js';
import { chromiumPresent, launchChromium, listenLocally } from '../support/browser.js';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));
/** Set E2E_SCREENSHOTS to a folder to keep a PNG of each page visited. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const present = chromiumPresent('browser tests');

let dir: string;
let deps: ReviewableStore;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
const outside: string[] = [];

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!present)('web app in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
    }
    dir = mkdtempSync(join(tmpdir(), 'chronicle-e2e-'));
    deps = await openReviewableStore(join(dir, 'store.db'));
    app = await buildApp({ deps, webRoot: WEB_ROOT });
    base = await listenLocally(app);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await deps?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the sample files from the browser with per-file progress', async () => {
    await page.goto(`${base}/ingest`);
    const files = readdirSync(SAMPLES).map((f) => join(SAMPLES, f));
    await page.setInputFiles('input[type=file]', files);
    await page.getByText(`Progress: ${files.length} of ${files.length}`).waitFor();
    expect(await page.locator('.job-failed').count()).toBe(0);
    expect(await page.getByText(/added: \d+ (person|people), \d+ events?/).count()).toBeGreaterThanOrEqual(files.length);
    await shot('ingest');
    // A file Chronicle cannot read gets its own error line; the others are unaffected.
    await page.setInputFiles('input[type=file]', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByText('scan.pdf: unsupported file type', { exact: false }).waitFor();
  });

  it('shows the store on the overview and finds a person by search', async () => {
    await page.goto(base);
    const documents = await deps.store.documents.count();
    await expect.poll(() => page.locator('.stat').first().textContent()).toContain(String(documents));
    await shot('home');
    await page.fill('#home-q', 'Sadykov');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=Sadykov/);
    await page.getByRole('link', { name: 'Aidos Sadykov' }).first().waitFor();
    await shot('search');
    await page.getByRole('link', { name: 'Aidos Sadykov' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Aidos Sadykov' }).waitFor();
  });

  it('draws the case file: timeline, offline map, events with sources', async () => {
    await page.locator('.timeline svg .mark').first().waitFor();
    await page.locator('.case-map svg .land').first().waitFor();
    expect(await page.locator('.case-map .place').count()).toBeGreaterThan(0);
    expect(await page.locator('.event-list > li').count()).toBeGreaterThan(0);
    expect(await page.locator('.event-list .badge.status-suggested').count()).toBeGreaterThan(0);
    await shot('person');
    // A citation opens the report at the quoted spot.
    const quote = (await page.locator('.event-list blockquote').first().textContent())?.replace(/^“|”$/g, '') ?? '';
    await page.locator('.event-list .cite').first().click();
    await page.waitForURL(/\/documents\/.+\?at=\d+-\d+/);
    await page.locator('.doc-text .target').first().waitFor();
    const target = (await page.locator('.doc-text .target').allTextContents()).join('');
    expect(target).toBe(quote);
    expect(await page.locator('.doc-text a.ent-person').count()).toBeGreaterThan(0);
    await shot('document');
  });

  it('reviews from the keyboard: confirm, correct, reject, each logged', async () => {
    await page.goto(`${base}/review`);
    await page.locator('.review-card').waitFor();
    const total = Number((await page.locator('.review-head p').textContent())?.match(/of (\d+)/)?.[1]);
    await shot('review');
    await page.keyboard.press('c');
    await page.getByText(/^Confirmed:/).waitFor();
    await page.getByText(`1 of ${total - 1} suggested facts`).waitFor();
    await page.keyboard.press('e');
    await page.locator('.correct-form').waitFor();
    const typeSelect = page.locator('.correct-form select').first();
    const newType = (await typeSelect.inputValue()) === 'detention' ? 'exile' : 'detention';
    await typeSelect.selectOption(newType);
    await page.locator('.correct-form textarea').fill('held, not arrested');
    await shot('review-correct');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Corrected and confirmed: /).waitFor();
    // The next fact must be on screen before its key is pressed.
    await page.getByText(`1 of ${total - 2} suggested facts`).waitFor();
    await page.keyboard.press('r');
    await page.getByText(/^Rejected:/).waitFor();
    const log = await deps.review.listLog();
    expect(log.map((l) => l.action)).toEqual(['reject', 'correct', 'confirm']);
    expect(log[1]?.reason).toBe('held, not arrested');
    expect(log[1]?.after).toMatchObject({ type: newType, status: 'confirmed' });
    await page.locator('table.log tr').nth(2).waitFor();
  });

  it('exports a case with confirmed facts and prints it with citations', async () => {
    const [person] = await deps.review.topSubjects('person', 1);
    expect(person).toBeDefined();
    const id = encodeURIComponent(person?.id ?? '');
    const data = await (await page.request.get(`${base}/api/entities/${id}/export?format=json`)).json() as { events: Array<{ status: string }> };
    expect(data.events.every((e) => e.status === 'confirmed')).toBe(true);
    await page.goto(`${base}/entities/${id}/print?scope=reviewable`);
    await page.getByRole('heading', { name: `Case file: ${person?.name}` }).waitFor();
    expect(await page.locator('.print-events tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.sources li').count()).toBeGreaterThan(0);
    await shot('print');
    await page.goto(`${base}/export`);
    await page.getByRole('link', { name: 'Chronicle JSON' }).first().waitFor();
    await shot('export');
  });

  it('loaded nothing from outside the server', () => {
    expect(outside).toEqual([]);
  });
});
