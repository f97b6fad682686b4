import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/audit/index.js';
import { backupStore } from '../../src/protect/backup.js';
import { SEALED_PLACEHOLDER, SEALED_TEXT_PREFIX, useFieldKey } from '../../src/protect/field-encryption.js';
import { markSensitivity } from '../../src/protect/sensitivity.js';
import { getCaseFile } from '../../src/services/case-file.service.js';
import { getDocumentView } from '../../src/services/document-view.service.js';
import { exportStore } from '../../src/services/export.service.js';
import { ingestDocument } from '../../src/services/ingest.service.js';
import { buildSourceDocument } from '../../src/services/testing/builders.js';
import { openStore, type Store } from '../../src/store/index.js';
import { reviewable } from '../../src/store/reviewable-store.js';
import { execRaw, securityDb } from '../../src/store/security-schema.js';
import { SESSION_COOKIE } from '../../src/auth/index.js';
import { runCli } from '../support/run-cli.js';
import { buildSecurityFixture } from './fixtures.js';
import { buildSecuredApp } from './secured-app.js';

// Words that occur only in the confidential report: after marking, no byte of the store may hold them.
const WORDS = ['quillfeather', 'zanthoric'];
const REPORT =
  'Journalist Aidos Sadykov was arrested in Almaty on 3 March 2021. ' +
  'Neighbours said his flat was full of quillfeather notebooks and zanthoric maps. ' +
  'His lawyer Dana Sergazina said the charges were absurd. ' +
  'He was sentenced to five years in prison on 12 May 2021.';

const key = randomBytes(32);
let dir: string;
const savedKey = process.env.CHRONICLE_KEY;

beforeAll(() => {
  delete process.env.CHRONICLE_KEY;
  dir = mkdtempSync(join(tmpdir(), 'chronicle-at-rest-'));
});
afterAll(() => {
  useFieldKey(null);
  if (savedKey !== undefined) process.env.CHRONICLE_KEY = savedKey;
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => useFieldKey(null));

/** Which of WORDS occur (any case) anywhere in the files, by file. */
function wordsIn(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files.filter((f) => existsSync(f))) {
    const bytes = readFileSync(file).toString('latin1').toLowerCase();
    for (const word of WORDS) if (bytes.includes(word)) found.push(`${word} in ${file}`);
  }
  return found;
}

const storeFiles = (db: string): string[] => [db, `${db}-wal`, `${db}-shm`];

/** Which of WORDS the full-text indexes hold as terms (read through fts5vocab tables in the connection's temp schema). */
async function indexedWords(store: Store): Promise<string[]> {
  await execRaw(store, `create virtual table if not exists temp.documents_terms using fts5vocab(main, documents_fts, 'row')`);
  await execRaw(store, `create virtual table if not exists temp.evidence_terms using fts5vocab(main, evidence_fts, 'row')`);
  const rows = await sql<{ term: string }>`
    select term from temp.documents_terms union select term from temp.evidence_terms`.execute(securityDb(store));
  return rows.rows.map((r) => r.term).filter((t) => WORDS.includes(t));
}

async function exported(store: Store): Promise<string> {
  let out = '';
  await exportStore(store, 'json', (chunk) => (out += chunk), { includeText: true });
  return out;
}

describe('encryption at rest of a confidential report', () => {
  it('leaves no plain word of it in the store file, its WAL or a backup, yet reads it whole with the key', async () => {
    const db = join(dir, 'scan.db');
    const store = await openStore(db);
    try {
      useFieldKey(key);
      const doc = buildSourceDocument({ id: 'secret-report', title: 'Field report', text: REPORT });
      const outcome = await ingestDocument(store, doc);
      expect(outcome.status).toBe('added');
      // The scan can see the words: before marking they are in the files in plain text.
      expect(wordsIn(storeFiles(db)).length).toBeGreaterThan(0);
      expect((await store.search.search('quillfeather')).map((h) => h.documentId)).toEqual(['secret-report']);
      expect((await indexedWords(store)).sort()).toEqual([...WORDS].sort());

      await markSensitivity(store, 'secret-report', 'confidential', { actor: 'editor', reason: 'source at risk' });
      expect(wordsIn(storeFiles(db))).toEqual([]);
      expect(await indexedWords(store)).toEqual([]);
      const backup = join(dir, 'scan-backup.db');
      await backupStore(store, backup);
      expect(wordsIn([backup])).toEqual([]);

      // Search finds it for nobody: the sealed text is not in the index at all.
      for (const word of [...WORDS, 'Sergazina', 'absurd']) expect(await store.search.search(word), word).toEqual([]);

      // Cleared readers with the key read it as before, everywhere.
      const view = await getDocumentView(reviewable(store), 'secret-report');
      expect(view.text).toBe(REPORT);
      expect(view.document.title).toBe('Field report');
      expect(view.mentions.map((m) => m.text)).toContain('Aidos Sadykov');
      for (const e of view.evidence) expect(REPORT).toContain(e.text);
      const original = await store.documents.getOriginal('secret-report');
      expect(Buffer.from(original?.bytes ?? []).toString('utf8')).toBe(REPORT);
      const full = await exported(store);
      expect(full).toContain('quillfeather notebooks');
      expect(full).not.toContain(SEALED_TEXT_PREFIX);
      const caseFile = await getCaseFile(store, 'Aidos Sadykov');
      const quotes = caseFile.timeline.flatMap((t) => t.evidence.map((e) => e.text));
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(REPORT).toContain(quote);

      // Without the key: a marked placeholder, never ciphertext, never a crash.
      useFieldKey(null);
      const blind = await getDocumentView(reviewable(store), 'secret-report');
      expect(blind.text).toBe(SEALED_PLACEHOLDER);
      const blindExport = await exported(store);
      expect(blindExport).not.toContain(SEALED_TEXT_PREFIX);
      expect(blindExport).toContain(SEALED_PLACEHOLDER);
      expect(blindExport).not.toContain('quillfeather');
      await expect(store.documents.getOriginal('secret-report')).rejects.toThrow(/set CHRONICLE_KEY/);

      // Marking down opens it again and puts it back in the index; the audit chain holds.
      useFieldKey(key);
      await markSensitivity(store, 'secret-report', 'restricted', { actor: 'editor' });
      expect(await store.documents.getText('secret-report')).toBe(REPORT);
      expect((await store.search.search('zanthoric')).map((h) => h.documentId)).toEqual(['secret-report']);
      expect((await verifyAuditLog(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('chronicle mark refuses confidential without a key, then encrypts with --key-file; reading needs CHRONICLE_KEY', async () => {
    const db = join(dir, 'cli.db');
    const keyFile = join(dir, 'chronicle.key');
    writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600 });
    const store = await openStore(db);
    try {
      await ingestDocument(store, buildSourceDocument({ id: 'cli-report', title: 'Field report', text: REPORT }));
    } finally {
      await store.close();
    }
    const env = { CHRONICLE_KEY: undefined };
    const refused = await runCli(['mark', 'cli-report', 'confidential', '--db', db], { cwd: dir, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/needs the encryption key: give --key-file FILE or set CHRONICLE_KEY .*openssl rand -hex 32/);
    expect(wordsIn(storeFiles(db)).length).toBeGreaterThan(0);

    const marked = await runCli(['mark', 'cli-report', 'confidential', '--key-file', keyFile, '--db', db], { cwd: dir, env });
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout).toMatch(/document cli-report: restricted → confidential/);
    expect(wordsIn(storeFiles(db))).toEqual([]);

    const withKey = await runCli(['person', 'Aidos Sadykov', '--db', db], { cwd: dir, env: { CHRONICLE_KEY: key.toString('hex') } });
    expect(withKey.code, withKey.stderr).toBe(0);
    expect(withKey.stdout).toMatch(/arrested/);
    expect(withKey.stdout).not.toContain(SEALED_TEXT_PREFIX);
    const without = await runCli(['person', 'Aidos Sadykov', '--db', db], { cwd: dir, env });
    expect(without.code, without.stderr).toBe(0);
    expect(without.stdout).toContain(SEALED_PLACEHOLDER);
    expect(without.stdout).not.toContain(SEALED_TEXT_PREFIX);
  }, 120_000);

  it('chronicle ingest --sensitivity confidential encrypts as it stores, and refuses without a key, storing nothing', async () => {
    const db = join(dir, 'ingest-confidential.db');
    const report = join(dir, 'testimony.txt');
    writeFileSync(report, REPORT);
    const env = { CHRONICLE_KEY: undefined };
    const refused = await runCli(['ingest', report, '--sensitivity', 'confidential', '--db', db], { cwd: dir, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/CHRONICLE_KEY/);
    expect(wordsIn(storeFiles(db))).toEqual([]);

    const bad = await runCli(['ingest', report, '--sensitivity', 'secret', '--db', db], { cwd: dir, env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/public, restricted, confidential/);

    const stored = await runCli(['ingest', report, '--sensitivity', 'confidential', '--db', db], { cwd: dir, env: { CHRONICLE_KEY: key.toString('hex') } });
    expect(stored.code, stored.stderr).toBe(0);
    expect(wordsIn(storeFiles(db))).toEqual([]);
    useFieldKey(key);
    const store = await openStore(db);
    try {
      const [doc] = await securityDb(store).selectFrom('documents').select(['id', 'sensitivity']).execute();
      expect(doc?.sensitivity).toBe('confidential');
      expect(await store.documents.getText(doc?.id as string)).toBe(REPORT);
      expect(await indexedWords(store)).toEqual([]);
      expect((await verifyAuditLog(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('serves a confidential report whole to a cleared reader through the API with the key, and a marked placeholder without', async () => {
    const fx = await buildSecurityFixture();
    const app = await buildSecuredApp(fx.deps);
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'admin', password: fx.passwords.admin } });
      const token = /chronicle_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1] ?? '';
      const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
      const get = (url: string) => app.inject({ method: 'GET', url, headers });
      const { document, entity, word } = fx.levels.confidential;

      const page = await get(`/api/documents/${document}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(word);
      expect(page.body).not.toContain(SEALED_TEXT_PREFIX);
      const caseFile = await get(`/api/entities/${encodeURIComponent(entity)}`);
      expect(caseFile.statusCode).toBe(200);
      expect(caseFile.body).not.toContain(SEALED_TEXT_PREFIX);
      expect((await get(`/api/documents/${document}/original`)).body).toContain(word);

      useFieldKey(null);
      const blind = await get(`/api/documents/${document}`);
      expect(blind.statusCode).toBe(200);
      expect(blind.body).toContain(SEALED_PLACEHOLDER);
      expect(blind.body).not.toContain(SEALED_TEXT_PREFIX);
      expect(blind.body).not.toContain(word);
      const original = await get(`/api/documents/${document}/original`);
      expect(original.statusCode).toBe(400);
      expect(original.body).toMatch(/confidential.*CHRONICLE_KEY/);

      // Marking through the API without the key is refused and changes nothing.
      const publicDoc = fx.levels.public.document;
      const mark = await app.inject({ method: 'POST', url: '/api/mark', headers, payload: { id: publicDoc, level: 'confidential' } });
      expect(mark.statusCode).toBe(400);
      expect(mark.body).toMatch(/needs the encryption key/);
      expect((await fx.deps.store.documents.get(publicDoc))?.sensitivity).toBe('public');
    } finally {
      await app.close();
      await fx.dispose();
    }
  });
});
