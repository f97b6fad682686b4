import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { verifyAuditLog } from '../audit/index.js';
import { BadInputError, ConflictError, ValidationError } from '../errors.js';
import { openStore, type Store } from '../store/index.js';
import { integrityProblems, vacuumInto } from '../store/security-schema.js';
import { decryptFile, encryptFile, isEncryptedFile } from './encryption.js';

/** What a backup or restore wrote. */
export interface BackupOutcome {
  file: string;
  bytes: number;
  documents: number;
  auditRows: number;
}

/**
 * Writes a consistent copy of a live SQLite store to `file` with `VACUUM INTO`: one read
 * transaction, so writers may go on meanwhile and the copy holds exactly the committed state.
 * Free pages are not copied, so nothing deleted lingers in the backup. With `key`, the checked copy
 * is encrypted (AES-256-GCM) into `file`; the plain copy lives only in a private temp folder meanwhile.
 */
export async function backupStore(store: Store, file: string, options: { key?: Buffer } = {}): Promise<BackupOutcome> {
  if (store.dialect !== 'sqlite') throw new ValidationError('backup: use pg_dump for a PostgreSQL store');
  const target = resolve(file);
  if (existsSync(target)) throw new ConflictError(`${file} already exists: choose a new file`);
  if (!existsSync(dirname(target))) throw new BadInputError(file, `folder ${dirname(target)} does not exist`);
  if (!options.key) {
    await vacuumInto(store, target);
    return checkBackup(target);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'chronicle-backup-'));
  try {
    const plain = join(scratch, 'store.db');
    await vacuumInto(store, plain);
    const outcome = await checkBackup(plain);
    await encryptFile(plain, target, options.key);
    return { ...outcome, file: target, bytes: statSync(target).size };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Opens a backup (or any store file), checks its pages and audit chain, and counts what it holds. */
export async function checkBackup(file: string): Promise<BackupOutcome> {
  const store = await openStore(file);
  try {
    const problems = await integrityProblems(store);
    if (problems.length > 0) throw new BadInputError(file, `damaged store: ${problems.slice(0, 3).join('; ')}`);
    const audit = await verifyAuditLog(store);
    if (!audit.ok) throw new BadInputError(file, `audit log broken at row ${audit.brokenAt}: ${audit.problem}`);
    return { file, bytes: statSync(file).size, documents: await store.documents.count(), auditRows: audit.rows };
  } finally {
    await store.close();
  }
}

/**
 * Restores a backup (decrypting it with `key` when it is encrypted) to `dbPath`: checks the backup first, copies it beside the target and renames
 * it into place, so the target is either the old store or the whole backup, never half of one.
 * Refuses to replace an existing store unless `force` is set.
 */
export async function restoreStore(
  file: string,
  dbPath: string,
  options: { force?: boolean; key?: () => Buffer } = {},
): Promise<BackupOutcome> {
  const source = resolve(file);
  const target = resolve(dbPath);
  if (!existsSync(source)) throw new BadInputError(file, 'no such backup');
  if (source === target) throw new ValidationError('restore: the backup and the store are the same file');
  if (existsSync(target) && !options.force) throw new ConflictError(`${dbPath} already exists: pass --force to replace it`);
  const temp = `${target}.restoring`;
  rmSync(temp, { force: true });
  let outcome: BackupOutcome;
  try {
    if (isEncryptedFile(source)) {
      if (!options.key) throw new ValidationError(`${file} is encrypted: give its key`);
      await decryptFile(source, temp, options.key());
    } else {
      copyFileSync(source, temp);
    }
    outcome = await checkBackup(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  // Stale WAL files of a replaced store would be replayed over the restored one.
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${target}${suffix}`, { force: true });
    rmSync(`${temp}${suffix}`, { force: true });
  }
  renameSync(temp, target);
  return { ...outcome, file: target };
}
