import type { Command } from 'commander';
import { JOB_STATUSES, JobQueue, type JobStatus } from '../../queue/index.js';
import { ValidationError } from '../../errors.js';
import { oneLine } from '../present.js';
import { parsePositiveInt } from '../options.js';
import { queueLocation } from './worker.js';

interface JobsCommandOptions {
  db?: string;
  status?: string;
  limit: number;
  json?: boolean;
  retryFailed?: boolean;
}

/** `chronicle jobs`: the ingest queue: counts per status, running and failed jobs. */
export function registerJobsCommand(program: Command): void {
  program
    .command('jobs')
    .description('show the ingest queue: queued, running, failed and done jobs')
    .option('--db <location>', 'PostgreSQL store URL (default: $CHRONICLE_DB)')
    .option('--status <status>', `list jobs of one status (${JOB_STATUSES.join(', ')})`)
    .option('--limit <n>', 'jobs listed at most', parsePositiveInt('--limit'), 20)
    .option('--json', 'print {"counts": …, "jobs": […]}')
    .option('--retry-failed', 'queue failed jobs again with fresh attempts')
    .action(async (options: JobsCommandOptions) => {
      if (options.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(options.status)) {
        throw new ValidationError(`--status ${options.status}: use one of ${JOB_STATUSES.join(', ')}`);
      }
      const queue = await JobQueue.open(queueLocation(options.db, 'chronicle jobs'));
      try {
        if (options.retryFailed) process.stderr.write(`requeued ${await queue.retryFailed()} failed job(s)\n`);
        const counts = await queue.counts();
        const statuses: JobStatus[] = options.status ? [options.status as JobStatus] : ['running', 'failed'];
        const jobs = await queue.list(statuses, options.limit);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ counts, jobs }, null, 2)}\n`);
          return;
        }
        const lines = JOB_STATUSES.map((s) => `${s.padEnd(8)} ${counts[s]}`);
        for (const job of jobs) {
          const who = job.status === 'running' ? ` by ${job.lockedBy ?? '?'} until ${job.leaseUntil ?? '?'}` : '';
          const why = job.lastError ? `: ${oneLine(job.lastError, 120)}` : '';
          const stored = job.documentId ? ` → ${job.documentId}` : '';
          lines.push(`  #${job.id} ${job.status} (attempt ${job.attempts}) ${job.origin}${who}${stored}${why}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await queue.close();
      }
    });
}
