import type { Command } from 'commander';
import { markSensitivity } from '../../protect/sensitivity.js';
import { withStore } from '../with-store.js';
import { cliActor } from '../../auth/cli-actor.js';

interface MarkOptions {
  db?: string;
  reason?: string;
  actor?: string;
}

/** `chronicle mark ID LEVEL`: sets the sensitivity of a document, entity, event or `ENTITY#attribute`. */
export function registerMarkCommand(program: Command): void {
  program
    .command('mark')
    .description('set the sensitivity (public, restricted, confidential) of a document, entity, event or ENTITY#attribute')
    .argument('<id>', 'document, entity or event id, or ENTITY_ID#attribute')
    .argument('<level>', 'public, restricted or confidential')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--actor <name>', 'who decides (default: the current user)')
    .option('--db <location>', 'store path')
    .action(async (id: string, level: string, options: MarkOptions) => {
      await withStore(options.db, async (store) => {
        const outcome = await markSensitivity(store, id, level, {
          actor: cliActor(options.actor),
          reason: options.reason ?? null,
        });
        process.stdout.write(`${outcome.kind} ${outcome.id}: ${outcome.before} → ${outcome.after}\n`);
      });
    });
}
