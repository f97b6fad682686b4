/**
 * Markers the search engines put around matches in snippets and highlighted texts: control
 * characters that report text does not carry (HTML ingest drops them; plain text has no use for them).
 */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

/** Where a match lies in a snippet or text. */
export interface MatchSpan {
  start: number;
  end: number;
}

/**
 * Strips the match markers from `marked`, returning the plain text and where the matches were.
 * With `joinAdjacent`, matches separated only by white space become one (PostgreSQL's ts_headline
 * marks each word of a phrase alone; FTS5 marks the phrase), so a phrase reads as one match.
 */
export function unmark(marked: string, joinAdjacent = false): { snippet: string; highlights: MatchSpan[] } {
  let text = '';
  const highlights: MatchSpan[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MATCH_OPEN) open = text.length;
    else if (ch === MATCH_CLOSE) {
      if (open >= 0) {
        const last = highlights[highlights.length - 1];
        if (joinAdjacent && last && /^\s+$/u.test(text.slice(last.end, open))) last.end = text.length;
        else highlights.push({ start: open, end: text.length });
      }
      open = -1;
    } else text += ch;
  }
  return { snippet: text, highlights };
}
