import { describe, expect, it } from 'vitest';
import type { Token } from '../segment.js';
import { segment } from '../segment.js';
import { recognizeEntities } from './index.js';
import { mentionsOf } from './mentions.js';

function tokensOf(text: string): Token[] {
  return segment(text).sentences.flatMap((s) => s.tokens);
}

/** Labels of one sequence: `PER` on the given words (by index), BILOU-coded, O elsewhere. */
function personAt(count: number, from: number, to: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    if (i < from || i > to) return 'O';
    if (from === to) return 'U-PER';
    return i === from ? 'B-PER' : i === to ? 'L-PER' : 'I-PER';
  });
}

describe('names with lower-case particles', () => {
  it('takes back the particle glued by a hyphen and the given name before it', () => {
    const text = 'The sentence of former lawmaker Bader al-Mutairi was reduced.';
    const tokens = tokensOf(text);
    const mutairi = tokens.findIndex((t) => t.text === 'Mutairi');
    const [m] = mentionsOf(text, [tokens], [personAt(tokens.length, mutairi, mutairi)]);
    expect(m?.text).toBe('Bader al-Mutairi');
  });

  it('does so when the tagger began the name at the hyphen', () => {
    const text = 'Police detained Mona el-Azmi on Monday.';
    const tokens = tokensOf(text);
    const azmi = tokens.findIndex((t) => t.text === 'Azmi');
    const [m] = mentionsOf(text, [tokens], [personAt(tokens.length, azmi - 1, azmi)]);
    expect(m?.text).toBe('Mona el-Azmi');
  });

  it('leaves a title, a spaced hyphen and a lower-case word before the particle out', () => {
    for (const [text, name] of [
      ['They met President al-Sisi in Cairo.', 'al-Sisi'],
      ['They met the lawyer al-Sisi in Cairo.', 'al-Sisi'],
      ['They met Ahmed - al-Sisi in Cairo.', 'al-Sisi'],
    ] as const) {
      const tokens = tokensOf(text);
      const sisi = tokens.findIndex((t) => t.text === 'Sisi');
      const [m] = mentionsOf(text, [tokens], [personAt(tokens.length, sisi, sisi)]);
      expect(m?.text).toBe(name);
    }
  });

  it('makes a later sentence-initial Al- form the same person', () => {
    const text =
      'A court reduced the prison sentence of former lawmaker Bader al-Mutairi, convicted of insulting the emir.\n\nAl-Mutairi, who has been abroad since November, was tried in absentia.';
    const people = recognizeEntities(segment(text)).filter((e) => e.type === 'person');
    expect(people.map((e) => e.name)).toEqual(['Bader al-Mutairi']);
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(['Bader al-Mutairi', 'Al-Mutairi']);
  });
});
