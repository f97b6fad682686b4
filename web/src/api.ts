import type { CaseView, EventView, EntityRef } from '../../src/services/case-view.service.js';
import type { CaseExport } from '../../src/services/case-export.service.js';
import type { DocumentView } from '../../src/services/document-view.service.js';
import type { HomeView } from '../../src/services/home.service.js';
import type { QueueItem, ReviewAction, EventCorrection } from '../../src/services/review.service.js';
import type { SearchResults } from '../../src/services/web-search.service.js';
import type { UploadOutcome } from '../../src/services/upload.service.js';
import type { EntityCount, ReviewLogEntry } from '../../src/store/kysely/review.repository.js';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import type { Sensitivity } from '../../src/domain/chronicle-json.js';
import type { MarkOutcome } from '../../src/protect/sensitivity.js';

export type {
  AuditEntry,
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
  MarkOutcome,
  SearchResults,
  Sensitivity,
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

/** A record's level as `GET /api/sensitivity` answers it (src/auth/http-routes.ts). */
export interface RecordSensitivity {
  id: string;
  level: Sensitivity;
  /** Attributes marked on their own; an attribute without a mark has the entity's level. */
  attributes?: Record<string, Sensitivity>;
}

/** Who is using the app, as `GET /api/auth/me` says. */
export interface Session {
  /** The account name, `local` in single-user mode, null when not logged in. */
  name: string | null;
  role: 'admin' | 'editor' | 'contributor' | 'viewer' | 'public';
  /** No account exists yet: the local user acts as admin. */
  singleUser: boolean;
  csrfToken: string | null;
}

/** The login page the server renders (script-free, outside the app). */
export const LOGIN_PATH = '/login';

let csrfToken: string | null = null;

/** Remembers the session's CSRF token; every state-changing request carries it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  // No session (never logged in, logged out elsewhere, or expired): the server's login page takes over.
  if (response.status === 401) {
    // …and brings the reader back to this page once logged in.
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(here === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`);
    throw new ApiError('Not logged in: opening the login page', 401);
  }
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = data && typeof data === 'object' && 'message' in data ? String(data.message) : response.statusText;
    throw new ApiError(message, response.status);
  }
  return data as T;
}

/** Ids per sensitivity lookup, well under the server's limit and the URL length a server accepts. */
const LOOKUP_CHUNK = 100;

async function sensitivityOf(ids: readonly string[]): Promise<RecordSensitivity[]> {
  const unique = [...new Set(ids)];
  const out: RecordSensitivity[] = [];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const q = new URLSearchParams();
    for (const id of unique.slice(i, i + LOOKUP_CHUNK)) q.append('id', id);
    out.push(...(await request<{ records: RecordSensitivity[] }>('GET', `/api/sensitivity?${q}`)).records);
  }
  return out;
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
  session: () => request<Session>('GET', '/api/auth/me'),
  logout: () => request<{ ok: boolean }>('POST', '/api/auth/logout'),
  /** Levels of the given records (those the reader may see); an entity's with its attributes' own marks. */
  sensitivity: (ids: readonly string[]) => (ids.length ? sensitivityOf(ids) : Promise.resolve([])),
  /** Sets the sensitivity of a document, entity, event or `ENTITY_ID#attribute`. */
  mark: (id: string, level: Sensitivity, reason?: string) =>
    request<MarkOutcome>('POST', '/api/mark', { id, level, ...(reason ? { reason } : {}) }),
  /** Every recorded change to a record, oldest first (an entity's with its attributes' marks). */
  history: (id: string) => request<AuditEntry[]>('GET', `/api/history/${encodeURIComponent(id)}`),
  ingest: (body: { name: string; content?: string; text?: string; kind?: string; published?: string; source?: string; url?: string }) =>
    request<UploadOutcome>('POST', '/api/ingest', body),
};
