import type { ReviewStatus } from '../domain/chronicle-json.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import { getCaseView, type CaseView, type EventView } from './case-view.service.js';
import { csvRow } from './csv.js';
import { CSV_COLUMNS } from './export.service.js';

/** Which facts an exported or printed case file holds: confirmed ones unless asked for more. */
export type CaseScope = 'confirmed' | 'reviewable' | 'all';

/** Review states each scope includes. */
export function statusesOf(scope: CaseScope): ReviewStatus[] {
  switch (scope) {
    case 'confirmed':
      return ['confirmed'];
    case 'reviewable':
      return ['confirmed', 'suggested'];
    case 'all':
      return ['confirmed', 'suggested', 'rejected'];
  }
}

/** A case file in export form: the person, their events with full citations, and the reports cited. */
export interface CaseExport {
  scope: CaseScope;
  person: CaseView['person'];
  events: EventView[];
  documents: CaseView['documents'];
}

/** A person's case file limited to `scope`, events in date order. */
export async function exportCase(deps: ReviewableStore, entityId: string, scope: CaseScope = 'confirmed'): Promise<CaseExport> {
  const view = await getCaseView(deps, entityId, { statuses: statusesOf(scope) });
  return { scope, person: view.person, events: view.events, documents: view.documents };
}

/** A case file as CSV: the store export's columns, one row per event and citing document. */
export function caseToCsv(c: CaseExport): string {
  const out = [csvRow([...CSV_COLUMNS, 'status'])];
  for (const e of c.events) {
    const byDoc = new Map<string, EventView['evidence']>();
    for (const v of e.evidence) byDoc.set(v.documentId, [...(byDoc.get(v.documentId) ?? []), v]);
    const docs = byDoc.size > 0 ? [...byDoc] : [['', []] as [string, EventView['evidence']]];
    for (const [documentId, spans] of docs) {
      out.push(
        csvRow([
          e.id,
          e.type,
          e.subject?.name ?? null,
          e.agent?.name ?? null,
          e.place?.name ?? null,
          e.dateFrom,
          e.dateTo,
          e.duration,
          e.charge,
          documentId || null,
          spans[0]?.documentTitle ?? null,
          spans.map((s) => s.text).join(' … ') || null,
          e.status,
        ]),
      );
    }
  }
  return out.join('');
}
