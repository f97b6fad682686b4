import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/roles.js';
import { buildApp } from '../../src/http/app.js';
import { buildSecurityFixture, type SecurityFixture } from '../security/fixtures.js';
import { chromiumPresent, launchChromium, listenLocally } from '../support/browser.js';

/** Set E2E_SCREENSHOTS to a folder to keep a PNG of the screens under test. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const present = chromiumPresent('protection screens browser test');

let dir: string;
let fx: SecurityFixture;
let app: FastifyInstance;
let browser: Browser;
let base: string;
/** Aidos Sadykov: a public person with a `from` attribute (Aktobe) learnt from a public report. */
let person: { id: string; name: string };
const contexts: BrowserContext[] = [];

/** A fresh browser profile logged in through the server's login page. */
async function loginAs(role: Role): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#name', role);
  await page.fill('#password', fx.passwords[role]);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/`);
  // The fixture's account names are their roles: the bar shows both, the name and a role badge.
  await page.locator('.account .account-name', { hasText: role }).waitFor();
  await page.locator(`.account .badge.role-${role}`).waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function reportsCount(page: Page): Promise<number> {
  await page.goto(`${base}/`);
  const stat = page.locator('.stat', { hasText: 'Reports' }).locator('.stat-n');
  await stat.waitFor();
  return Number((await stat.textContent())?.replace(/\D/g, ''));
}

async function openCase(page: Page): Promise<void> {
  await page.goto(`${base}/entities/${encodeURIComponent(person.id)}`);
  await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
  await page.locator('#history table').waitFor();
}

describe.skipIf(!present)('sign-in, sensitivity and history screens in Chromium', () => {
  beforeAll(async () => {
    // Built afresh into a temp folder: the screens under test must be in the bundle, whatever web/dist holds.
    dir = mkdtempSync(join(tmpdir(), 'chronicle-protect-e2e-'));
    const webRoot = join(dir, 'web');
    const { build } = await import('vite');
    await build({
      configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      build: { outDir: webRoot, emptyOutDir: true },
    });
    fx = await buildSecurityFixture();
    for await (const e of fx.deps.store.entities.iterate({ type: 'person' })) {
      if (e.name === 'Aidos Sadykov') person = { id: e.id, name: e.name };
    }
    expect(person, 'the fixture names Aidos Sadykov').toBeDefined();
    app = await buildApp({ deps: fx.deps, webRoot });
    base = await listenLocally(app);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await fx?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts on the overview only what the reader may read', async () => {
    const viewer = await loginAs('viewer');
    const editor = await loginAs('editor');
    // One report per level: the viewer is not cleared for the confidential one.
    expect(await reportsCount(viewer)).toBe(2);
    expect(await reportsCount(editor)).toBe(3);
    await expect.poll(() => viewer.locator('.doc-list li').count()).toBe(2);
    expect(await viewer.locator('.doc-list .badge.level-confidential').count()).toBe(0);
    expect(await editor.locator('.doc-list .badge.level-confidential').count()).toBe(1);
    await shot(viewer, 'overview-viewer');
    await shot(editor, 'overview-editor');
  });

  it('shows a viewer the levels but no control to change them', async () => {
    const viewer = await loginAs('viewer');
    await openCase(viewer);
    await viewer.locator('.level-line .badge.level-public').waitFor();
    await viewer.locator('[data-attribute="from"] .badge.level-public').waitFor();
    expect(await viewer.locator('.event-list .badge.level').count()).toBeGreaterThan(0);
    expect(await viewer.getByRole('button', { name: /^Change sensitivity/ }).count()).toBe(0);
    await shot(viewer, 'case-viewer');
    await viewer.goto(`${base}/documents/${encodeURIComponent(fx.levels.restricted.document)}`);
    await viewer.locator('.level-line .badge.level-restricted').waitFor();
    await viewer.locator('#history table').waitFor();
    expect(await viewer.getByRole('button', { name: /^Change sensitivity/ }).count()).toBe(0);
  });

  it('lets an editor mark an attribute confidential: the viewer no longer sees it, the history shows why', async () => {
    const viewer = await loginAs('viewer');
    await openCase(viewer);
    await viewer.locator('[data-attribute="from"]').getByText('Aktobe').waitFor();

    const editor = await loginAs('editor');
    await openCase(editor);
    await editor.getByRole('button', { name: 'Change sensitivity of attribute from' }).click();
    const form = editor.getByRole('form', { name: 'Sensitivity of attribute from' });
    await form.getByLabel('Sensitivity').selectOption('confidential');
    await form.getByLabel('Reason').fill('her family still lives there');
    await shot(editor, 'mark-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await editor.locator('[data-attribute="from"] .badge.level-confidential').waitFor();
    const row = editor.locator('#history tbody tr', { hasText: 'mark · from' });
    await row.waitFor();
    expect(await row.textContent()).toContain('her family still lives there');
    expect(await row.textContent()).toContain('sensitivity: confidential');
    expect(await row.textContent()).toContain('editor');
    await shot(editor, 'case-editor-history');

    await openCase(viewer);
    expect(await viewer.locator('[data-attribute="from"]').count()).toBe(0);
    expect(await viewer.locator('.attributes').textContent()).not.toContain('Aktobe');
    // Nor does the viewer's history tell of the confidential attribute.
    expect(await viewer.locator('#history').textContent()).not.toContain('mark · from');
  });

  it('lets an editor mark a whole record and records it in its history', async () => {
    const editor = await loginAs('editor');
    await editor.goto(`${base}/documents/${encodeURIComponent(fx.levels.public.document)}`);
    await editor.getByRole('button', { name: 'Change sensitivity of this report' }).click();
    const form = editor.getByRole('form', { name: 'Sensitivity of this report' });
    await form.getByLabel('Sensitivity').selectOption('restricted');
    await form.getByLabel('Reason').fill('not for publication yet');
    await form.getByRole('button', { name: 'Save' }).click();
    await editor.locator('.level-line .badge.level-restricted').waitFor();
    await editor.locator('#history tbody tr', { hasText: 'not for publication yet' }).waitFor();
    const after = await fx.deps.store.documents.get(fx.levels.public.document);
    expect(after?.sensitivity).toBe('restricted');
  });

  it('shows who is logged in, logs out, and sends to the login page when the API answers 401', async () => {
    const editor = await loginAs('editor');
    await editor.locator('.account .badge.role-editor').waitFor();
    await editor.getByRole('button', { name: 'Log out' }).click();
    await editor.waitForURL(`${base}/login`);
    await editor.getByRole('button', { name: 'Log in' }).waitFor();

    // A session that ends while a page is open: the next write answers 401 and the login page opens.
    const other = await loginAs('editor');
    await openCase(other);
    await other.context().clearCookies();
    await other.getByRole('button', { name: 'Change sensitivity of attribute roles' }).click();
    const form = other.getByRole('form', { name: 'Sensitivity of attribute roles' });
    await form.getByLabel('Sensitivity').selectOption('confidential');
    await form.getByRole('button', { name: 'Save' }).click();
    const casePath = `/entities/${encodeURIComponent(person.id)}`;
    await other.waitForURL(`${base}/login?next=${encodeURIComponent(casePath)}`);

    // A wrong password comes back to the form with the reason; the right one back to the case file.
    await other.fill('#name', 'editor');
    await other.fill('#password', 'not the password');
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.getByRole('alert').filter({ hasText: 'Wrong name, password' }).waitFor();
    await other.fill('#name', 'editor');
    await other.fill('#password', fx.passwords.editor);
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.waitForURL(`${base}${casePath}`);
    await other.getByRole('heading', { level: 1, name: person.name }).waitFor();
  });
});
