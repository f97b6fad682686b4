import { sql, type Kysely } from 'kysely';
import { kyselyOf } from './kysely/kysely-store.js';
import type { ReviewLogTable } from './review-schema.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

/** One row of the hash-chained audit log (migration 005): a review-log row with the chain's hashes. */
export interface AuditLogTable extends ReviewLogTable {
  prev_hash: string | null;
  hash: string | null;
}

export interface UserTable {
  id: string;
  name: string;
  password_hash: string;
  role: string;
  disabled: number;
  totp_secret: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface AttributeSensitivityTable {
  entity_id: string;
  attribute: string;
  sensitivity: string;
}

export interface DocumentTimestampTable {
  document_id: string;
  tsa_url: string;
  token: Uint8Array;
  gen_time: string;
}

/** A merged entity's old id and the id it now names (migration 004). */
export interface EntityRedirectTable {
  from_id: string;
  to_id: string;
}

/** The core schema plus the tables of migration 005 (and the redirects of 004). */
export interface SecurityDatabase extends Database {
  entity_redirects: EntityRedirectTable;
  audit_log: AuditLogTable;
  users: UserTable;
  sessions: SessionTable;
  attribute_sensitivity: AttributeSensitivityTable;
  document_timestamps: DocumentTimestampTable;
}

/** The store's connection typed with the security tables. */
export function securityDb(store: Store): Kysely<SecurityDatabase> {
  const db = kyselyOf(store);
  if (!db) throw new Error('this store does not expose a Kysely connection');
  return db.withTables<{
    audit_log: AuditLogTable;
    users: UserTable;
    sessions: SessionTable;
    attribute_sensitivity: AttributeSensitivityTable;
    document_timestamps: DocumentTimestampTable;
    entity_redirects: EntityRedirectTable;
  }>();
}

/** Runs one SQL statement as given: for maintenance and for tests that play an attacker with the file. */
export async function execRaw(store: Store, statement: string): Promise<void> {
  await sql.raw(statement).execute(securityDb(store));
}

/** Writes a consistent copy of a SQLite store to `file` (`VACUUM INTO`: one read transaction, no free pages). */
export async function vacuumInto(store: Store, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(securityDb(store));
}

/** The problems `PRAGMA integrity_check` finds in a SQLite store (none when healthy). */
export async function integrityProblems(store: Store): Promise<string[]> {
  const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(securityDb(store));
  return result.rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}
