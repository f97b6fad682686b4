import type { BadInputError } from '../errors.js';
import type { SourceDocument } from '../domain/source-document.js';

/** The four input formats Chronicle reads. */
export type InputKind = 'text' | 'html' | 'feed' | 'jsonl';

/** What the caller knows about the input; explicit values win over what the file says. */
export interface ReadOptions {
  /** Publication date (any format `normalizeDate` accepts); overrides the file's own date. */
  published?: string | null;
  /** Outlet name; overrides the file's own. */
  source?: string | null;
  /** Address of the report; overrides the file's own. */
  url?: string | null;
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Reads standard input when the path is `-` (default: the process's stdin). */
  stdin?: () => Promise<Buffer>;
}

/** Documents read from one input, and the problems found in it (a bad file gives one error, no documents). */
export interface ReadResult {
  documents: SourceDocument[];
  errors: BadInputError[];
}

/** Default for `ReadOptions.maxBytes`. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
