import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '../../domain/chronicle-json.js';
import { segment } from '../segment.js';
import { recognizeEntities } from './index.js';

function entitiesOf(text: string): ExtractedEntity[] {
  return recognizeEntities(segment(text));
}

function named(entities: ExtractedEntity[], type: string): string[] {
  return entities.filter((e) => e.type === type).map((e) => e.name);
}

function expectExactOffsets(text: string, entities: ExtractedEntity[]): void {
  for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
}

describe('recognizeEntities', () => {
  it('finds people, organizations and places in a plain news sentence', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Berlin on Monday, the German government said.';
    const entities = entitiesOf(text);
    expect(named(entities, 'person')).toEqual(['Angela Merkel', 'Emmanuel Macron']);
    expect(named(entities, 'place')).toEqual(['Berlin']);
    expectExactOffsets(text, entities);
  });

  it('tells organizations from places', () => {
    const text = 'Amnesty International and the United Nations criticised the police in Minsk, Belarus.';
    const entities = entitiesOf(text);
    expect(named(entities, 'organization')).toEqual(['Amnesty International', 'United Nations']);
    expect(named(entities, 'place')).toEqual(['Minsk', 'Belarus']);
  });

  it('reads a headline in capitals', () => {
    const text = 'RUSSIA AND CHINA SIGN TRADE DEAL IN MOSCOW\n\nRussia and China signed a trade deal in Moscow on Friday.';
    const entities = entitiesOf(text);
    const russia = entities.find((e) => e.name === 'Russia');
    expect(russia?.type).toBe('place');
    expect(russia?.mentions.map((m) => m.text)).toEqual(['RUSSIA', 'Russia']);
    expect(named(entities, 'place')).toEqual(['Russia', 'China', 'Moscow']);
    expectExactOffsets(text, entities);
  });

  it('makes a surname alone the same person as the full name, without the possessive', () => {
    const text = 'Police detained Aidos Sadykov on Monday. Sadykov’s lawyer said Sadykov would appeal.';
    const entities = entitiesOf(text);
    const people = entities.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]?.name).toBe('Aidos Sadykov');
    expect(people[0]?.aliases).toEqual(['Sadykov']);
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(['Aidos Sadykov', 'Sadykov', 'Sadykov']);
    expectExactOffsets(text, entities);
  });

  it('keeps titles out of names', () => {
    const text = 'President Nursultan Nazarbayev met Mr. John Smith and Dr. Maria Ivanova in Astana.';
    const entities = entitiesOf(text);
    expect(named(entities, 'person')).toEqual(['Nursultan Nazarbayev', 'John Smith', 'Maria Ivanova']);
  });

  it('names a publication by its title, with the phrase as an alias', () => {
    const text = 'In early December, Time magazine listed the president among five modern dictators.';
    const time = entitiesOf(text).find((e) => e.name === 'Time');
    expect(time?.type).toBe('organization');
    expect(time?.aliases).toEqual(['Time magazine']);
  });

  it('numbers entities by first mention', () => {
    const text = 'Ukraine and Kazakhstan are neighbours of Russia. Kazakhstan borders China.';
    const entities = entitiesOf(text);
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
    expect(entities.map((e) => e.name)).toEqual(['Ukraine', 'Kazakhstan', 'Russia', 'China']);
    expect(entities.find((e) => e.name === 'Kazakhstan')?.mentions).toHaveLength(2);
  });

  it('makes an abbreviation in brackets an alias of the name before it', () => {
    const text = 'The Committee to Protect Journalists (CPJ) condemned the arrest. A CPJ spokesman said more.';
    const cpj = entitiesOf(text).find((e) => e.name === 'Committee to Protect Journalists');
    expect(cpj?.type).toBe('organization');
    expect(cpj?.aliases).toEqual(['CPJ']);
    expect(cpj?.mentions.map((m) => m.text)).toEqual(['Committee to Protect Journalists', 'CPJ', 'CPJ']);
  });
});
