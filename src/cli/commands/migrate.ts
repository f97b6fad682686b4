import type { Command } from 'commander';
import { ValidationError } from '../../errors.js';
import { openStore } from '../../store/index.js';
import { copyStore } from '../../store/postgres/copy-store.js';

interface MigrateOptions {
  from?: string;
  to?: string;
  db?: string;
}

/**
 * `chronicle migrate`: bring a store's schema up to date (`--db`), or copy a whole store into an
 * empty PostgreSQL one (`--from cases.db --to postgres://…`).
 */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('update a store\'s schema (--db), or copy a store into an empty PostgreSQL store (--from … --to postgres://…)')
    .option('--db <location>', 'store to bring up to date (default: $CHRONICLE_DB or ./chronicle.db)')
    .option('--from <location>', 'store to copy (SQLite file or postgres:// URL)')
    .option('--to <url>', 'empty PostgreSQL store to copy into')
    .action(async (options: MigrateOptions) => {
      if ((options.from === undefined) !== (options.to === undefined)) {
        throw new ValidationError('--from and --to go together');
      }
      if (options.from === undefined || options.to === undefined) {
        const store = await openStore(options.db);
        try {
          process.stderr.write(`${store.location}: schema version ${await store.schemaVersion()}\n`);
        } finally {
          await store.close();
        }
        return;
      }
      const source = await openStore(options.from);
      try {
        const target = await openStore(options.to);
        try {
          const counts = await copyStore(source, target, { log: (line) => process.stderr.write(`${line}\n`) });
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          process.stderr.write(`copied ${total} row(s) from ${source.location} to ${target.location}\n`);
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}
