import type { SourceDocument } from '../../domain/source-document.js';

/** A SourceDocument without its bytes, as the jobs table keeps it (the bytes go in their own column). */
export type JobDocument = Omit<SourceDocument, 'original'>;

/** Splits a document into the JSON part and the original bytes. */
export function toJobPayload(doc: SourceDocument): { document: JobDocument; original: Uint8Array } {
  const { original, ...document } = doc;
  return { document, original };
}

/** Rebuilds the document a job carries. */
export function fromJobPayload(document: JobDocument, original: Uint8Array): SourceDocument {
  return { ...document, original: new Uint8Array(original) };
}
