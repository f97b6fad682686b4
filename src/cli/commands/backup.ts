import type { Command } from 'commander';
import { backupStore } from '../../protect/backup.js';
import { withStore } from '../with-store.js';

/** `chronicle backup FILE`: a consistent copy of the live store (SQLite VACUUM INTO). */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the store to FILE while it stays in use; checks the copy')
    .argument('<file>', 'the new backup file (must not exist)')
    .option('--db <location>', 'store path')
    .action(async (file: string, options: { db?: string }) => {
      const outcome = await withStore(options.db, (store) => backupStore(store, file));
      process.stdout.write(`backup ${outcome.file}: ${outcome.bytes} bytes, ${outcome.documents} documents, audit log of ${outcome.auditRows} rows intact\n`);
    });
}
