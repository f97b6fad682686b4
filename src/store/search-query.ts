import { ValidationError } from '../errors.js';

/** A word (optionally a prefix, `refug*`) or a "quoted phrase". */
export interface SearchTerm {
  kind: 'word' | 'phrase';
  /** The words, lower-cased, as the index tokenizes them. */
  words: string[];
  prefix: boolean;
}

/** Alternatives joined by OR; a negated clause excludes what it matches. */
export interface SearchClause {
  alternatives: SearchTerm[];
  negated: boolean;
}

/** A parsed query: every positive clause must match and no negated one may. Dialects render it. */
export interface SearchQuery {
  clauses: SearchClause[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.normalize('NFC'));
}

/**
 * Parses a user's search query. Dialect-neutral, so user text never reaches the database's own
 * query syntax: a malformed query is a ValidationError, never an SQL error.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const fail = (problem: string): never => {
    throw new ValidationError(`search query ${JSON.stringify(input)}: ${problem}`);
  };
  const clauses: SearchClause[] = [];
  let pendingOr = false;
  let negateNext = false;
  let i = 0;
  const s = input;
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '-' || c === '!') {
      const next = s[i + 1];
      if (next === undefined || /\s/u.test(next)) fail(`"${c}" must be followed by a word to exclude`);
      negateNext = true;
      i++;
      continue;
    }
    let term: SearchTerm;
    if (c === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0) fail('unclosed quote');
      const words = wordsOf(s.slice(i + 1, close));
      if (words.length === 0) fail('empty phrase');
      i = close + 1;
      let prefix = false;
      if (s[i] === '*') {
        prefix = true;
        i++;
      }
      term = { kind: 'phrase', words, prefix };
    } else {
      let end = i;
      while (end < s.length && !/\s/u.test(s[end] as string) && s[end] !== '"') end++;
      const raw = s.slice(i, end);
      i = end;
      if (raw === 'OR') {
        if (clauses.length === 0 || pendingOr) fail('OR needs a word on both sides');
        pendingOr = true;
        continue;
      }
      if (raw === 'AND') continue;
      if (raw === 'NOT') {
        negateNext = true;
        continue;
      }
      const prefix = raw.endsWith('*');
      const body = prefix ? raw.slice(0, -1) : raw;
      if (body.includes('*')) fail(`"*" may only end a word (${raw})`);
      const words = wordsOf(body);
      if (words.length === 0) fail(`no searchable word in ${JSON.stringify(raw)}`);
      // "al-Jazeera" is two index tokens: search them as a phrase.
      term = { kind: words.length > 1 ? 'phrase' : 'word', words, prefix };
    }
    const negated = negateNext;
    negateNext = false;
    if (pendingOr) {
      const last = clauses[clauses.length - 1] as SearchClause;
      if (last.negated !== negated) fail('OR cannot join an excluded word with an included one');
      last.alternatives.push(term);
      pendingOr = false;
    } else {
      clauses.push({ alternatives: [term], negated });
    }
  }
  if (pendingOr) fail('OR needs a word on both sides');
  if (negateNext) fail('NOT must be followed by a word to exclude');
  if (clauses.length === 0) fail('nothing to search for');
  if (clauses.every((c) => c.negated)) fail('a query needs at least one word that is not excluded');
  return { clauses };
}
