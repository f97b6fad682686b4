import type { Token } from '../segment.js';

/**
 * News datelines ("RABAT - ", "MANAMA, March 12 (Gulf Desk) - ", "ERBIL, Iraq (Tigris Wire) — ").
 * The tagger reads a dateline and the sentence after it as one run of capitals and joins them into a
 * name ("RABAT - A Moroccan"). A dateline is not prose: its words are a place, maybe a country, a date
 * and an agency, so they are labelled by their position, and no name runs from it into the sentence.
 */

/** Only the first lines of a report carry a dateline (after a headline at most). */
const FIRST_LINES = 3;
const MAX_PLACE_WORDS = 4;
const DASHES = new Set(['-', '--', '–', '—']);
const MONTHS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|june|july|august|september|october|november|december)$/i;

export interface Dateline {
  /** Its length in tokens, the dash included. */
  length: number;
  /** BILOU labels of its tokens, which replace the tagger's. */
  labels: string[];
}

/** The dateline at the front of each of the report's first lines that has one, by sequence index. */
export function findDatelines(text: string, sequences: readonly Token[][]): Map<number, Dateline> {
  const found = new Map<number, Dateline>();
  let lines = 0;
  sequences.forEach((tokens, s) => {
    const first = tokens[0];
    if (first === undefined || !startsLine(text, first.start)) return;
    lines++;
    const parsed = lines <= FIRST_LINES ? parseDateline(text, tokens) : undefined;
    if (parsed) found.set(s, parsed);
  });
  return found;
}

/**
 * A tagged line with its dateline's labels in place. The tagger's labels of the sentence after it are
 * kept unless a name of theirs runs across the dash ("RABAT - A Moroccan"); then the sentence is tagged
 * again on its own, as the sentence start it is (`tagAlone`).
 */
export function labelDateline(dateline: Dateline, tagged: readonly string[], tagAlone: () => string[]): string[] {
  const rest = tagged.slice(dateline.length);
  const crossed = /^[IL]-/.test(rest[0] ?? '') || /^[BI]-/.test(tagged[dateline.length - 1] ?? '');
  return [...dateline.labels, ...(crossed ? tagAlone() : rest)];
}

function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * PLACE [/ PLACE]* [, COUNTRY] [, DATE] [(AGENCY)] DASH, followed by more words.
 * Returns the dateline's length in tokens (dash included) and its labels, or nothing.
 */
export function parseDateline(text: string, tokens: readonly Token[]): { length: number; labels: string[] } | undefined {
  const labels: string[] = [];
  let i = 0;
  const name = (type: string): boolean => {
    let n = 0;
    while (n < MAX_PLACE_WORDS && isNameWord(tokens[i + n]?.text)) n++;
    if (n === 0) return false;
    for (let k = 0; k < n; k++) labels.push(bilou(k, n, type));
    i += n;
    return true;
  };
  const other = (): void => {
    labels.push('O');
    i++;
  };
  if (!name('LOC')) return undefined;
  while (tokens[i]?.text === '/') {
    other();
    if (!name('LOC')) return undefined;
  }
  if (tokens[i]?.text === ',' && isNameWord(tokens[i + 1]?.text) && !MONTHS.test(tokens[i + 1]?.text ?? '')) {
    other();
    name('LOC');
  }
  if (tokens[i]?.text === ',' && isDateWord(tokens[i + 1]?.text)) {
    other();
    let n = 0;
    while (isDateWord(tokens[i]?.text) || (tokens[i]?.text === ',' && isDateWord(tokens[i + 1]?.text))) {
      if (MONTHS.test(tokens[i]?.text ?? '')) n++;
      other();
    }
    // "12, 2024" alone is not a date; a month name says it is one.
    if (n === 0) return undefined;
  }
  if (tokens[i]?.text === '(') {
    other();
    if (!name('ORG') || tokens[i]?.text !== ')') return undefined;
    other();
  }
  const dash = tokens[i];
  // Spaced: "Al-Qahtani" is one name, not the place "Al" before a dash.
  if (!dash || !DASHES.has(dash.text) || !/\s/.test(text[dash.start - 1] ?? '') || !/\s/.test(text[dash.end] ?? '')) return undefined;
  other();
  // A dateline introduces a sentence: a capital (or a quote) must follow.
  const next = tokens[i]?.text ?? '';
  if (!/^["“‘'\p{Lu}]/u.test(next)) return undefined;
  // "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals, not a dateline before a sentence.
  if (!tokens.slice(i).some((t) => /\p{Ll}/u.test(t.text))) return undefined;
  return { length: i, labels };
}

function isNameWord(word: string | undefined): boolean {
  return word !== undefined && /^\p{Lu}[\p{L}.'’-]*$/u.test(word);
}

function isDateWord(word: string | undefined): boolean {
  return word !== undefined && (MONTHS.test(word) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(word));
}

function bilou(k: number, n: number, type: string): string {
  if (n === 1) return `U-${type}`;
  if (k === 0) return `B-${type}`;
  return k === n - 1 ? `L-${type}` : `I-${type}`;
}
