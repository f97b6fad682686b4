import { createHash, randomBytes } from 'node:crypto';
import { securityDb } from '../store/security-schema.js';
import type { Store } from '../store/index.js';
import type { Account } from './accounts.js';
import type { Role } from './roles.js';

/** How long a session lasts without logging in again. */
export const SESSION_HOURS = 12;

/** A new session: the cookie value (secret) and the CSRF token the client sends back on writes. */
export interface NewSession {
  token: string;
  csrf: string;
  expiresAt: string;
}

/** A live session with its account. */
export interface SessionInfo {
  userId: string;
  name: string;
  role: Role;
  csrf: string;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for an account; only the token's hash is stored. */
export async function createSession(store: Store, account: Account, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const db = securityDb(store);
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({ token_hash: digest(token), user_id: account.id, csrf, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, csrf, expiresAt };
}

/** The session for a cookie value, or null when unknown, expired or its account is disabled. */
export async function resolveSession(store: Store, token: string, now = new Date()): Promise<SessionInfo | null> {
  const row = await securityDb(store)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.disabled', 'sessions.csrf', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', digest(token))
    .executeTakeFirst();
  if (!row || row.expires_at < now.toISOString() || Number(row.disabled) !== 0) return null;
  return { userId: row.id, name: row.name, role: row.role as Role, csrf: row.csrf };
}

/** Ends a session (logout). */
export async function endSession(store: Store, token: string): Promise<void> {
  await securityDb(store).deleteFrom('sessions').where('token_hash', '=', digest(token)).execute();
}
