import { afterEach, describe, expect, it } from 'vitest';
import { saveExtraction } from '../services/ingest.service.js';
import { exileReport, openTempStore, prisonReport } from '../services/testing/scenario.js';
import { openStore } from '../store/index.js';
import { execRaw } from '../store/security-schema.js';
import { appendAudit, readHistory, sealAuditLog, verifyAuditLog } from './index.js';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

async function storeWithHistory() {
  const temp = await openTempStore();
  cleanup.push(temp.dispose);
  for (const report of [exileReport(), prisonReport()]) await saveExtraction(temp.store, report.doc, report.extraction);
  await appendAudit(temp.store, { actor: 'ana', action: 'note', targetKind: 'document', targetId: 'rfe', after: { x: 1 }, reason: 'check' });
  await appendAudit(temp.store, { actor: 'ben', action: 'note', targetKind: 'document', targetId: 'rfe', before: { x: 1 }, after: { x: 2 } });
  return temp;
}

/** Plays someone with the file: opens the store and runs raw SQL past the audit code. */
async function tamper(path: string, statements: string[]): Promise<void> {
  const store = await openStore(path);
  try {
    for (const s of statements) await execRaw(store, s);
  } finally {
    await store.close();
  }
}

describe('audit log', () => {
  it('chains ingests recorded by triggers and explicit entries, and verifies the chain', async () => {
    const { store } = await storeWithHistory();
    const verdict = await verifyAuditLog(store);
    expect(verdict).toMatchObject({ ok: true, rows: 4 });
    const history = await readHistory(store, 'rfe');
    expect(history.map((h) => [h.actor, h.action])).toEqual([
      ['ingest', 'ingest'],
      ['ana', 'note'],
      ['ben', 'note'],
    ]);
    expect(history[2]?.before).toEqual({ x: 1 });
    expect(history[2]?.prevHash).toBe(history[1]?.hash);
  });

  it('refuses UPDATE and DELETE of a sealed row while its triggers stand', async () => {
    const { path, store } = await storeWithHistory();
    await store.close();
    await expect(tamper(path, ["update audit_log set actor = 'eve' where seq = 2"])).rejects.toThrow(/append-only/);
    await expect(tamper(path, ['delete from audit_log where seq = 2'])).rejects.toThrow(/append-only/);
  });

  it('names the first edited row once the triggers are dropped', async () => {
    const temp = await storeWithHistory();
    await temp.store.close();
    await tamper(temp.path, [
      'drop trigger audit_log_no_update',
      `update audit_log set reason = 'nothing to see' where seq = 3`,
    ]);
    const reopened = await openStore(temp.path);
    cleanup.unshift(() => reopened.close());
    expect(await verifyAuditLog(reopened)).toMatchObject({ ok: false, brokenAt: 3, problem: expect.stringMatching(/changed/) });
  });

  it('names the gap when a row is removed', async () => {
    const temp = await storeWithHistory();
    await temp.store.close();
    await tamper(temp.path, ['drop trigger audit_log_no_delete', 'delete from audit_log where seq = 2']);
    const reopened = await openStore(temp.path);
    cleanup.unshift(() => reopened.close());
    expect(await verifyAuditLog(reopened)).toMatchObject({ ok: false, brokenAt: 2, problem: expect.stringMatching(/missing/) });
  });

  it('seals trigger rows in order and leaves nothing pending', async () => {
    const temp = await openTempStore();
    cleanup.push(temp.dispose);
    await saveExtraction(temp.store, exileReport().doc, exileReport().extraction);
    expect(await sealAuditLog(temp.store)).toBe(1);
    expect(await sealAuditLog(temp.store)).toBe(0);
    expect(await verifyAuditLog(temp.store)).toMatchObject({ ok: true, rows: 1 });
  });

  it('refuses to change the original bytes or sha256 of a document', async () => {
    const temp = await storeWithHistory();
    await temp.store.close();
    await expect(tamper(temp.path, ["update documents set sha256 = 'x' where id = 'rfe'"])).rejects.toThrow(/immutable/);
    await expect(tamper(temp.path, ["update documents set original = x'00' where id = 'rfe'"])).rejects.toThrow(/immutable/);
    await tamper(temp.path, ["update documents set title = 'retitled' where id = 'rfe'"]);
  });
});
