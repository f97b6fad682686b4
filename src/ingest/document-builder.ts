import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { SourceDocument } from '../domain/source-document.js';
import { BadInputError } from '../errors.js';
import { normalizeDate } from './normalize-date.js';
import type { ReadOptions } from './types.js';

/** What a reader found in one document, before the caller's options and the hash are applied. */
export interface DocumentDraft {
  /** Null when the input names no id: then one is derived from the hash. */
  id: string | null;
  title: string | null;
  text: string;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  original: Uint8Array;
  mediaType: string;
  origin: string;
}

/** ReadOptions checked once: empty strings count as not given, the date is normalised. */
export interface ResolvedOptions {
  published: string | null;
  source: string | null;
  url: string | null;
}

/** Checks and normalises the caller's options; a date that cannot be read is an error on `origin`. */
export function resolveOptions(origin: string, options: ReadOptions): ResolvedOptions {
  const published = blankToNull(options.published);
  let date: string | null = null;
  if (published !== null) {
    date = normalizeDate(published);
    if (date === null) throw new BadInputError(origin, `published date "${published}" is not a date (use YYYY-MM-DD)`);
  }
  return { published: date, source: blankToNull(options.source), url: blankToNull(options.url) };
}

/** Completes a draft: explicit options override the file's metadata, the id falls back to the hash. */
export function finishDocument(draft: DocumentDraft, options: ResolvedOptions): SourceDocument {
  const sha256 = createHash('sha256').update(draft.original).digest('hex');
  return {
    id: draft.id ?? sha256.slice(0, 16),
    title: draft.title,
    text: draft.text,
    published: options.published ?? draft.published,
    source: options.source ?? draft.source,
    url: options.url ?? draft.url,
    language: draft.language ?? 'en',
    original: draft.original,
    sha256,
    mediaType: draft.mediaType,
    origin: draft.origin,
  };
}

/** The file name without directory and last extension, slugged; null for stdin (`-`) or nothing left. */
export function fileStem(origin: string): string | null {
  if (origin === '-') return null;
  const name = basename(origin);
  const stem = slugify(name.slice(0, name.length - extname(name).length));
  return stem === '' ? null : stem;
}

/**
 * A string made safe as an id: letters, digits, `_`, `.` and `-` kept, other runs become `-`.
 * Long values keep a hash suffix so that two long ids with a common start stay distinct.
 */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (slug.length <= 80) return slug;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `${slug.slice(0, 71).replace(/[-.]+$/, '')}-${hash}`;
}

/** Trims; empty strings, null and undefined all become null. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The primary language subtag, lowercased ("en-GB" → "en"); null when absent or malformed. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** An http(s) URL, resolved against `base` when relative and normalised by the URL parser; else null. */
export function absoluteUrl(value: string | null | undefined, base?: string | null): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
