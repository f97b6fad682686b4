import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadInputError } from '../../errors.js';
import { openStore } from '../index.js';
import { LATEST_VERSION, MIGRATIONS } from '../migrations/index.js';
import { describeSealingContract } from '../sealing-contract.js';
import { describeStoreContract, type StoreFactory } from '../store-contract.js';
import { buildNewDocument } from '../testing/builders.js';
import { openSqliteStore } from './index.js';

const sqliteFactory: StoreFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-store-'));
  const store = await openSqliteStore(join(dir, 'test.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
describeStoreContract('sqlite', sqliteFactory);
describeSealingContract('sqlite', sqliteFactory);

describe('SQLite store file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-sqlite-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a fresh file in WAL mode with every migration recorded', async () => {
    const path = join(dir, 'fresh.db');
    const store = await openStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = raw.prepare('select version, name from schema_version order by version').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    raw.close();
  });

  it('brings an existing older file up to date, keeping and indexing its rows', async () => {
    const path = join(dir, 'old.db');
    const old = await openSqliteStore(path, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    expect(await old.schemaVersion()).toBe(1);
    await old.documents.insert(buildNewDocument({ id: 'kept', text: 'Granted political asylum in France.' }));
    await old.close();

    const store = await openStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    expect(await store.documents.exists('kept')).toBe(true);
    expect((await store.search.search('"political asylum"')).map((h) => h.documentId)).toEqual(['kept']);
    await store.close();

    // Opening an up-to-date file changes nothing.
    const again = await openStore(path);
    expect(await again.documents.count()).toBe(1);
    await again.close();
  });

  it('refuses a file written by a newer schema', async () => {
    const path = join(dir, 'future.db');
    await (await openStore(path)).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("insert into schema_version (version, name, applied_at) values (999, 'future', 'x')").run();
    raw.close();
    await expect(openStore(path)).rejects.toThrow(/newer/);
  });

  it('enforces foreign keys', async () => {
    const store = await openStore(join(dir, 'fk.db'));
    await expect(
      store.entities.addMentions([{ entityId: 'x', documentId: 'y', start: 0, end: 1, text: 'a' }]),
    ).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('names the path when the folder does not exist, and the server when PostgreSQL does not answer', async () => {
    await expect(openStore(join(dir, 'missing', 'x.db'))).rejects.toThrow(/missing.*does not exist/);
    await expect(openStore('postgres://127.0.0.1:1/test')).rejects.toBeInstanceOf(BadInputError);
  });

  it('uses CHRONICLE_DB when no location is given', async () => {
    const path = join(dir, 'from-env.db');
    const saved = process.env.CHRONICLE_DB;
    process.env.CHRONICLE_DB = path;
    try {
      const store = await openStore();
      expect(store.location).toBe(path);
      await store.close();
    } finally {
      if (saved === undefined) delete process.env.CHRONICLE_DB;
      else process.env.CHRONICLE_DB = saved;
    }
  });

  it('waits for another process that holds the write lock instead of failing', async () => {
    const path = join(dir, 'shared.db');
    const store = await openStore(path);
    // Another process takes the write lock, signals, holds it a moment, then commits a document.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3');
         const db = new D(process.argv[1]);
         db.exec('begin immediate');
         db.prepare("insert into documents (id, seq, sha256, language, text, original, media_type, origin, ingested_at) values ('child', 1000, 'c', 'en', 'child text', x'00', 'text/plain', '-', 'x')").run();
         process.stdout.write('locked\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
         db.exec('commit');`,
        path,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(child.stdout, 'data');
    // A read then a write in one transaction: deferred, this would fail on the stale snapshot.
    await store.transaction(async (tx) => {
      const before = await tx.documents.count();
      await tx.documents.insert(buildNewDocument({ id: `parent-${before}` }));
    });
    await once(child, 'exit');
    expect(await store.documents.exists('child')).toBe(true);
    expect(await store.documents.exists('parent-1')).toBe(true);
    await store.close();
  });
});
