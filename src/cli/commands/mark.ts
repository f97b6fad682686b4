import type { Command } from 'commander';
import { markSensitivity } from '../../protect/sensitivity.js';
import { loadKey } from '../../protect/encryption.js';
import { useFieldKey } from '../../protect/field-encryption.js';
import { withStore } from '../with-store.js';
import { cliActor } from '../../auth/cli-actor.js';

interface MarkOptions {
  db?: string;
  reason?: string;
  actor?: string;
  keyFile?: string;
}

/**
 * `chronicle mark ID LEVEL`: sets the sensitivity of a document, entity, event or `ENTITY#attribute`.
 * Marking into or out of `confidential` encrypts or decrypts the record's texts, so it needs the key.
 */
export function registerMarkCommand(program: Command): void {
  program
    .command('mark')
    .description('set the sensitivity (public, restricted, confidential) of a document, entity, event or ENTITY#attribute')
    .argument('<id>', 'document, entity or event id, or ENTITY_ID#attribute')
    .argument('<level>', 'public, restricted or confidential')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--actor <name>', 'who decides (default: the current user)')
    .option('--key-file <file>', 'encryption key for confidential texts (raw 32 bytes, hex or base64; else $CHRONICLE_KEY)')
    .option('--db <location>', 'store path')
    .action(async (id: string, level: string, options: MarkOptions) => {
      if (options.keyFile) useFieldKey(loadKey(options.keyFile));
      await withStore(options.db, async (store) => {
        const outcome = await markSensitivity(store, id, level, {
          actor: cliActor(options.actor),
          reason: options.reason ?? null,
        });
        process.stdout.write(`${outcome.kind} ${outcome.id}: ${outcome.before} → ${outcome.after}\n`);
      });
    });
}
