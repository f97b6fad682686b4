import { BadInputError } from '../errors.js';
import { oneLineMessage } from './decode-bytes.js';
import { blankToNull, fileStem, primaryLanguage, type DocumentDraft } from './document-builder.js';
import { articleText, extractHtmlArticle } from './html-reader.js';
import { normalizeDate } from './normalize-date.js';
import { guessTitle } from './text-reader.js';

/** Drafts read from a JSON Lines file, and the lines that could not be read. */
export interface JsonlResult {
  drafts: DocumentDraft[];
  errors: BadInputError[];
}

const encoder = new TextEncoder();

/**
 * Reads JSON Lines, one `{id?, title?, text | html, published?, source?, url?, language?}` per line.
 * Blank lines are skipped; a bad line is one error naming `file:LINE` and the other lines still count.
 * A file where no line is JSON at all is one error for the whole file.
 */
export function readJsonl(origin: string, content: string): JsonlResult {
  const stem = fileStem(origin);
  const drafts: DocumentDraft[] = [];
  const errors: BadInputError[] = [];
  const firstLineOfId = new Map<string, number>();
  let parsedAny = false;
  let firstParseError: string | null = null;
  const lines = content.split('\n');
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    // The line ending (LF or CRLF) is not part of the record.
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return;
    const lineOrigin = `${origin}:${lineNo}`;
    let record: unknown;
    try {
      record = parseJsonLine(lineOrigin, line);
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      firstParseError ??= `line ${lineNo}: ${error.reason}`;
      errors.push(error);
      return;
    }
    parsedAny = true;
    try {
      const draft = readRecord(lineOrigin, record, encoder.encode(line));
      const id = draft.id ?? (stem === null ? null : `${stem}-${lineNo}`);
      if (id !== null) {
        const seen = firstLineOfId.get(id);
        if (seen !== undefined) throw new BadInputError(lineOrigin, `duplicate id "${id}" (first on line ${seen})`);
        firstLineOfId.set(id, lineNo);
      }
      drafts.push({ ...draft, id });
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      errors.push(error);
    }
  });
  if (!parsedAny && firstParseError !== null) {
    return { drafts: [], errors: [new BadInputError(origin, `not JSON Lines (${firstParseError})`)] };
  }
  return { drafts, errors };
}

/**
 * Reads one JSON Lines record (without its line ending) into a draft; throws BadInputError on `origin`.
 * The id is null when the record names none.
 */
export function readJsonlLine(origin: string, line: string): DocumentDraft {
  return readRecord(origin, parseJsonLine(origin, line), encoder.encode(line));
}

function parseJsonLine(origin: string, line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    throw new BadInputError(origin, `not JSON (${oneLineMessage(error)})`);
  }
}

function readRecord(origin: string, record: unknown, original: Uint8Array): DocumentDraft {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new BadInputError(origin, 'not a JSON object');
  }
  const fields = record as Record<string, unknown>;
  const id = idOf(origin, fields['id']);
  const title = optionalString(origin, fields, 'title');
  const text = optionalString(origin, fields, 'text', false);
  const html = optionalString(origin, fields, 'html', false);
  const publishedRaw = optionalString(origin, fields, 'published');
  const source = optionalString(origin, fields, 'source');
  const url = optionalString(origin, fields, 'url');
  const language = optionalString(origin, fields, 'language');
  let published: string | null = null;
  if (publishedRaw !== null) {
    published = normalizeDate(publishedRaw);
    if (published === null) throw new BadInputError(origin, `published "${publishedRaw}" is not a date`);
  }
  const base = { id, published, source, url, language: primaryLanguage(language), original, origin };
  if (text !== null && text.trim() !== '') {
    // Plain text is kept exactly as given: offsets point into it.
    return { ...base, title: title ?? guessTitle(text), text, mediaType: 'application/json' };
  }
  if (html !== null && html.trim() !== '') {
    const article = extractHtmlArticle(origin, html);
    const heading = title ?? article.title;
    return {
      ...base,
      title: heading,
      text: articleText(heading, article.paragraphs),
      published: published ?? article.published,
      source: source ?? article.source,
      url: base.url ?? article.url,
      language: base.language ?? article.language,
      mediaType: 'application/json',
    };
  }
  if (text !== null || html !== null) throw new BadInputError(origin, 'text is empty');
  throw new BadInputError(origin, 'no "text" or "html" field');
}

function idOf(origin: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new BadInputError(origin, '"id" is not a string');
  const id = value.trim();
  if (id === '') throw new BadInputError(origin, '"id" is empty');
  return id;
}

/** A string field, null when absent or null; anything else is an error naming the field. */
function optionalString(origin: string, fields: Record<string, unknown>, name: string, trim = true): string | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new BadInputError(origin, `"${name}" is not a string`);
  return trim ? blankToNull(value) : value;
}
