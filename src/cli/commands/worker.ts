import type { Command } from 'commander';
import { resolveDbLocation } from '../../env.js';
import { ValidationError } from '../../errors.js';
import { JobQueue, runWorker } from '../../queue/index.js';
import { openStore } from '../../store/index.js';
import { isPostgresLocation } from '../../store/postgres/index.js';
import { parsePositiveInt } from '../options.js';

interface WorkerCommandOptions {
  db?: string;
  concurrency: number;
  exitWhenIdle?: boolean;
  lease: number;
  poll: number;
  maxAttempts: number;
  backoff: number;
}

/** The PostgreSQL location a queue command works on; the queue lives in the store's database. */
export function queueLocation(db: string | undefined, command: string): string {
  const location = resolveDbLocation(db);
  if (!isPostgresLocation(location)) {
    throw new ValidationError(`${command} needs a PostgreSQL store (--db postgres://… or CHRONICLE_DB); got ${location}`);
  }
  return location;
}

/** `chronicle worker`: take ingest jobs from the PostgreSQL queue, extract and store them. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take queued ingest jobs (chronicle ingest --queue) from PostgreSQL, extract and store them')
    .option('--db <location>', 'PostgreSQL store URL (default: $CHRONICLE_DB)')
    .option('--concurrency <n>', 'jobs in hand at once in this process', parsePositiveInt('--concurrency'), 1)
    .option('--exit-when-idle', 'stop once no job is queued or running')
    .option('--lease <seconds>', 'how long a job stays taken without a heartbeat', parsePositiveInt('--lease'), 30)
    .option('--poll <ms>', 'wait between polls of an empty queue', parsePositiveInt('--poll'), 1000)
    .option('--max-attempts <n>', 'attempts before a job fails for good (new jobs)', parsePositiveInt('--max-attempts'), 5)
    .option('--backoff <ms>', 'delay before the first retry, doubled for each further one', parsePositiveInt('--backoff'), 5000)
    .action(async (options: WorkerCommandOptions) => {
      const location = queueLocation(options.db, 'chronicle worker');
      const store = await openStore(location);
      const queue = await JobQueue.open(location, { maxAttempts: options.maxAttempts, backoffMs: options.backoff });
      const stop = new AbortController();
      // First signal: finish the jobs in hand, then exit. A second one exits at once.
      const onSignal = (): void => {
        if (stop.signal.aborted) process.exit(130);
        process.stderr.write('worker: stopping after the jobs in hand (signal again to quit now)\n');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const totals = await runWorker(store, queue, {
          concurrency: options.concurrency,
          exitWhenIdle: options.exitWhenIdle === true,
          leaseMs: options.lease * 1000,
          pollMs: options.poll,
          signal: stop.signal,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stderr.write(
          `worker: ${totals.added} added, ${totals.duplicates} already present, ` +
            `${totals.retried} to retry, ${totals.failed} failed\n`,
        );
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
      }
    });
}
