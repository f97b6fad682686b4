import { basename, extname } from 'node:path';
import type { InputKind } from './types.js';

const KIND_BY_EXTENSION: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** File extensions Chronicle reads, lowercase with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

/** The kind a file's extension claims; undefined for no extension, null for an unsupported one. */
export function kindFromExtension(fileName: string): InputKind | null | undefined {
  const ext = extname(basename(fileName)).toLowerCase();
  if (ext === '') return undefined;
  return KIND_BY_EXTENSION[ext] ?? null;
}

/**
 * The kind of an input: by extension when it has a supported one, by content for stdin (`-`) and files
 * without an extension; null for an unsupported extension.
 */
export function detectKind(fileName: string, bytes: Uint8Array): InputKind | null {
  const byName = fileName === '-' ? undefined : kindFromExtension(fileName);
  return byName === undefined ? sniffKind(bytes) : byName;
}

/** Guesses the kind from the first few kilobytes: feed, HTML, JSON Lines, else plain text. */
export function sniffKind(bytes: Uint8Array): InputKind {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (!head.startsWith('<')) return 'text';
  if (/^<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head)) return 'html';
  if (/<(?:rss|feed|rdf:RDF)[\s>]/.test(head) || head.startsWith('<?xml')) return 'feed';
  return 'html';
}
