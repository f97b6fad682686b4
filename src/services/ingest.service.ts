import { createHash } from 'node:crypto';
import type { Extraction, Sensitivity } from '../domain/chronicle-json.js';
import type { SourceDocument } from '../domain/source-document.js';
import { BadInputError } from '../errors.js';
import { extract } from '../pipeline/extract.js';
import { requireFieldKey } from '../protect/field-encryption.js';
import { markSensitivity } from '../protect/sensitivity.js';
import type { DocumentRecord, Store } from '../store/index.js';
import { scrubFreedText } from '../store/kysely/sealed-attributes.js';
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
  /**
   * The document's level when it is not the default (`restricted`): set in the ingest's own
   * transaction, so a confidential report is never committed in plain text.
   */
  sensitivity?: Sensitivity;
  /** Who ingests, for the audit of that level (default `ingest`). */
  actor?: string;
}

/**
 * Ingests one report: if its bytes are already stored nothing changes ('duplicate'); otherwise it
 * is extracted and saved with everything extracted from it in one transaction.
 */
export async function ingestDocument(store: Store, doc: SourceDocument, options: SaveOptions = {}): Promise<IngestOutcome> {
  requireKeyFor(doc, options);
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
  requireKeyFor(doc, options);
  const now = (options.now ?? new Date()).toISOString();

  // A document stored at another level marks it in the same transaction (audited): that one runs alone.
  const alone = options.sensitivity !== undefined && options.sensitivity !== 'restricted';
  const outcome = await (alone ? store.transaction.bind(store) : store.concurrentTransaction.bind(store))(async (tx) => {
    // Writers of the same bytes, or of a document under the same id, go one at a time.
    await tx.claim('document', [`sha256:${actual}`, `id:${doc.id}`]);
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
    if (options.sensitivity && options.sensitivity !== 'restricted') {
      await markSensitivity(tx, documentId, options.sensitivity, { actor: options.actor ?? 'ingest', reason: 'set at ingest' });
    }
    return {
      status: 'added' as const,
      documentId,
      people: extraction.entities.filter((e) => e.type === 'person').length,
      events: extraction.events.length,
    };
  });
  // As after a mark: once committed, the WAL may give up the pages that held the plain text.
  if (outcome.status === 'added' && options.sensitivity === 'confidential') await scrubFreedText(store);
  return outcome;
}


/** A confidential ingest encrypts as it stores: without the key it is refused before any work. */
function requireKeyFor(doc: SourceDocument, options: SaveOptions): void {
  if (options.sensitivity === 'confidential') requireFieldKey(`ingesting ${doc.origin} as confidential (its texts are encrypted at rest)`);
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
