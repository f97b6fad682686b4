import type { ReviewableStore } from '../store/reviewable-store.js';
import { mergeEntities, splitEntity, type MergeOutcome, type SplitOutcome } from './entity-merge.service.js';
import { LOCAL_ACTOR } from './review.service.js';

/**
 * A reviewer merges `mergedId` into `survivorId` (same person under two entries); the decision is
 * also recorded in the review log next to event decisions.
 */
export async function mergeFromReview(
  deps: ReviewableStore,
  survivorId: string,
  mergedId: string,
  reason: string | null,
): Promise<MergeOutcome> {
  const merged = await deps.store.entities.get(mergedId);
  const outcome = await mergeEntities(deps.store, survivorId, mergedId, { actor: LOCAL_ACTOR, ...(reason ? { reason } : {}) });
  await deps.review.appendLog({
    at: new Date().toISOString(),
    actor: LOCAL_ACTOR,
    action: 'merge',
    targetKind: 'entity',
    targetId: outcome.survivorId,
    before: { mergedId: outcome.mergedId, mergedName: merged?.name ?? null, mergedAliases: merged?.aliases ?? [] },
    after: outcome,
    reason,
  });
  return outcome;
}

/**
 * A reviewer splits off the mentions in `documentIds` (another person of the same name) into a
 * new entity; recorded in the review log.
 */
export async function splitFromReview(
  deps: ReviewableStore,
  entityId: string,
  documentIds: string[],
  options: { name?: string; reason: string | null },
): Promise<SplitOutcome> {
  const outcome = await splitEntity(deps.store, entityId, documentIds, {
    actor: LOCAL_ACTOR,
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  await deps.review.appendLog({
    at: new Date().toISOString(),
    actor: LOCAL_ACTOR,
    action: 'split',
    targetKind: 'entity',
    targetId: outcome.entityId,
    before: { documents: documentIds },
    after: outcome,
    reason: options.reason,
  });
  return outcome;
}
