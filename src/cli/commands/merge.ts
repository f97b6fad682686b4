import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { mergeEntities } from '../../services/entity-merge.service.js';
import { withStore } from '../with-store.js';

interface MergeOptions {
  db?: string;
  reason?: string;
  actor?: string;
}

/** The reviewer named on the command line, else the account running it. */
export function actorOf(option: string | undefined): string {
  if (option) return option;
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

/** `chronicle merge KEEP OTHER`: a reviewer says two entities are one; recorded in the resolution log. */
export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('merge two entities into the first (mentions, aliases, events, facts); the second id redirects to it')
    .argument('<keep>', 'id of the entity that remains')
    .argument('<other>', 'id of the entity merged into it')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--actor <name>', 'who decides (default: the current user)')
    .option('--db <location>', 'store path')
    .action(async (keep: string, other: string, options: MergeOptions) => {
      await withStore(options.db, async (store) => {
        const outcome = await mergeEntities(store, keep, other, {
          actor: actorOf(options.actor),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
        });
        const note = outcome.overrodeSeparation ? ' (they had been split before; that separation is lifted)' : '';
        process.stdout.write(`merged ${outcome.mergedId} into ${outcome.survivorId}${note}\n`);
      });
    });
}
