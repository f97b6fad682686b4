import { describe, expect, it } from 'vitest';
import { foldVariants, phoneticKey } from './fold.js';
import { transliterate } from './transliterate.js';

describe('transliterate', () => {
  it('romanises Russian and Kazakh letters and keeps case', () => {
    expect(transliterate('Айдос Садыков')).toBe('Aydos Sadykov');
    expect(transliterate('Қасым-Жомарт Тоқаев')).toBe('Qasym-Zhomart Toqaev');
    expect(transliterate('Ермек')).toBe('Yermek');
  });
  it('leaves Latin text alone', () => {
    expect(transliterate('Aidos Sadykov')).toBe('Aidos Sadykov');
  });
});

describe('foldVariants', () => {
  const same = (...words: string[]): void => {
    const folded = words.map(foldVariants);
    expect(new Set(folded).size, `${words.join(' / ')} → ${folded.join(' / ')}`).toBe(1);
  };
  it('joins the usual romanisations of one name', () => {
    same('Aidos', 'Aydos', 'Айдос');
    same('Sadykov', 'Sadyqov', 'Sadikov', 'Садыков');
    same('Tokayev', 'Toqaev', 'Tokaev', 'Токаев');
    same('Kassym-Jomart', 'Qasym-Zhomart', 'Kasym-Zhomart', 'Қасым-Жомарт');
    same('Natalya', 'Nataliya', 'Natalia', 'Наталья');
    same('Yermek', 'Ermek', 'Ермек');
    same('Mukhtar', 'Muhtar', 'Мухтар');
    same('Nazarbayev', 'Nazarbaev', 'Назарбаев');
  });
  it('keeps different names apart', () => {
    expect(foldVariants('Sadykov')).not.toBe(foldVariants('Sadykova'));
    expect(foldVariants('Aidos')).not.toBe(foldVariants('Bolat'));
  });
});

describe('phoneticKey', () => {
  it('drops vowels after the first letter so one-vowel slips meet', () => {
    expect(phoneticKey('Narymbayev')).toBe(phoneticKey('Narimbaev'));
    expect(phoneticKey('Sadykov')).toBe(phoneticKey('Sadokov'));
    expect(phoneticKey('Sadykov')).not.toBe(phoneticKey('Tokayev'));
  });
});
