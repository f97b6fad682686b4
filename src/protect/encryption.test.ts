import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportStore } from '../services/export.service.js';
import { saveExtraction } from '../services/ingest.service.js';
import { exileReport, openTempStore } from '../services/testing/scenario.js';
import { openStore } from '../store/index.js';
import { backupStore, restoreStore } from './backup.js';
import { decryptFile, encryptFile, loadKey } from './encryption.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'chronicle-enc-'));
  dirs.push(d);
  return d;
}

describe('encryption', () => {
  it('reads a key from a file or CHRONICLE_KEY and refuses a malformed one', () => {
    const dir = scratch();
    const key = randomBytes(32);
    writeFileSync(join(dir, 'raw.key'), key);
    writeFileSync(join(dir, 'hex.key'), `${key.toString('hex')}\n`);
    expect(loadKey(join(dir, 'raw.key')).equals(key)).toBe(true);
    expect(loadKey(join(dir, 'hex.key')).equals(key)).toBe(true);
    expect(loadKey(undefined, { CHRONICLE_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(() => loadKey(undefined, { CHRONICLE_KEY: 'abcd' })).toThrow(/32 bytes/);
    expect(() => loadKey(undefined, {})).toThrow(/no key/);
  });

  it('round-trips a file and refuses a wrong key or a changed byte', async () => {
    const dir = scratch();
    const key = randomBytes(32);
    const plain = join(dir, 'plain');
    writeFileSync(plain, randomBytes(100_000));
    await encryptFile(plain, join(dir, 'enc'), key);
    await decryptFile(join(dir, 'enc'), join(dir, 'back'), key);
    expect(readFileSync(join(dir, 'back')).equals(readFileSync(plain))).toBe(true);
    await expect(decryptFile(join(dir, 'enc'), join(dir, 'wrong'), randomBytes(32))).rejects.toThrow(/wrong key/);
    const bytes = readFileSync(join(dir, 'enc'));
    bytes[5000] = (bytes[5000] ?? 0) ^ 1;
    writeFileSync(join(dir, 'changed'), bytes);
    await expect(decryptFile(join(dir, 'changed'), join(dir, 'x'), key)).rejects.toThrow(/changed/);
  });

  it('writes an encrypted backup that holds no plain text and restores to a byte-identical export', async () => {
    const dir = scratch();
    const key = randomBytes(32);
    const temp = await openTempStore();
    let original = '';
    try {
      const report = exileReport();
      await saveExtraction(temp.store, report.doc, report.extraction);
      await exportStore(temp.store, 'json', (c) => (original += c), { includeText: true });
      await backupStore(temp.store, join(dir, 'store.bak'), { key });
    } finally {
      await temp.dispose();
    }
    const bytes = readFileSync(join(dir, 'store.bak'));
    expect(bytes.includes(Buffer.from('Sadykov'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format'))).toBe(false);
    await expect(restoreStore(join(dir, 'store.bak'), join(dir, 'x.db'))).rejects.toThrow(/encrypted/);
    await expect(restoreStore(join(dir, 'store.bak'), join(dir, 'y.db'), { key: () => randomBytes(32) })).rejects.toThrow(/wrong key/);
    expect(existsSync(join(dir, 'y.db'))).toBe(false);
    await restoreStore(join(dir, 'store.bak'), join(dir, 'restored.db'), { key: () => key });
    const restored = await openStore(join(dir, 'restored.db'));
    let again = '';
    try {
      await exportStore(restored, 'json', (c) => (again += c), { includeText: true });
    } finally {
      await restored.close();
    }
    expect(again).toBe(original);
  }, 60_000);
});
