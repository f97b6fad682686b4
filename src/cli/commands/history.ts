import type { Command } from 'commander';
import { readHistory, sealAuditLog } from '../../audit/index.js';
import { NotFoundError } from '../../errors.js';
import { withStore } from '../with-store.js';

/** `chronicle history ID`: every recorded change to a document, entity, event or account, oldest first. */
export function registerHistoryCommand(program: Command): void {
  program
    .command('history')
    .description('every recorded change to a document, entity, event or account (who, when, before, after, why)')
    .argument('<id>', 'the record id')
    .option('--json', 'one JSON object per line')
    .option('--db <location>', 'store path')
    .action(async (id: string, options: { db?: string; json?: boolean }) => {
      await withStore(options.db, async (store) => {
        await sealAuditLog(store);
        const entries = await readHistory(store, id);
        if (entries.length === 0) throw new NotFoundError(`history of ${id}`);
        for (const e of entries) {
          if (options.json) {
            process.stdout.write(`${JSON.stringify(e)}\n`);
            continue;
          }
          process.stdout.write(`${e.at}  ${e.actor}  ${e.action}${e.reason ? `  — ${e.reason}` : ''}\n`);
          if (e.before !== null) process.stdout.write(`    before: ${JSON.stringify(e.before)}\n`);
          if (e.after !== null) process.stdout.write(`    after:  ${JSON.stringify(e.after)}\n`);
        }
      });
    });
}
