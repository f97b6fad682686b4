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

  it('reads each paragraph as if alone: same sentences, tokens and tags', () => {
    const paragraphs = [
      'KAZAKH COURT JAILS JOURNALIST',
      'ALMATY, 3 March 2024 — A court in Almaty sentenced journalist Aidos Sadykov to seven years',
      '“If I return I will be arrested,” Sadykov told reporters. Mr. Ivanov of the U.N. said no',
      '   ',
      'Police detained him on Monday\nand released him later. He fled to Kyiv.',
    ];
    for (const separator of ['\n\n', '\n \n', '\r\n\r\n', '\n\n\n']) {
      const text = paragraphs.join(separator);
      const alone: unknown[] = [];
      let offset = 0;
      for (const p of paragraphs) {
        for (const s of segment(p).sentences) {
          alone.push({ start: s.start + offset, end: s.end + offset, tokens: s.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })) });
        }
        offset += p.length + separator.length;
      }
      expect(segment(text).sentences).toEqual(alone);
    }
  });
});
