export { JobQueue, JOB_STATUSES, DEFAULT_RETRY, type ClaimedJob, type JobStatus, type JobSummary, type EnqueueResult, type RetryPolicy } from '../store/postgres/job-queue.js';
export { runWorker, workerId, DEFAULT_WORKER_OPTIONS, type WorkerOptions, type WorkerTotals } from './worker.js';
