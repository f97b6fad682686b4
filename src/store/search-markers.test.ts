import { describe, expect, it } from 'vitest';
import { MATCH_CLOSE as C, MATCH_OPEN as O, unmark } from './search-markers.js';

describe('unmark', () => {
  it('returns the plain text and where each marked match lies in it', () => {
    const { snippet, highlights } = unmark(`Aidos ${O}Sadykov${C} fled to ${O}Kyiv${C}.`);
    expect(snippet).toBe('Aidos Sadykov fled to Kyiv.');
    expect(highlights.map((h) => snippet.slice(h.start, h.end))).toEqual(['Sadykov', 'Kyiv']);
  });

  it('joins matches separated only by white space when asked, so a phrase is one match', () => {
    const marked = `the ${O}political${C} ${O}prisoners${C} and ${O}exiles${C}`;
    const joined = unmark(marked, true);
    expect(joined.highlights.map((h) => joined.snippet.slice(h.start, h.end))).toEqual(['political prisoners', 'exiles']);
    const apart = unmark(marked);
    expect(apart.highlights.map((h) => apart.snippet.slice(h.start, h.end))).toEqual(['political', 'prisoners', 'exiles']);
  });

  it('ignores a closing marker without an opening one', () => {
    expect(unmark(`a${C}b ${O}c${C}`)).toEqual({ snippet: 'ab c', highlights: [{ start: 3, end: 4 }] });
  });
});
