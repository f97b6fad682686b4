import type { DocumentRecord, EventRecord, Store } from '../store/index.js';
import { ValidationError } from '../errors.js';
import { csvRow } from './csv.js';
import { groupBy, inBatches, toExportDocument, toExportEntity, toExportEvent } from './export-form.js';

/** Export formats: Chronicle JSON (whole store), CSV (one row per event), JSON Lines (one event per line). */
export type ExportFormat = 'json' | 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'jsonl'];

export interface ExportOptions {
  /** JSON only: include each document's plain text. */
  includeText?: boolean;
  /** Rows read per query (memory stays bounded by it). */
  pageSize?: number;
}

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'id',
  'type',
  'subject',
  'agent',
  'place',
  'date_from',
  'date_to',
  'duration',
  'charge',
  'document_id',
  'document_title',
  'evidence',
] as const;

/**
 * Writes the whole store in `format` through `write`, a page at a time, in a deterministic order
 * (documents by ingest order; entities and events by first document, then position in it).
 */
export async function exportStore(
  store: Store,
  format: ExportFormat,
  write: (chunk: string) => void,
  options: ExportOptions = {},
): Promise<void> {
  const pageSize = options.pageSize ?? 200;
  switch (format) {
    case 'json':
      return exportJson(store, write, options.includeText ?? false, pageSize);
    case 'jsonl':
      for await (const event of store.events.iterate({ pageSize })) write(`${JSON.stringify(toExportEvent(event))}\n`);
      return;
    case 'csv':
      return exportCsv(store, write, pageSize);
    default:
      throw new ValidationError(`unknown export format ${JSON.stringify(format)}: use ${EXPORT_FORMATS.join(', ')}`);
  }
}

async function exportJson(
  store: Store,
  write: (chunk: string) => void,
  includeText: boolean,
  pageSize: number,
): Promise<void> {
  // One object per line: valid JSON, and diffs of two exports stay readable.
  let first = true;
  const item = (value: unknown): void => {
    write(`${first ? '\n' : ',\n'}${JSON.stringify(value)}`);
    first = false;
  };
  write('{"documents":[');
  for await (const doc of store.documents.iterate(pageSize)) {
    item(toExportDocument(doc, includeText ? ((await store.documents.getText(doc.id)) ?? '') : undefined));
  }
  write('\n],\n"entities":[');
  first = true;
  for await (const batch of inBatches(store.entities.iterate({ pageSize }), pageSize)) {
    const mentions = groupBy(await store.entities.mentionsOf(batch.map((e) => e.id)), (m) => m.entityId);
    for (const entity of batch) item(toExportEntity(entity, mentions.get(entity.id) ?? []));
  }
  write('\n],\n"events":[');
  first = true;
  for await (const event of store.events.iterate({ pageSize })) item(toExportEvent(event));
  write('\n]}\n');
}

async function exportCsv(store: Store, write: (chunk: string) => void, pageSize: number): Promise<void> {
  write(csvRow([...CSV_COLUMNS]));
  const documents = new Map<string, DocumentRecord | null>();
  for await (const batch of inBatches(store.events.iterate({ pageSize }), pageSize)) {
    const ids = batch.flatMap((e) => [e.subjectId, e.agentId, e.placeId]).filter((id): id is string => id !== null);
    const names = new Map((await store.entities.getMany(ids)).map((e) => [e.id, e.name]));
    const name = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? id));
    for (const event of batch) {
      const source = await firstDocument(store, event, documents);
      write(
        csvRow([
          event.id,
          event.type,
          name(event.subjectId),
          name(event.agentId),
          name(event.placeId),
          event.dateFrom,
          event.dateTo,
          event.duration,
          event.charge,
          source?.id ?? null,
          source?.title ?? null,
          // Every span from the first reporting document; the JSON export has them all.
          event.evidence
            .filter((e) => e.documentId === source?.id)
            .map((e) => e.text)
            .join(' … ') || null,
        ]),
      );
    }
    // Titles are looked up per page; drop them so a big store does not pile up in memory.
    if (documents.size > 10_000) documents.clear();
  }
}

async function firstDocument(
  store: Store,
  event: EventRecord,
  cache: Map<string, DocumentRecord | null>,
): Promise<DocumentRecord | null> {
  const id = event.firstDocumentId;
  if (!cache.has(id)) cache.set(id, await store.documents.get(id));
  return cache.get(id) ?? null;
}
