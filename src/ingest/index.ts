/**
 * Ingest: files, stdin and uploads → SourceDocuments (plain text + original bytes + sha256).
 * Text files keep their own text (a BOM dropped, CRLF kept) so offsets point into the file; HTML,
 * feeds and JSONL `html` become "headline, blank line, paragraphs". Options given by the caller win
 * over what the file says. Bad input never throws from the readers: it comes back as BadInputErrors.
 */
export { listInputFiles } from './list-input-files.js';
export { readInput } from './read-input.js';
export { readBytes, readJsonLine, UNEXPECTED_FAILURE } from './read-bytes.js';
export { detectKind, sniffKind, SUPPORTED_EXTENSIONS } from './input-kind.js';
export { normalizeDate } from './normalize-date.js';
export { DEFAULT_MAX_BYTES, type InputKind, type ReadOptions, type ReadResult } from './types.js';
