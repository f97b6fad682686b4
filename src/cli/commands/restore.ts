import type { Command } from 'commander';
import { resolveDbLocation } from '../../env.js';
import { restoreStore } from '../../protect/backup.js';
import { loadKey } from '../../protect/encryption.js';

/** `chronicle restore FILE --db PATH`: checks a backup and puts it in place as the store. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('check a backup (pages and audit chain) and restore it as the store at --db')
    .argument('<file>', 'a file written by chronicle backup')
    .option('--db <location>', 'store path to create (default: $CHRONICLE_DB or ./chronicle.db)')
    .option('--force', 'replace an existing store (stop any server using it first)')
    .option('--key-file <file>', 'key of an encrypted backup (else $CHRONICLE_KEY)')
    .action(async (file: string, options: { db?: string; force?: boolean; keyFile?: string }) => {
      const outcome = await restoreStore(file, resolveDbLocation(options.db), {
        force: options.force === true,
        key: () => loadKey(options.keyFile),
      });
      process.stdout.write(`restored ${outcome.file}: ${outcome.documents} documents, audit log of ${outcome.auditRows} rows intact\n`);
    });
}
