import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';
import { securityDb, type AuditLogTable } from '../store/security-schema.js';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** A change to record: who, what (action on a target), the state before and after, and why. */
export interface NewAuditEntry {
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** ISO time; now when absent. */
  at?: string;
}

/** One recorded change. `before` and `after` are parsed JSON snapshots. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** What `verifyAuditLog` found: an intact chain, or the first broken link and why. */
export type AuditVerdict =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenAt: number; problem: string };

/** The hash of a row: SHA-256 over the previous hash and every recorded field, as stored. */
export function hashAuditRow(prevHash: string, row: Omit<AuditLogTable, 'prev_hash' | 'hash'>): string {
  const fields = [
    prevHash,
    Number(row.seq),
    row.at,
    row.actor,
    row.action,
    row.target_kind,
    row.target_id,
    row.before,
    row.after,
    row.reason,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Chains rows written by triggers (ingest, review log, reviewers' merges) that have no hash yet,
 * in order. Runs inside the caller's transaction when there is one. Returns how many were sealed.
 */
export async function sealAuditLog(store: Store): Promise<number> {
  return store.transaction(async (tx) => {
    const db = securityDb(tx);
    const pending = await db.selectFrom('audit_log').selectAll().where('hash', 'is', null).orderBy('seq').execute();
    if (pending.length === 0) return 0;
    const first = pending[0] as AuditLogTable;
    const last = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '<', first.seq)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let prev = last?.hash ?? GENESIS_HASH;
    for (const row of pending) {
      const hash = hashAuditRow(prev, row);
      await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
    }
    return pending.length;
  });
}

/** Appends one sealed entry (after sealing any pending rows) and returns its sequence number. */
export async function appendAudit(store: Store, entry: NewAuditEntry): Promise<number> {
  return store.transaction(async (tx) => {
    await sealAuditLog(tx);
    const db = securityDb(tx);
    const last = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row = {
      seq: Number(last?.seq ?? 0) + 1,
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    };
    const prev = last?.hash ?? GENESIS_HASH;
    await db
      .insertInto('audit_log')
      .values({ ...row, prev_hash: prev, hash: hashAuditRow(prev, row) })
      .execute();
    return row.seq;
  });
}

/**
 * Walks the whole chain in order: each row must follow the previous one without a gap in `seq`, point
 * at its hash, and hash to what it records. Names the first row where that fails.
 * Rows not yet sealed at the end count as intact (seal first to cover them).
 */
export async function verifyAuditLog(store: Store, pageSize = 1000): Promise<AuditVerdict> {
  const db = securityDb(store);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  let unsealedFrom: number | null = null;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${seq})` };
      }
      if (row.hash === null) {
        unsealedFrom ??= seq;
      } else {
        if (unsealedFrom !== null) {
          return { ok: false, rows, brokenAt: unsealedFrom, problem: `row ${unsealedFrom} has no hash but later rows do` };
        }
        if (row.prev_hash !== prev) {
          return { ok: false, rows, brokenAt: seq, problem: `row ${seq} does not point at the hash of row ${seq - 1}` };
        }
        if (hashAuditRow(prev, row) !== row.hash) {
          return { ok: false, rows, brokenAt: seq, problem: `row ${seq} was changed after it was written` };
        }
        prev = row.hash;
      }
      rows += 1;
      expectedSeq = seq + 1;
    }
  }
  return { ok: true, rows, head: prev };
}

function toEntry(row: AuditLogTable): AuditEntry {
  const parse = (text: string | null): unknown => {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    before: parse(row.before),
    after: parse(row.after),
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The history of one record (document, entity, event, user), oldest first: every change made to it,
 * and for an entity the merges that named it as the other side.
 */
export async function readHistory(store: Store, targetId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  const db = securityDb(store);
  const otherSide = `%"other":${JSON.stringify(targetId)}%`;
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('target_id', '=', targetId),
        eb.and([eb('action', 'like', 'resolution.%'), eb('after', 'like', otherSide)]),
      ]),
    )
    .orderBy('seq')
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map(toEntry);
}

/** The most recent entries, newest first. */
export async function listAudit(store: Store, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await securityDb(store)
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(toEntry);
}
