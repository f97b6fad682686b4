import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';

describe('segment', () => {
  it('gives every token its exact offsets', () => {
    const text = 'Kazakhstan’s image is at odds.\n\nMr. Sadykov spent two years in prison between 2010-2012.';
    const doc = segment(text);
    for (const s of doc.sentences) {
      expect(text.slice(s.start, s.end).length).toBeGreaterThan(0);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('ends a sentence at a blank line even without a full stop', () => {
    const doc = segment('Dissidents in emigration\n\nIn early December, Time magazine listed him.');
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      'Dissidents in emigration',
      'In early December, Time magazine listed him.',
    ]);
  });
});

describe('words with letters beyond Latin-1', () => {
  it('keeps Polish, Turkish, South Slavic and Vietnamese names whole, with exact offsets', () => {
    const text = 'Jelena Marković met Łukasz Świątek, Ayşe Güneş and Nguyễn Văn An in Łódź.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    expect(tokens.map((t) => t.text)).toEqual(['Jelena', 'Marković', 'met', 'Łukasz', 'Świątek', ',', 'Ayşe', 'Güneş', 'and', 'Nguyễn', 'Văn', 'An', 'in', 'Łódź', '.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
