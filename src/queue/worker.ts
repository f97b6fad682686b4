import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestDocument } from '../services/index.js';
import type { Store } from '../store/index.js';
import type { ClaimedJob, JobQueue } from '../store/postgres/job-queue.js';

/** How a worker runs. */
export interface WorkerOptions {
  /** Jobs worked on at once in this process (database waits overlap with extraction). */
  concurrency: number;
  /** Stop once no job is queued or running, instead of waiting for more. */
  exitWhenIdle: boolean;
  /** How long a taken job stays this worker's without a heartbeat. */
  leaseMs: number;
  /** Wait between polls of an empty queue. */
  pollMs: number;
  /** Stops taking new jobs when aborted (jobs in hand are finished). */
  signal?: AbortSignal;
  /** Progress lines (job started, done, failed). */
  log?: (line: string) => void;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  concurrency: 1,
  exitWhenIdle: false,
  leaseMs: 30_000,
  pollMs: 1_000,
};

/** What a worker did before it stopped. */
export interface WorkerTotals {
  added: number;
  duplicates: number;
  retried: number;
  failed: number;
}

/** A worker id that names the machine and process, for `chronicle jobs` and the log. */
export function workerId(slot: number): string {
  return `${hostname()}:${process.pid}:${slot}`;
}

/**
 * Takes jobs from the queue and ingests each (extract, link, store: `ingestDocument`) until
 * stopped, or until the queue is empty with `exitWhenIdle`. Storing is idempotent by sha256, so a
 * job repeated after a lost lease or a crash between commit and acknowledgement is harmless.
 */
export async function runWorker(store: Store, queue: JobQueue, options: Partial<WorkerOptions> = {}): Promise<WorkerTotals> {
  const opts = { ...DEFAULT_WORKER_OPTIONS, ...options };
  const log = opts.log ?? (() => undefined);
  const totals: WorkerTotals = { added: 0, duplicates: 0, retried: 0, failed: 0 };

  async function work(job: ClaimedJob, id: string): Promise<void> {
    log(`job ${job.id} started by ${id} (attempt ${job.attempts}/${job.maxAttempts}): ${job.document.origin}`);
    const beat = setInterval(() => {
      queue.heartbeat(job.id, id, opts.leaseMs).catch((error: unknown) => log(`job ${job.id}: heartbeat failed: ${String(error)}`));
    }, Math.max(100, Math.floor(opts.leaseMs / 3)));
    try {
      const outcome = await ingestDocument(store, job.document);
      await queue.complete(job.id, id, outcome);
      if (outcome.status === 'added') totals.added++;
      else totals.duplicates++;
      log(`job ${job.id} done: ${outcome.status} as ${outcome.documentId}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const verdict = await queue.fail(job, id, message);
      if (verdict === 'failed') totals.failed++;
      else totals.retried++;
      log(`job ${job.id} ${verdict === 'failed' ? 'failed' : 'will be retried'}: ${message}`);
    } finally {
      clearInterval(beat);
    }
  }

  async function slot(n: number): Promise<void> {
    const id = workerId(n);
    while (!opts.signal?.aborted) {
      await queue.recoverExpired();
      const job = await queue.claim(id, opts.leaseMs);
      if (job) {
        await work(job, id);
        continue;
      }
      if (opts.exitWhenIdle && !(await queue.hasPendingWork())) return;
      await sleep(opts.pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, (_, i) => slot(i + 1)));
  return totals;
}
