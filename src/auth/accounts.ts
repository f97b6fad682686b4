import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/index.js';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import { securityDb } from '../store/security-schema.js';
import type { Store } from '../store/index.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { isRole, ROLES, type Role } from './roles.js';
import { generateTotpSecret, verifyTotp } from './totp.js';

/** An account as shown to administrators (never its password hash or TOTP secret). */
export interface Account {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  totp: boolean;
  createdAt: string;
}

/** Who made a change, for the audit log. */
export interface Actor {
  actor: string;
  reason?: string | null;
}

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError(`password too short: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 1024) throw new ValidationError('password too long: at most 1024 characters');
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new ValidationError(`role ${role}: use one of ${ROLES.join(', ')}`);
  return role;
}

function toAccount(row: { id: string; name: string; role: string; disabled: number; totp_secret: string | null; created_at: string }): Account {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    disabled: Number(row.disabled) !== 0,
    totp: row.totp_secret !== null,
    createdAt: row.created_at,
  };
}

/** How many accounts exist (disabled ones included): with none, Chronicle runs in single-user mode. */
export async function countAccounts(store: Store): Promise<number> {
  const row = await securityDb(store)
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every account, by name. */
export async function listAccounts(store: Store): Promise<Account[]> {
  const rows = await securityDb(store).selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toAccount);
}

/** The account named `name`, or null. */
export async function findAccount(store: Store, name: string): Promise<Account | null> {
  const row = await securityDb(store).selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** Creates an account. The first account must be an admin: no one else could manage the rest. */
export async function addAccount(store: Store, name: string, password: string, role: string, by: Actor): Promise<Account> {
  if (!NAME.test(name)) throw new ValidationError(`account name ${JSON.stringify(name)}: letters, digits and . _ @ - only, at most 64`);
  const checked = checkRole(role);
  checkPassword(password);
  const hash = await hashPassword(password);
  return store.transaction(async (tx) => {
    const db = securityDb(tx);
    if ((await countAccounts(tx)) === 0 && checked !== 'admin') {
      throw new ValidationError('the first account must be an admin (--role admin)');
    }
    if (await findAccount(tx, name)) throw new ConflictError(`account ${name} already exists`);
    const row = { id: randomUUID(), name, password_hash: hash, role: checked, disabled: 0, totp_secret: null, created_at: new Date().toISOString() };
    await db.insertInto('users').values(row).execute();
    await appendAudit(tx, { actor: by.actor, action: 'user.add', targetKind: 'user', targetId: name, after: { role: checked }, reason: by.reason ?? null });
    return toAccount(row);
  });
}

async function requireAccount(store: Store, name: string): Promise<Account> {
  const account = await findAccount(store, name);
  if (!account) throw new NotFoundError(`account ${name}`);
  return account;
}

/** Sets a new password and ends the account's sessions. */
export async function setPassword(store: Store, name: string, password: string, by: Actor): Promise<void> {
  checkPassword(password);
  const hash = await hashPassword(password);
  await store.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    const db = securityDb(tx);
    await db.updateTable('users').set({ password_hash: hash }).where('id', '=', account.id).execute();
    await db.deleteFrom('sessions').where('user_id', '=', account.id).execute();
    await appendAudit(tx, { actor: by.actor, action: 'user.passwd', targetKind: 'user', targetId: name, reason: by.reason ?? null });
  });
}

/** Changes an account's role; the last enabled admin keeps theirs. */
export async function setRole(store: Store, name: string, role: string, by: Actor): Promise<void> {
  const checked = checkRole(role);
  await store.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    if (account.role === 'admin' && checked !== 'admin') await keepOneAdmin(tx, account.id);
    await securityDb(tx).updateTable('users').set({ role: checked }).where('id', '=', account.id).execute();
    await appendAudit(tx, { actor: by.actor, action: 'user.role', targetKind: 'user', targetId: name, before: { role: account.role }, after: { role: checked }, reason: by.reason ?? null });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions. */
export async function setDisabled(store: Store, name: string, disabled: boolean, by: Actor): Promise<void> {
  await store.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    if (disabled && account.role === 'admin' && !account.disabled) await keepOneAdmin(tx, account.id);
    const db = securityDb(tx);
    await db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', account.id).execute();
    if (disabled) await db.deleteFrom('sessions').where('user_id', '=', account.id).execute();
    await appendAudit(tx, { actor: by.actor, action: disabled ? 'user.disable' : 'user.enable', targetKind: 'user', targetId: name, before: { disabled: account.disabled }, after: { disabled }, reason: by.reason ?? null });
  });
}

/** Turns on two-factor login for an account and returns the new TOTP secret (shown once). */
export async function enableTotp(store: Store, name: string, by: Actor): Promise<string> {
  const secret = generateTotpSecret();
  await store.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    await securityDb(tx).updateTable('users').set({ totp_secret: secret }).where('id', '=', account.id).execute();
    await appendAudit(tx, { actor: by.actor, action: 'user.totp', targetKind: 'user', targetId: name, after: { totp: true }, reason: by.reason ?? null });
  });
  return secret;
}

async function keepOneAdmin(store: Store, leaving: string): Promise<void> {
  const others = await securityDb(store)
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', leaving)
    .executeTakeFirst();
  if (!others) throw new ValidationError('this is the last enabled admin: make another admin first');
}

/**
 * The account for a name and password (and TOTP code when two-factor is on), or UnauthorizedError
 * with the same message whatever was wrong, so a caller cannot tell which accounts exist.
 */
export async function authenticate(store: Store, name: string, password: string, totp?: string): Promise<Account> {
  const row = await securityDb(store).selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  // Hash even for an unknown name so the response time does not reveal it.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || Number(row.disabled) !== 0) throw new UnauthorizedError('wrong name or password');
  if (row.totp_secret !== null && !(totp !== undefined && verifyTotp(row.totp_secret, totp))) {
    throw new UnauthorizedError('two-factor code required or wrong');
  }
  return toAccount(row);
}

// A real scrypt hash of a random password, for timing parity on unknown names.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
