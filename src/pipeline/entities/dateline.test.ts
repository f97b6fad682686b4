import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '../../domain/chronicle-json.js';
import { segment } from '../segment.js';
import { parseDateline } from './dateline.js';
import { recognizeEntities } from './index.js';

function entitiesOf(text: string): ExtractedEntity[] {
  return recognizeEntities(segment(text));
}

function names(entities: ExtractedEntity[]): string[] {
  return entities.map((e) => `${e.type}:${e.name}`);
}

function parse(text: string): ReturnType<typeof parseDateline> {
  return parseDateline(text, segment(text).sentences.flatMap((s) => s.tokens));
}

describe('datelines', () => {
  it('keeps a bare city dateline apart from the capitalised words after it', () => {
    const got = names(entitiesOf('RABAT - A Moroccan appeals court on Wednesday upheld the sentence of journalist Omar Benali.'));
    expect(got).toContain('place:RABAT');
    expect(got.some((n) => n.includes('Moroccan') && n.includes('RABAT'))).toBe(false);
    expect(got).toContain('person:Omar Benali');
  });

  it('reads city, date and agency: the city a place, the agency an organization, nothing joined across the dash', () => {
    const text = 'MANAMA, March 12 (Gulf Desk) - Security forces raided the home of photographer Ali Hassan Jaffar.';
    const got = names(entitiesOf(text));
    expect(got).toContain('place:MANAMA');
    expect(got).toContain('organization:Gulf Desk');
    expect(got.some((n) => n.includes('Security'))).toBe(false);
  });

  it('reads a country after the city and a long dash', () => {
    const parsed = parse('ERBIL, Iraq, May 13 (Tigris Wire) — Kurdish security forces raided an office.');
    expect(parsed?.labels).toEqual(['U-LOC', 'O', 'U-LOC', 'O', 'O', 'O', 'O', 'B-ORG', 'L-ORG', 'O', 'O']);
    expect(parsed?.length).toBe(11);
  });

  it('reads two cities and a day-month-year date', () => {
    const parsed = parse('Khartoum / Nairobi, 5 November 2024 - The network reports arrests.');
    expect(parsed?.labels.slice(0, 3)).toEqual(['U-LOC', 'O', 'U-LOC']);
    expect(parsed?.length).toBe(8);
  });

  it('is no dateline without the dash, or with numbers that are no date, or mid-report', () => {
    expect(parse('Police in Azerbaijan detained a journalist.')).toBeUndefined();
    expect(parse('Section 12, 2024 - The law changed.')).toBeUndefined();
    expect(parse('SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.')).toBeUndefined();
    expect(parse('Al-Qahtani was arrested in 2014.')).toBeUndefined();
    expect(names(entitiesOf('Saudi blogger Hassan al-Qahtani was freed.\nAl-Qahtani was arrested in 2014.'))).toEqual([
      'person:Hassan al-Qahtani',
    ]);
    const text = 'Police detained a blogger.\n\nHe said more.\n\nThen this.\n\nBAKU - Another line.';
    expect(names(entitiesOf(text)).join()).not.toMatch(/BAKU.*Another|Another.*BAKU/);
  });
});
