import type { Database } from './schema.js';

/** One row of the review log (migration 003). JSON snapshots are text, as elsewhere in the schema. */
export interface ReviewLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** The core schema plus the review log. */
export interface ReviewDatabase extends Database {
  review_log: ReviewLogTable;
}
