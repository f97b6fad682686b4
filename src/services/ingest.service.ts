import { createHash } from 'node:crypto';
import type { Extraction } from '../domain/chronicle-json.js';
import type { SourceDocument } from '../domain/source-document.js';
import { BadInputError } from '../errors.js';
import { extract } from '../pipeline/extract.js';
import type { DocumentRecord, Store } from '../store/index.js';
import { linkExtraction } from './link-extraction.service.js';
import { validateExtraction } from './validate-extraction.js';

/** What ingesting one document did. */
export interface IngestOutcome {
  status: 'added' | 'duplicate';
  /** The stored document's id (the earlier one for a duplicate). */
  documentId: string;
  /** People and events extracted from it (for a duplicate: what the stored copy has). */
  people: number;
  events: number;
}

/** Options for saving; `now` fixes the clock (tests, reproducible imports). */
export interface SaveOptions {
  now?: Date;
}

/**
 * Ingests one report: if its bytes are already stored nothing changes ('duplicate'); otherwise it
 * is extracted and saved with everything extracted from it in one transaction.
 */
export async function ingestDocument(store: Store, doc: SourceDocument, options: SaveOptions = {}): Promise<IngestOutcome> {
  const existing = await store.documents.findBySha256(doc.sha256);
  if (existing) return duplicateOutcome(store, existing);
  const extraction = extract({
    id: doc.id,
    text: doc.text,
    published: doc.published,
    title: doc.title,
    source: doc.source,
    url: doc.url,
    language: doc.language,
    sha256: doc.sha256,
  });
  return saveExtraction(store, doc, extraction, options);
}

/**
 * Saves a document and its extraction (entities linked to the store's, mentions, timexes,
 * events with evidence) in one transaction: an error anywhere leaves no trace of the document.
 * Store-wide ids are `<document id>:<extraction id>` (`kyiv-post-1:e3`); a document id already
 * used by other bytes gets a suffix (`-2`, `-3` …).
 */
export async function saveExtraction(
  store: Store,
  doc: SourceDocument,
  extraction: Extraction,
  options: SaveOptions = {},
): Promise<IngestOutcome> {
  if (doc.id.trim() === '') throw new BadInputError(doc.origin, 'the document has no id');
  const actual = createHash('sha256').update(doc.original).digest('hex');
  if (actual !== doc.sha256.toLowerCase()) {
    throw new BadInputError(doc.origin, `sha256 ${doc.sha256} does not match the original bytes (${actual})`);
  }
  validateExtraction(doc.origin, doc.text, extraction);
  const now = (options.now ?? new Date()).toISOString();

  return store.transaction(async (tx) => {
    // Checked again inside the transaction: another writer may have stored the same bytes meanwhile.
    const existing = await tx.documents.findBySha256(actual);
    if (existing) return duplicateOutcome(tx, existing);

    const documentId = await freeDocumentId(tx, doc.id);
    await tx.documents.insert({
      id: documentId,
      sha256: actual,
      title: doc.title,
      published: doc.published,
      language: doc.language,
      source: doc.source,
      url: doc.url,
      text: doc.text,
      original: doc.original,
      mediaType: doc.mediaType,
      origin: doc.origin,
      ingestedAt: now,
    });
    await tx.timexes.insert(documentId, extraction.timexes);

    // Entities and events join what the store knows: only the entities their names lead to are read.
    await linkExtraction(tx, documentId, extraction, now);
    return {
      status: 'added' as const,
      documentId,
      people: extraction.entities.filter((e) => e.type === 'person').length,
      events: extraction.events.length,
    };
  });
}


async function freeDocumentId(tx: Store, wanted: string): Promise<string> {
  if (!(await tx.documents.exists(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!(await tx.documents.exists(candidate))) return candidate;
  }
}

async function duplicateOutcome(store: Store, existing: DocumentRecord): Promise<IngestOutcome> {
  const [entities, events] = await Promise.all([
    store.entities.countInDocument(existing.id),
    store.events.countInDocument(existing.id),
  ]);
  return { status: 'duplicate', documentId: existing.id, people: entities.person, events };
}
