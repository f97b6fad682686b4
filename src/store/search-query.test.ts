import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { parseSearchQuery } from './search-query.js';

describe('parseSearchQuery', () => {
  it('reads words, phrases, prefixes, OR and exclusions', () => {
    expect(parseSearchQuery('"Refugee status" Kyiv* OR Kiev -Moscow NOT Minsk')).toEqual({
      clauses: [
        { alternatives: [{ kind: 'phrase', words: ['refugee', 'status'], prefix: false }], negated: false },
        {
          alternatives: [
            { kind: 'word', words: ['kyiv'], prefix: true },
            { kind: 'word', words: ['kiev'], prefix: false },
          ],
          negated: false,
        },
        { alternatives: [{ kind: 'word', words: ['moscow'], prefix: false }], negated: true },
        { alternatives: [{ kind: 'word', words: ['minsk'], prefix: false }], negated: true },
      ],
    });
  });

  it('treats a hyphenated or punctuated word as a phrase of its parts', () => {
    expect(parseSearchQuery('al-Jazeera')).toEqual({
      clauses: [{ alternatives: [{ kind: 'phrase', words: ['al', 'jazeera'], prefix: false }], negated: false }],
    });
  });

  it.each([
    ['"unclosed', /unclosed quote/],
    ['   ', /nothing to search/],
    ['OR x', /OR needs/],
    ['x OR', /OR needs/],
    ['x OR OR y', /OR needs/],
    ['-x', /at least one word/],
    ['x -', /must be followed/],
    ['x NOT', /NOT must be followed/],
    ['()', /no searchable word/],
    ['""', /empty phrase/],
    ['a*b', /may only end/],
  ])('rejects %j', (query, message) => {
    expect(() => parseSearchQuery(query)).toThrow(ValidationError);
    expect(() => parseSearchQuery(query)).toThrow(message);
  });
});
