import { InvalidArgumentError, type Command } from 'commander';
import type { Sensitivity } from '../../domain/chronicle-json.js';
import { cliActor } from '../../auth/cli-actor.js';
import { ValidationError } from '../../errors.js';
import { loadKey } from '../../protect/encryption.js';
import { requireFieldKey, useFieldKey } from '../../protect/field-encryption.js';
import { isSensitivity, SENSITIVITIES } from '../../protect/sensitivity.js';
import { listInputFiles, readInput } from '../../ingest/index.js';
import { ingestDocument, summarizeStore } from '../../services/index.js';
import { openStore } from '../../store/index.js';
import { resolveDbLocation } from '../../env.js';
import { parsePublished } from '../options.js';
import { createProgress } from '../progress.js';
import { JobQueue } from '../../queue/index.js';
import { enqueueFiles } from '../../queue/enqueue-files.js';
import { queueLocation } from './worker.js';

interface IngestOptions {
  db?: string;
  published?: string;
  source?: string;
  url?: string;
  queue?: boolean;
  sensitivity?: Sensitivity;
  keyFile?: string;
}

/** Totals of one ingest run, printed at the end. */
export interface IngestTotals {
  added: number;
  skipped: number;
  failed: number;
  people: number;
  events: number;
}

/** `chronicle ingest PATH...`: read reports, extract, and store each in its own transaction. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('ingest reports (.txt, .html, RSS/Atom feeds, .jsonl, directories, - for stdin) into the store')
    .argument('<paths...>', 'files or directories to ingest; - reads stdin')
    .option('--db <location>', 'store path (default: $CHRONICLE_DB or ./chronicle.db)')
    .option('--published <date>', 'publication date when the file gives none (YYYY-MM-DD)', parsePublished)
    .option('--source <name>', 'outlet name when the file gives none')
    .option('--url <url>', 'address of the report when the file gives none')
    .option('--queue', 'queue the reports for `chronicle worker` instead of extracting here (PostgreSQL stores)')
    .option('--sensitivity <level>', 'level of the new reports: public, restricted (default) or confidential (encrypted at rest)', parseSensitivity)
    .option('--key-file <file>', 'encryption key for confidential reports (raw 32 bytes, hex or base64; else $CHRONICLE_KEY)')
    .action(async (paths: string[], options: IngestOptions) => {
      if (options.keyFile) useFieldKey(loadKey(options.keyFile));
      if (options.queue && options.sensitivity && options.sensitivity !== 'restricted') {
        // A queued job carries the report in plain text until a worker takes it.
        throw new ValidationError('--sensitivity with --queue: queue the reports, then mark them once the workers have stored them');
      }
      if (options.sensitivity === 'confidential') requireFieldKey('ingesting reports as confidential (their texts are encrypted at rest)');
      const totals = options.queue ? await queuePaths(paths, options) : await ingestPaths(paths, options);
      process.exitCode = totals.failed > 0 ? 1 : 0;
    });
}

function parseSensitivity(value: string): Sensitivity {
  if (!isSensitivity(value)) throw new InvalidArgumentError(`use one of ${SENSITIVITIES.join(', ')}`);
  return value;
}

/** Queues every document under `paths` for the workers of a PostgreSQL store. */
async function queuePaths(paths: string[], options: IngestOptions): Promise<{ failed: number }> {
  const location = queueLocation(options.db, 'chronicle ingest --queue');
  const store = await openStore(location);
  try {
    const queue = await JobQueue.open(location);
    try {
      const defaults = { published: options.published ?? null, source: options.source ?? null, url: options.url ?? null };
      const totals = await enqueueFiles(store, queue, paths, defaults, (line) => process.stderr.write(`${line}\n`));
      const counts = await queue.counts();
      process.stderr.write(
        `documents: ${totals.queued} queued, ${totals.skipped} already queued or present, ${totals.failed} failed\n` +
          `queue: ${counts.queued} queued, ${counts.running} running, ${counts.failed} failed, ${counts.done} done\n`,
      );
      return totals;
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}

/** Ingests every file under `paths`; one bad file is reported and the others go on. */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestTotals> {
  const totals: IngestTotals = { added: 0, skipped: 0, failed: 0, people: 0, events: 0 };
  const files = await listInputFiles(paths);
  const store = await openStore(resolveDbLocation(options.db));
  const progress = createProgress(files.length);
  try {
    for (const file of files) {
      const result = await readInput(file, {
        published: options.published ?? null,
        source: options.source ?? null,
        url: options.url ?? null,
      });
      for (const error of result.errors) {
        totals.failed++;
        progress.log(`error: ${error.message}`);
      }
      for (const doc of result.documents) {
        try {
          const outcome = await ingestDocument(store, doc, {
            ...(options.sensitivity ? { sensitivity: options.sensitivity, actor: cliActor(undefined) } : {}),
          });
          if (outcome.status === 'duplicate') {
            totals.skipped++;
            progress.log(`${doc.origin}: already present as ${outcome.documentId}`);
          } else {
            totals.added++;
            totals.people += outcome.people;
            totals.events += outcome.events;
          }
        } catch (error) {
          totals.failed++;
          progress.log(`error: ${doc.origin}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      progress.tick(file);
    }
    progress.stop();
    const summary = await summarizeStore(store);
    process.stderr.write(
      `documents: ${totals.added} added, ${totals.skipped} already present, ${totals.failed} failed; ` +
        `extracted ${totals.people} people and ${totals.events} events\n` +
        `store: ${summary.documents} documents, ${summary.people} people, ${summary.events} events\n`,
    );
  } finally {
    progress.stop();
    await store.close();
  }
  return totals;
}
