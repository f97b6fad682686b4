/** A report as read from its file, feed item or JSONL line, before extraction. */
export interface SourceDocument {
  /** Stable id: the JSONL `id`, else derived from the file name (and item number), else from the hash. */
  id: string;
  title: string | null;
  /** Plain text; every offset Chronicle stores points into it. */
  text: string;
  /** ISO date cut to its precision, or null when unknown. */
  published: string | null;
  /** Outlet name ("Kyiv Post"). */
  source: string | null;
  url: string | null;
  language: string;
  /** The bytes as received (the whole file, the feed item's XML, the JSONL line), kept unchanged. */
  original: Uint8Array;
  /** Hex SHA-256 of `original`. */
  sha256: string;
  /** MIME type of `original`. */
  mediaType: string;
  /** Where it came from, for messages: a path, `path#item-3`, `path:12`, or `-`. */
  origin: string;
}
