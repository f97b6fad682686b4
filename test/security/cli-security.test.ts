import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { execRaw } from '../../src/store/security-schema.js';
import { runCli } from '../support/run-cli.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-cli-security-'));
  db = join(dir, 'store.db');
  writeFileSync(
    join(dir, 'report.txt'),
    'Journalist Aidos Sadykov was arrested in Almaty on 3 March 2021. His lawyer Dana Sergazina said the charges were absurd.\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string) => runCli([...args, '--db', db], { cwd: dir, ...(input !== undefined ? { input } : {}) });

describe('security commands', () => {
  it('creates the first admin only explicitly, from stdin, and lists accounts', async () => {
    const weak = await run(['user', 'add', 'eve', '--role', 'viewer'], 'viewer-password\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/first account must be an admin/);
    const added = await run(['user', 'add', 'alice', '--role', 'admin'], 'correct horse battery\n');
    expect(added.code, added.stderr).toBe(0);
    const list = await run(['user', 'list']);
    expect(list.stdout).toBe('alice\tadmin\n');
  }, 60_000);

  it('marks, shows history, and names the first broken audit row with a non-zero exit', async () => {
    expect((await run(['ingest', join(dir, 'report.txt')])).code).toBe(0);
    const store = await openStore(db);
    let docId: string;
    try {
      docId = (await store.documents.iterate()[Symbol.asyncIterator]().next()).value.id as string;
    } finally {
      await store.close();
    }
    const marked = await runCli(['mark', docId, 'confidential', '--reason', 'source at risk', '--actor', 'alice', '--db', db], {
      cwd: dir,
      env: { CHRONICLE_KEY: 'ab'.repeat(32) },
    });
    expect(marked.stdout).toMatch(/restricted → confidential/);
    const history = await run(['history', docId]);
    expect(history.stdout).toMatch(/alice {2}mark {2}— source at risk/);
    expect((await run(['audit', 'verify'])).code).toBe(0);

    const tampered = await openStore(db);
    try {
      await execRaw(tampered, 'drop trigger audit_log_no_update');
      await execRaw(tampered, "update audit_log set actor = 'nobody' where action = 'mark'");
    } finally {
      await tampered.close();
    }
    const verify = await run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/audit log broken at row \d+: row \d+ was changed/);
  }, 120_000);
});
