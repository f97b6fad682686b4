import pg from 'pg';
import type { SourceDocument } from '../../domain/source-document.js';
import { createPool } from './index.js';
import { fromJobPayload, toJobPayload, type JobDocument } from './job-payload.js';

/** Where a job is in its life. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'failed', 'done'];

/** A job taken by a worker: the document to ingest and the attempt it is on. */
export interface ClaimedJob {
  id: number;
  attempts: number;
  maxAttempts: number;
  document: SourceDocument;
}

/** A job as `chronicle jobs` lists it. */
export interface JobSummary {
  id: number;
  origin: string;
  status: JobStatus;
  attempts: number;
  lockedBy: string | null;
  leaseUntil: string | null;
  runAfter: string;
  lastError: string | null;
  documentId: string | null;
}

/** What enqueuing one document did. */
export type EnqueueResult = 'queued' | 'already-queued';

/** Retry policy: attempts before a job fails for good, and the backoff between them. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each further one. */
  backoffMs: number;
  /** The longest delay. */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 5_000, maxBackoffMs: 10 * 60_000 };

/** Advisory lock keys: the same class as the store's, a key of its own for creating the table. */
const LOCK_CLASS = 0x63686e;
const SCHEMA_LOCK = 3;

const SCHEMA = `
  create table if not exists ingest_jobs (
    id bigserial primary key,
    sha256 text not null unique,
    origin text not null,
    document jsonb not null,
    original bytea not null,
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    attempts integer not null default 0,
    max_attempts integer not null,
    run_after timestamptz not null default now(),
    locked_by text,
    lease_until timestamptz,
    last_error text,
    outcome text,
    document_id text,
    enqueued_at timestamptz not null default now(),
    finished_at timestamptz
  );
  create index if not exists ingest_jobs_ready on ingest_jobs (id) where status = 'queued';
  create index if not exists ingest_jobs_leases on ingest_jobs (lease_until) where status = 'running';`;

interface JobRow {
  id: string;
  attempts: number;
  max_attempts: number;
  document: JobDocument;
  original: Buffer;
}

/**
 * The ingest queue: a table in the store's PostgreSQL database. Workers take jobs with
 * SELECT … FOR UPDATE SKIP LOCKED under a lease they renew while working; a job whose lease
 * runs out (its worker died) goes back to the queue, and failed attempts are retried with
 * exponential backoff until `maxAttempts`.
 */
export class JobQueue {
  private constructor(
    private readonly pool: pg.Pool,
    readonly retry: RetryPolicy,
  ) {}

  /** Connects to the database at `url` and creates the jobs table if needed. */
  static async open(url: string, retry: Partial<RetryPolicy> = {}): Promise<JobQueue> {
    const pool = createPool(url, { maxConnections: 4 });
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1, $2)', [LOCK_CLASS, SCHEMA_LOCK]);
      try {
        await client.query(SCHEMA);
      } finally {
        await client.query('select pg_advisory_unlock($1, $2)', [LOCK_CLASS, SCHEMA_LOCK]);
      }
    } catch (error) {
      client.release();
      await pool.end();
      throw error;
    }
    client.release();
    return new JobQueue(pool, { ...DEFAULT_RETRY, ...retry });
  }

  /** Adds a document; the same bytes (sha256) are queued once, whatever their state. */
  async enqueue(doc: SourceDocument): Promise<EnqueueResult> {
    const { document, original } = toJobPayload(doc);
    const result = await this.pool.query(
      `insert into ingest_jobs (sha256, origin, document, original, max_attempts)
       values ($1, $2, $3, $4, $5) on conflict (sha256) do nothing`,
      [doc.sha256.toLowerCase(), doc.origin, JSON.stringify(document), Buffer.from(original), this.retry.maxAttempts],
    );
    return result.rowCount === 1 ? 'queued' : 'already-queued';
  }

  /**
   * Sends jobs whose lease ran out back to the queue (or fails them when out of attempts).
   * Returns how many were recovered.
   */
  async recoverExpired(): Promise<number> {
    const result = await this.pool.query(
      `update ingest_jobs
         set status = case when attempts >= max_attempts then 'failed' else 'queued' end,
             last_error = 'worker ' || coalesce(locked_by, '?') || ' stopped (lease expired)',
             finished_at = case when attempts >= max_attempts then now() end,
             run_after = now(), lease_until = null
       where status = 'running' and lease_until < now()`,
    );
    return result.rowCount ?? 0;
  }

  /** Takes the oldest ready job for `workerId` with a lease of `leaseMs`, or null when none is ready. */
  async claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null> {
    const result = await this.pool.query<JobRow>(
      `with next as (
         select id from ingest_jobs
         where status = 'queued' and run_after <= now()
         order by id
         for update skip locked
         limit 1)
       update ingest_jobs j
         set status = 'running', attempts = j.attempts + 1, locked_by = $1,
             lease_until = now() + make_interval(secs => $2::double precision / 1000)
       from next where j.id = next.id
       returning j.id, j.attempts, j.max_attempts, j.document, j.original`,
      [workerId, leaseMs],
    );
    const row = result.rows[0];
    if (!row) return null;
    return {
      id: Number(row.id),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      document: fromJobPayload(row.document, row.original),
    };
  }

  /** Extends the lease of a job this worker still holds; false when it has lost it. */
  async heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.pool.query(
      `update ingest_jobs set lease_until = now() + make_interval(secs => $3::double precision / 1000)
       where id = $1 and locked_by = $2 and status = 'running'`,
      [jobId, workerId, leaseMs],
    );
    return result.rowCount === 1;
  }

  /** Records a finished job (the worker that finished it stays in `locked_by`). */
  async complete(jobId: number, workerId: string, outcome: { status: string; documentId: string }): Promise<void> {
    await this.pool.query(
      `update ingest_jobs
         set status = 'done', outcome = $3, document_id = $4, locked_by = $2, lease_until = null,
             finished_at = now(), last_error = null
       where id = $1 and status <> 'done'`,
      [jobId, workerId, outcome.status, outcome.documentId],
    );
  }

  /** Records a failed attempt: retried after a backoff, or failed for good after the last attempt. */
  async fail(job: ClaimedJob, workerId: string, error: string): Promise<'retry' | 'failed'> {
    const final = job.attempts >= job.maxAttempts;
    const delay = Math.min(this.retry.backoffMs * 2 ** (job.attempts - 1), this.retry.maxBackoffMs);
    await this.pool.query(
      `update ingest_jobs
         set status = $3, last_error = $4, lease_until = null,
             run_after = now() + make_interval(secs => $5::double precision / 1000),
             finished_at = case when $3 = 'failed' then now() end
       where id = $1 and locked_by = $2 and status = 'running'`,
      [job.id, workerId, final ? 'failed' : 'queued', error.slice(0, 2000), delay],
    );
    return final ? 'failed' : 'retry';
  }

  /** Jobs per status (every status present, 0 when none). */
  async counts(): Promise<Record<JobStatus, number>> {
    const result = await this.pool.query<{ status: JobStatus; n: string }>(
      'select status, count(*) as n from ingest_jobs group by status',
    );
    const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const row of result.rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** True while any job is queued (ready or waiting out a backoff) or running. */
  async hasPendingWork(): Promise<boolean> {
    const result = await this.pool.query(
      `select 1 from ingest_jobs where status in ('queued', 'running') limit 1`,
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Jobs of the given statuses, oldest first, at most `limit`. */
  async list(statuses: readonly JobStatus[], limit = 50): Promise<JobSummary[]> {
    const result = await this.pool.query<{
      id: string;
      origin: string;
      status: JobStatus;
      attempts: number;
      locked_by: string | null;
      lease_until: Date | null;
      run_after: Date;
      last_error: string | null;
      document_id: string | null;
    }>(
      `select id, origin, status, attempts, locked_by, lease_until, run_after, last_error, document_id
       from ingest_jobs where status = any($1) order by id limit $2`,
      [statuses, limit],
    );
    return result.rows.map((r) => ({
      id: Number(r.id),
      origin: r.origin,
      status: r.status,
      attempts: r.attempts,
      lockedBy: r.locked_by,
      leaseUntil: r.lease_until?.toISOString() ?? null,
      runAfter: r.run_after.toISOString(),
      lastError: r.last_error,
      documentId: r.document_id,
    }));
  }

  /** Puts failed jobs back in the queue with fresh attempts; returns how many. */
  async retryFailed(): Promise<number> {
    const result = await this.pool.query(
      `update ingest_jobs set status = 'queued', attempts = 0, run_after = now(), finished_at = null
       where status = 'failed'`,
    );
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
