export { listInputFiles } from './list-input-files.js';
export { readInput } from './read-input.js';
export { readBytes } from './read-bytes.js';
export { detectKind, sniffKind, SUPPORTED_EXTENSIONS } from './input-kind.js';
export { normalizeDate } from './normalize-date.js';
export { DEFAULT_MAX_BYTES, type InputKind, type ReadOptions, type ReadResult } from './types.js';
