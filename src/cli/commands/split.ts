import type { Command } from 'commander';
import { splitEntity } from '../../services/entity-merge.service.js';
import { withStore } from '../with-store.js';
import { actorOf } from './merge.js';

interface SplitOptions {
  mention: string[];
  name?: string;
  reason?: string;
  actor?: string;
  db?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `chronicle split ID --mention …`: the selected mentions leave the entity for a new one, and
 * later ingests keep the two apart.
 */
export function registerSplitCommand(program: Command): void {
  program
    .command('split')
    .description('move some mentions of an entity to a new entity; later ingests keep the two apart')
    .argument('<id>', 'entity id')
    .requiredOption(
      '--mention <selector>',
      'DOCUMENT:START-END, DOCUMENT (all its mentions there) or the mention text; repeatable',
      collect,
      [] as string[],
    )
    .option('--name <name>', 'name of the new entity (default: its longest mention)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--actor <name>', 'who decides (default: the current user)')
    .option('--db <location>', 'store path')
    .action(async (id: string, options: SplitOptions) => {
      await withStore(options.db, async (store) => {
        const outcome = await splitEntity(store, id, options.mention, {
          actor: actorOf(options.actor),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          ...(options.name !== undefined ? { name: options.name } : {}),
        });
        process.stdout.write(
          `split ${outcome.movedMentions} mention(s) and ${outcome.movedEvents} event(s) of ${outcome.entityId} into ${outcome.newEntityId} "${outcome.name}"\n`,
        );
      });
    });
}
