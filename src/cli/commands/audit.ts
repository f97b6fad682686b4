import type { Command } from 'commander';
import { listAudit, sealAuditLog, verifyAuditLog } from '../../audit/index.js';
import { cliActor } from '../../auth/cli-actor.js';
import { timestampDocuments } from '../../protect/timestamp.js';
import { parsePositiveInt } from '../options.js';
import { withStore } from '../with-store.js';

/** `chronicle audit verify|log|timestamp`: checks the hash chain of the audit log, or prints its latest entries. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log of every change');
  audit
    .command('verify')
    .description('check every link of the audit chain; exits 1 and names the first broken row')
    .option('--db <location>', 'store path')
    .action(async (options: { db?: string }) => {
      await withStore(options.db, async (store) => {
        // Rows recorded by triggers are chained first, so the check covers them too.
        await sealAuditLog(store);
        const verdict = await verifyAuditLog(store);
        if (verdict.ok) {
          process.stdout.write(`audit log intact: ${verdict.rows} rows, head ${verdict.head}\n`);
        } else {
          process.stderr.write(`chronicle: audit log broken at row ${verdict.brokenAt}: ${verdict.problem}\n`);
          process.exitCode = 1;
        }
      });
    });
  audit
    .command('log')
    .description('the latest entries, newest first')
    .option('--limit <n>', 'how many', parsePositiveInt('--limit'), 20)
    .option('--json', 'one JSON object per line')
    .option('--db <location>', 'store path')
    .action(async (options: { db?: string; limit: number; json?: boolean }) => {
      await withStore(options.db, async (store) => {
        await sealAuditLog(store);
        for (const entry of await listAudit(store, { limit: options.limit })) {
          process.stdout.write(
            options.json
              ? `${JSON.stringify(entry)}\n`
              : `${entry.seq}\t${entry.at}\t${entry.actor}\t${entry.action}\t${entry.targetKind} ${entry.targetId}${entry.reason ? `\t(${entry.reason})` : ''}\n`,
          );
        }
      });
    });
  audit
    .command('timestamp')
    .description('have an RFC 3161 time-stamp authority sign the SHA-256 of every document not yet stamped by it')
    .requiredOption('--tsa <url>', 'the TSA address (e.g. https://freetsa.org/tsr)')
    .option('--actor <name>', 'who asks (default: the current user)')
    .option('--db <location>', 'store path')
    .action(async (options: { db?: string; tsa: string; actor?: string }) => {
      await withStore(options.db, async (store) => {
        const outcome = await timestampDocuments(store, options.tsa, cliActor(options.actor));
        process.stdout.write(`timestamped ${outcome.stamped} documents (${outcome.skipped} already stamped by this TSA)\n`);
      });
    });
}
