import { describe, expect, it } from 'vitest';
import type { Token } from '../segment.js';
import { clusterMentions } from './cluster.js';
import type { Mention, MentionType } from './mentions.js';

/** A mention of `name` at `start`, tokenised on spaces. */
function mention(name: string, start: number, type: MentionType): Mention {
  let at = start;
  const tokens: Token[] = name.split(' ').map((word) => {
    const t = { start: at, end: at + word.length, text: word, pos: 'PROPN' };
    at += word.length + 1;
    return t;
  });
  return { start, end: start + name.length, text: name, type, tokens };
}

describe('clusterMentions', () => {
  it('joins a surname to the one person whose name it ends, whatever its tag', () => {
    const entities = clusterMentions([
      mention('Nursultan Nazarbayev', 0, 'person'),
      mention('Nazarbayev', 40, 'misc'),
      mention('Nazarbayev', 80, 'organization'),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ id: 'e1', type: 'person', name: 'Nursultan Nazarbayev', aliases: ['Nazarbayev'] });
    expect(entities[0]?.mentions.map((m) => m.start)).toEqual([0, 40, 80]);
  });

  it('gives a surname shared by two people to the one introduced first, wherever it stands', () => {
    const entities = clusterMentions([
      mention('Maryna Zhuk', 0, 'person'),
      mention('Zhuk', 20, 'person'),
      mention('Pavel Zhuk', 40, 'person'),
      mention('Zhuk', 60, 'organization'),
    ]);
    expect(entities.map((e) => e.name)).toEqual(['Maryna Zhuk', 'Pavel Zhuk']);
    expect(entities[0]?.mentions.map((m) => m.start)).toEqual([0, 20, 60]);
    expect(entities[1]?.mentions.map((m) => m.start)).toEqual([40]);
  });

  it('does not give a shared surname to the second person even when the second is listed first', () => {
    const entities = clusterMentions([
      mention('Bob Smith', 30, 'person'),
      mention('Ann Smith', 0, 'person'),
      mention('Smith', 50, 'person'),
    ]);
    expect(entities.find((e) => e.name === 'Ann Smith')?.mentions.map((m) => m.start)).toEqual([0, 50]);
  });

  it('joins a first surname to the one person of a longer name it is an inner word of', () => {
    const entities = clusterMentions([
      mention('Carmen Aguilar Vega', 0, 'person'),
      mention('Aguilar', 40, 'organization'),
      mention('Vega', 60, 'person'),
      mention('de', 80, 'misc'),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]?.mentions.map((m) => m.start)).toEqual([0, 40, 60]);
  });

  it('gives an inner word shared by two people to the first introduced, and one that ends another person’s name to that person', () => {
    const shared = clusterMentions([
      mention('Carmen Aguilar Vega', 0, 'person'),
      mention('Luis Aguilar Ruiz', 30, 'person'),
      mention('Aguilar', 60, 'person'),
    ]);
    expect(shared.map((e) => e.name)).toEqual(['Carmen Aguilar Vega', 'Luis Aguilar Ruiz']);
    expect(shared[0]?.mentions.map((m) => m.start)).toEqual([0, 60]);
    const ending = clusterMentions([
      mention('Carmen Aguilar Vega', 0, 'person'),
      mention('Pedro Aguilar', 30, 'person'),
      mention('Aguilar', 60, 'person'),
    ]);
    expect(ending.find((e) => e.name === 'Pedro Aguilar')?.mentions.map((m) => m.start)).toEqual([30, 60]);
  });

  it('gives one name one type by majority and drops names seen only as MISC', () => {
    const entities = clusterMentions([
      mention('Jordan', 0, 'place'),
      mention('Jordan', 20, 'place'),
      mention('Jordan', 40, 'organization'),
      mention('Olympics', 60, 'misc'),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'place', name: 'Jordan' });
    expect(entities[0]?.mentions).toHaveLength(3);
  });

  it('folds case: a name in a capitals headline is the same entity', () => {
    const entities = clusterMentions([mention('KAZAKHSTAN', 0, 'place'), mention('Kazakhstan', 30, 'place')]);
    expect(entities).toHaveLength(1);
    expect(entities[0]?.mentions).toHaveLength(2);
  });

  it('makes a company name without its legal form the company', () => {
    const entities = clusterMentions([
      mention('Pirelli', 0, 'person'),
      mention('Pirelli SpA', 20, 'organization'),
      mention('Pirelli', 40, 'person'),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'organization', name: 'Pirelli SpA', aliases: ['Pirelli'] });
  });

  it('joins a given name and first surname to the one person whose name they begin', () => {
    const people = clusterMentions([
      mention('Celestino Nsue Ondo', 0, 'person'),
      mention('Ángel Nsue Ondo', 30, 'person'),
      mention('Ángel Nsue', 60, 'person'),
      mention('Nsue', 90, 'person'),
    ]);
    expect(people.map((e) => e.name)).toEqual(['Celestino Nsue Ondo', 'Ángel Nsue Ondo']);
    expect(people[1]?.mentions.map((m) => m.start)).toEqual([30, 60]);
    expect(people[0]?.mentions.map((m) => m.start)).toEqual([0, 90]);
  });
});
