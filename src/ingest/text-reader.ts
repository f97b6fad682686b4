import { extname } from 'node:path';
import type { DocumentDraft } from './document-builder.js';

/**
 * Reads a plain-text (or Markdown) report: the text is the file's own, unchanged, so offsets point into
 * the file as the reader sees it.
 */
export function readText(origin: string, text: string, original: Uint8Array, id: string | null): DocumentDraft {
  return {
    id,
    title: guessTitle(text),
    text,
    published: null,
    source: null,
    url: null,
    language: null,
    original,
    mediaType: extname(origin).toLowerCase() === '.md' ? 'text/markdown' : 'text/plain',
    origin,
  };
}

/**
 * The first non-empty line when it reads like a headline: at most 200 characters and 30 words, without
 * a final period, comma, colon or semicolon. A leading Markdown `#` is dropped.
 */
export function guessTitle(text: string): string | null {
  const first = /^\s*(\S[^\r\n]*)/.exec(text)?.[1];
  if (first === undefined) return null;
  const line = first.replace(/^#{1,6}\s+/, '').trim();
  if (line === '' || line.length > 200 || line.split(/\s+/).length > 30) return null;
  if (/[.,:;]$/.test(line) && !/\.\.\.$|…$/.test(line)) return null;
  return line;
}
