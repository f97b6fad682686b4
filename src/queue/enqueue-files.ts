import { listInputFiles, readInput } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import type { JobQueue } from '../store/postgres/job-queue.js';

/** Totals of one enqueue run. */
export interface EnqueueTotals {
  queued: number;
  /** Bytes already queued (in any state) or already in the store. */
  skipped: number;
  /** Files or items that could not be read. */
  failed: number;
}

/** Reads every file under `paths` and queues its documents; bad files are reported and skipped. */
export async function enqueueFiles(
  store: Store,
  queue: JobQueue,
  paths: string[],
  defaults: { published: string | null; source: string | null; url: string | null },
  log: (line: string) => void,
): Promise<EnqueueTotals> {
  const totals: EnqueueTotals = { queued: 0, skipped: 0, failed: 0 };
  for (const file of await listInputFiles(paths)) {
    const result = await readInput(file, defaults);
    for (const error of result.errors) {
      totals.failed++;
      log(`error: ${error.message}`);
    }
    for (const doc of result.documents) {
      const stored = await store.documents.findBySha256(doc.sha256.toLowerCase());
      if (stored) {
        totals.skipped++;
        log(`${doc.origin}: already present as ${stored.id}`);
        continue;
      }
      if ((await queue.enqueue(doc)) === 'queued') totals.queued++;
      else {
        totals.skipped++;
        log(`${doc.origin}: already queued`);
      }
    }
  }
  return totals;
}
