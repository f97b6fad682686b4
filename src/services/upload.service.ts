import { detectKind, readBytes, type InputKind } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { ingestDocument } from './ingest.service.js';

/** One document read from an upload and what storing it did. */
export interface UploadedDocument {
  documentId: string | null;
  title: string | null;
  status: 'added' | 'duplicate' | 'failed';
  people: number;
  events: number;
  error: string | null;
}

/** What one uploaded file gave: its kind, each document, and the problems found. */
export interface UploadOutcome {
  name: string;
  kind: InputKind | null;
  documents: UploadedDocument[];
  errors: string[];
}

/** What the uploader knows; explicit values win over the file's own. */
export interface UploadOptions {
  kind?: InputKind;
  published?: string | null;
  source?: string | null;
  url?: string | null;
}

/**
 * Ingests one uploaded or pasted file: its kind from the name or content, every document it holds
 * stored in its own transaction; a bad document is reported and the others go on.
 */
export async function ingestUpload(store: Store, name: string, bytes: Uint8Array, options: UploadOptions = {}): Promise<UploadOutcome> {
  const kind = options.kind ?? detectKind(name, bytes);
  if (kind === null) {
    return { name, kind, documents: [], errors: [`${name}: unsupported file type (use .txt, .html, .xml/.rss/.atom or .jsonl)`] };
  }
  const read = readBytes(name, bytes, kind, {
    published: options.published ?? null,
    source: options.source ?? null,
    url: options.url ?? null,
  });
  const outcome: UploadOutcome = { name, kind, documents: [], errors: read.errors.map((e) => e.message) };
  for (const doc of read.documents) {
    try {
      const r = await ingestDocument(store, doc);
      outcome.documents.push({ documentId: r.documentId, title: doc.title, status: r.status, people: r.people, events: r.events, error: null });
    } catch (error) {
      const message = `${doc.origin}: ${error instanceof Error ? error.message : String(error)}`;
      outcome.documents.push({ documentId: null, title: doc.title, status: 'failed', people: 0, events: 0, error: message });
      outcome.errors.push(message);
    }
  }
  return outcome;
}
