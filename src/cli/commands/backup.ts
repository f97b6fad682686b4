import type { Command } from 'commander';
import { backupStore } from '../../protect/backup.js';
import { loadKey } from '../../protect/encryption.js';
import { withStore } from '../with-store.js';

/** `chronicle backup FILE`: a consistent copy of the live store (SQLite VACUUM INTO). */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the store to FILE while it stays in use; checks the copy')
    .argument('<file>', 'the new backup file (must not exist)')
    .option('--encrypt', 'encrypt the backup (AES-256-GCM) with the key of --key-file or $CHRONICLE_KEY')
    .option('--key-file <file>', 'file holding the 32-byte key (raw, hex or base64)')
    .option('--db <location>', 'store path')
    .action(async (file: string, options: { db?: string; encrypt?: boolean; keyFile?: string }) => {
      const key = options.encrypt || options.keyFile ? loadKey(options.keyFile) : undefined;
      const outcome = await withStore(options.db, (store) => backupStore(store, file, key ? { key } : {}));
      process.stdout.write(`backup ${outcome.file}: ${outcome.bytes} bytes, ${outcome.documents} documents, audit log of ${outcome.auditRows} rows intact\n`);
    });
}
