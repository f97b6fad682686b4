import type { ReviewStatus } from '../domain/chronicle-json.js';
import { isEventType } from '../domain/event-types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { EventChanges, EventFilter, ReviewLogEntry } from '../store/kysely/review.repository.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import type { EventRecord } from '../store/index.js';
import { presentEvents, type EntityRef, type EventView } from './case-view.service.js';

/** What a reviewer decides about a suggested fact. */
export type ReviewAction = 'confirm' | 'reject' | 'correct';

/** A reviewer's correction: only the fields given change. Dates are ISO prefixes, durations ISO 8601. */
export interface EventCorrection {
  type?: string;
  subjectId?: string | null;
  placeId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  duration?: string | null;
}

/** One review decision. A correction also confirms the event unless `status` says otherwise. */
export interface ReviewDecision {
  action: ReviewAction;
  changes?: EventCorrection;
  reason?: string | null;
  actor?: string;
}

/** An event waiting for review, with the report around its evidence and the entities a correction may pick. */
export interface QueueItem {
  event: EventView;
  /** The evidence's paragraph: text before, the evidence, text after. */
  context: { documentId: string; before: string; quote: string; after: string } | null;
  /** People, organizations and places named in the evidence's report. */
  candidates: EntityRef[];
}

/** Single-user mode until accounts exist: every action is recorded under this name. */
export const LOCAL_ACTOR = 'local';

const CONTEXT_CHARS = 280;

/** Suggested (or other) events one page at a time, each with its evidence in context. */
export async function getReviewQueue(
  deps: ReviewableStore,
  filter: EventFilter = {},
): Promise<{ total: number; items: QueueItem[] }> {
  const { total, events } = await deps.review.listEvents({ status: 'suggested', ...filter });
  const views = await presentEvents(deps, events, { evidenceLimit: 5 });
  const items: QueueItem[] = [];
  for (const event of views) {
    const first = event.evidence[0];
    let context: QueueItem['context'] = null;
    let candidates: EntityRef[] = [];
    if (first) {
      const text = (await deps.store.documents.getText(first.documentId)) ?? '';
      context = {
        documentId: first.documentId,
        before: trimStart(text.slice(Math.max(0, first.start - CONTEXT_CHARS), first.start)),
        quote: text.slice(first.start, first.end),
        after: trimEnd(text.slice(first.end, first.end + CONTEXT_CHARS)),
      };
      const seen = new Map<string, EntityRef>();
      for (const m of await deps.review.documentMentions(first.documentId)) {
        if (!seen.has(m.entityId)) seen.set(m.entityId, { id: m.entityId, type: m.entityType, name: m.entityName });
      }
      candidates = [...seen.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    }
    items.push({ event, context, candidates });
  }
  return { total, items };
}

function trimStart(s: string): string {
  const cut = s.search(/\s/);
  return cut >= 0 && s.length >= CONTEXT_CHARS ? `…${s.slice(cut + 1)}` : s;
}

function trimEnd(s: string): string {
  const cut = s.lastIndexOf(' ');
  return cut >= 0 && s.length >= CONTEXT_CHARS ? `${s.slice(0, cut)}…` : s;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$/;

async function checkCorrection({ store }: ReviewableStore, c: EventCorrection): Promise<void> {
  if (c.type !== undefined && !isEventType(c.type)) throw new ValidationError(`unknown event type: ${c.type}`);
  for (const [field, value] of [['dateFrom', c.dateFrom], ['dateTo', c.dateTo]] as const) {
    if (value && !ISO_DATE.test(value)) throw new ValidationError(`${field} ${value}: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (c.dateFrom && c.dateTo && c.dateTo < c.dateFrom) throw new ValidationError('dateTo lies before dateFrom');
  if (c.duration && !ISO_DURATION.test(c.duration)) throw new ValidationError(`duration ${c.duration}: expected an ISO 8601 duration such as P2Y or P15D`);
  if (c.subjectId) {
    const subject = await store.entities.get(c.subjectId);
    if (!subject) throw new NotFoundError(`entity ${c.subjectId}`);
    if (subject.type === 'place') throw new ValidationError(`${subject.name} is a place and cannot be a subject`);
  }
  if (c.placeId) {
    const place = await store.entities.get(c.placeId);
    if (!place) throw new NotFoundError(`entity ${c.placeId}`);
    if (place.type !== 'place') throw new ValidationError(`${place.name} is not a place`);
  }
}

function snapshot(e: EventRecord): Record<string, unknown> {
  return {
    type: e.type,
    subjectId: e.subjectId,
    placeId: e.placeId,
    dateFrom: e.dateFrom,
    dateTo: e.dateTo,
    duration: e.duration,
    status: e.status,
  };
}

/**
 * Confirms, rejects or corrects one event and records the decision in the review log (who, when,
 * before, after, why) in the same transaction. Returns the event as it now is.
 */
export async function reviewEvent(deps: ReviewableStore, eventId: string, decision: ReviewDecision): Promise<EventView> {
  if (decision.action === 'correct') {
    if (!decision.changes || Object.keys(decision.changes).length === 0) {
      throw new ValidationError('a correction needs at least one changed field');
    }
    await checkCorrection(deps, decision.changes);
  }
  const status: ReviewStatus = decision.action === 'reject' ? 'rejected' : 'confirmed';
  const updated = await deps.review.transaction(async (review) => {
    const before = (await review.listEvents({ ids: [eventId], limit: 1 })).events[0];
    if (!before) throw new NotFoundError(`event ${eventId}`);
    const changes: EventChanges = { ...(decision.action === 'correct' ? decision.changes : {}), status };
    if (decision.action === 'correct' && (changes.dateFrom !== undefined || changes.dateTo !== undefined)) {
      changes.dateText = before.dateText;
    }
    await review.updateEvent(eventId, changes);
    const after = (await review.listEvents({ ids: [eventId], limit: 1 })).events[0] as EventRecord;
    await review.appendLog({
      at: new Date().toISOString(),
      actor: decision.actor ?? LOCAL_ACTOR,
      action: decision.action,
      targetKind: 'event',
      targetId: eventId,
      before: snapshot(before),
      after: snapshot(after),
      reason: decision.reason ?? null,
    });
    return after;
  });
  const [view] = await presentEvents(deps, [updated]);
  return view as EventView;
}

/** The review log, newest first, optionally for one event. */
export function getReviewLog(deps: ReviewableStore, options: { eventId?: string; limit?: number } = {}): Promise<ReviewLogEntry[]> {
  return deps.review.listLog({
    ...(options.eventId ? { targetKind: 'event', targetId: options.eventId } : {}),
    limit: options.limit ?? 100,
  });
}
