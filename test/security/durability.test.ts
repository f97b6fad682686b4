import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditLog } from '../../src/audit/index.js';
import { readInput } from '../../src/ingest/index.js';
import { backupStore, restoreStore } from '../../src/protect/backup.js';
import { exportStore, ingestDocument } from '../../src/services/index.js';
import { kyselyOf, openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';

const REPORTS = fileURLToPath(new URL('../fixtures/gold/reports/', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');
const cliMain = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-durability-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` distinct reports (a numbered line makes each one's bytes unique). */
function writeReports(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  const sources = readdirSync(REPORTS).filter((f) => f.endsWith('.txt')).sort();
  for (let i = 0; i < count; i++) {
    const name = sources[i % sources.length] as string;
    const text = readFileSync(join(REPORTS, name), 'utf8');
    writeFileSync(join(folder, `${String(i).padStart(3, '0')}-${name}`), `${text}\n\nCopy ${i}.\n`);
  }
}

async function documentIds(path: string): Promise<string[]> {
  const store = await openStore(path);
  try {
    const ids: string[] = [];
    for await (const d of store.documents.iterate()) ids.push(d.id);
    return ids;
  } finally {
    await store.close();
  }
}

describe('backup and restore', () => {
  it('give a store whose export is byte-identical, with its audit chain intact', async () => {
    const reports = join(dir, 'small');
    writeReports(reports, 3);
    const db = join(dir, 'live.db');
    const live = await openStore(db);
    try {
      for (const file of readdirSync(reports).sort()) {
        const { documents } = await readInput(join(reports, file));
        await ingestDocument(live, documents[0]!);
      }
      // The backup is taken while the store is open (online), as a server would hold it.
      const backup = await runCli(['backup', join(dir, 'copy.bak'), '--db', db], { cwd: dir });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/3 documents/);
      await expect(backupStore(live, join(dir, 'copy.bak'))).rejects.toThrow(/already exists/);
    } finally {
      await live.close();
    }
    const restored = join(dir, 'restored.db');
    const restore = await runCli(['restore', join(dir, 'copy.bak'), '--db', restored], { cwd: dir });
    expect(restore.code, restore.stderr).toBe(0);
    await expect(restoreStore(join(dir, 'copy.bak'), restored)).rejects.toThrow(/--force/);
    const exportOf = async (path: string): Promise<string> => {
      const store = await openStore(path);
      let out = '';
      try {
        await exportStore(store, 'json', (c) => (out += c), { includeText: true });
      } finally {
        await store.close();
      }
      return out;
    };
    const original = await exportOf(db);
    expect(original.length).toBeGreaterThan(1000);
    expect(await exportOf(restored)).toBe(original);
  }, 120_000);
});

describe('an ingest killed mid-run', () => {
  it('loses nothing committed and leaves no partial document', async () => {
    const reports = join(dir, 'many');
    writeReports(reports, 12);
    const db = join(dir, 'killed.db');
    const child = spawn(process.execPath, ['--import', tsxLoader, cliMain, 'ingest', reports, '--db', db], {
      cwd: dir,
      env: { ...process.env, CHRONICLE_DB: undefined },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Wait until a few documents are committed, remember them, then kill without warning.
    let seen: string[] = [];
    for (let i = 0; i < 600 && seen.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        seen = await documentIds(db);
      } catch {
        // The file may not exist or be mid-migration yet.
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    child.kill('SIGKILL');
    await exited;

    const store = await openStore(db);
    try {
      const after: string[] = [];
      for await (const d of store.documents.iterate()) after.push(d.id);
      expect(after.length).toBeLessThan(12);
      expect(after.slice(0, seen.length)).toEqual(seen);
      const conn = kyselyOf(store)!;
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(conn);
      expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
      // Each stored document came with its whole extraction: its ingest audit row and its text index row.
      const audited = await sql<{ n: number }>`select count(*) as n from audit_log where action = 'ingest'`.execute(conn);
      expect(Number(audited.rows[0]?.n)).toBe(after.length);
      const orphans = await sql<{ n: number }>`select count(*) as n from mentions where document_id not in (select id from documents)`.execute(conn);
      expect(Number(orphans.rows[0]?.n)).toBe(0);
      expect(await verifyAuditLog(store)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
    // Running it again completes the job without duplicates.
    const rerun = await runCli(['ingest', reports, '--db', db], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    const final = await documentIds(db);
    expect(final).toHaveLength(12);
    expect(final.slice(0, seen.length)).toEqual(seen);
  }, 300_000);
});
