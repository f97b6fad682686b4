import { BadInputError } from '../errors.js';
import { checkSize, decodeUtf8, oneLineMessage } from './decode-bytes.js';
import { fileStem, finishDocument, resolveOptions, type DocumentDraft } from './document-builder.js';
import { readFeed } from './feed-reader.js';
import { readHtml } from './html-reader.js';
import type { SourceDocument } from '../domain/source-document.js';
import { readJsonl, readJsonlLine } from './jsonl-reader.js';
import { readText } from './text-reader.js';
import { DEFAULT_MAX_BYTES, type InputKind, type ReadOptions, type ReadResult } from './types.js';

/**
 * Reads in-memory input of a known kind (a file's bytes, an upload) into documents. Never throws for bad
 * input: each problem is a BadInputError in `errors`, naming `origin` (and the item or line).
 */
export function readBytes(origin: string, bytes: Uint8Array, kind: InputKind, options: ReadOptions = {}): ReadResult {
  try {
    checkSize(origin, bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const resolved = resolveOptions(origin, options);
    const content = decodeUtf8(origin, bytes);
    const { drafts, errors } = readDrafts(origin, content, bytes, kind);
    return { documents: drafts.map((draft) => finishDocument(draft, resolved)), errors };
  } catch (error) {
    if (error instanceof BadInputError) return { documents: [], errors: [error] };
    // A parser crashing on odd input must not stop a batch; the reason says it is unexpected.
    return { documents: [], errors: [new BadInputError(origin, `${UNEXPECTED_FAILURE}: ${oneLineMessage(error)}`)] };
  }
}

/** Start of the reason given when a library fails in a way no check foresaw. */
export const UNEXPECTED_FAILURE = 'reader failed unexpectedly';

/**
 * Reads one JSON Lines record (no line ending) into a document, for callers that stream lines;
 * throws BadInputError naming `origin`. Without an `id` field the id comes from the hash.
 */
export function readJsonLine(origin: string, line: string, options: ReadOptions = {}): SourceDocument {
  return finishDocument(readJsonlLine(origin, line), resolveOptions(origin, options));
}

function readDrafts(
  origin: string,
  content: string,
  bytes: Uint8Array,
  kind: InputKind,
): { drafts: DocumentDraft[]; errors: BadInputError[] } {
  switch (kind) {
    case 'text':
      return { drafts: [readText(origin, content, bytes, fileStem(origin))], errors: [] };
    case 'html':
      return { drafts: [readHtml(origin, content, bytes, fileStem(origin))], errors: [] };
    case 'feed':
      return readFeed(origin, content);
    case 'jsonl':
      return readJsonl(origin, content);
  }
}
