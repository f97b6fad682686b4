import type { CaseView, EventView, EntityRef } from '../../src/services/case-view.service.js';
import type { CaseExport } from '../../src/services/case-export.service.js';
import type { DocumentView } from '../../src/services/document-view.service.js';
import type { HomeView } from '../../src/services/home.service.js';
import type { QueueItem, ReviewAction, EventCorrection } from '../../src/services/review.service.js';
import type { SearchResults } from '../../src/services/web-search.service.js';
import type { UploadOutcome } from '../../src/services/upload.service.js';
import type { EntityCount, ReviewLogEntry } from '../../src/store/kysely/review.repository.js';

export type {
  CaseView,
  CaseExport,
  DocumentView,
  EntityCount,
  EntityRef,
  EventCorrection,
  EventView,
  HomeView,
  QueueItem,
  ReviewAction,
  ReviewLogEntry,
  SearchResults,
  UploadOutcome,
};

/** An event type of the vocabulary. */
export interface EventTypeInfo {
  id: string;
  label: string;
  group: string;
  definition: string;
}

/** An error the API answered with; `message` names the problem. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = data && typeof data === 'object' && 'message' in data ? String(data.message) : response.statusText;
    throw new ApiError(message, response.status);
  }
  return data as T;
}

/** Query string of the defined, non-empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export type CaseScope = 'confirmed' | 'reviewable' | 'all';

/** The API of `chronicle serve`, one function per route. */
export const api = {
  home: () => request<HomeView>('GET', '/api/home'),
  eventTypes: () => request<EventTypeInfo[]>('GET', '/api/event-types'),
  search: (params: Record<string, string | number | undefined>) => request<SearchResults>('GET', `/api/search${queryString(params)}`),
  entities: (q: string, type = 'person') => request<EntityCount[]>('GET', `/api/entities${queryString({ q, type })}`),
  caseView: (id: string, scope: CaseScope = 'reviewable') =>
    request<CaseView>('GET', `/api/entities/${encodeURIComponent(id)}${queryString({ scope })}`),
  caseExport: (id: string, scope: CaseScope) =>
    request<CaseExport>('GET', `/api/entities/${encodeURIComponent(id)}/export${queryString({ format: 'json', scope })}`),
  document: (id: string) => request<DocumentView>('GET', `/api/documents/${encodeURIComponent(id)}`),
  queue: (offset: number, type?: string) =>
    request<{ total: number; items: QueueItem[] }>('GET', `/api/review/queue${queryString({ limit: 1, offset, type })}`),
  review: (id: string, action: ReviewAction, changes?: EventCorrection, reason?: string) =>
    request<EventView>('POST', `/api/events/${encodeURIComponent(id)}/review`, {
      action,
      ...(changes ? { changes } : {}),
      ...(reason ? { reason } : {}),
    }),
  merge: (id: string, mergedId: string, reason?: string) =>
    request<{ survivorId: string; mergedId: string; eventsJoined: number }>('POST', `/api/entities/${encodeURIComponent(id)}/merge`, {
      mergedId,
      ...(reason ? { reason } : {}),
    }),
  split: (id: string, documents: string[], name?: string, reason?: string) =>
    request<{ entityId: string; newEntityId: string; name: string; movedMentions: number; movedEvents: number }>(
      'POST',
      `/api/entities/${encodeURIComponent(id)}/split`,
      { documents, ...(name ? { name } : {}), ...(reason ? { reason } : {}) },
    ),
  reviewLog: (limit = 20) => request<ReviewLogEntry[]>('GET', `/api/review/log${queryString({ limit })}`),
  ingest: (body: { name: string; content?: string; text?: string; kind?: string; published?: string; source?: string; url?: string }) =>
    request<UploadOutcome>('POST', '/api/ingest', body),
};
