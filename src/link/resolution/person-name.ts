import { asciiLower, foldVariants, remember } from './fold.js';

/** Grammatical gender read off a surname or patronymic ending; `null` when the name does not say. */
export type NameGender = 'm' | 'f' | null;

/** A person's name taken apart, every part folded with foldVariants. */
export interface PersonName {
  /** The name as written. */
  raw: string;
  /** Titles and offices found before the name ("president", "judge"), lower-case. */
  titles: string[];
  /** Folded given name ("aidos", "kasimjomart"), or null. */
  given: string | null;
  /** Initial of the given name when only an initial is written ("A. Sadykov"). */
  givenInitial: string | null;
  /** Folded patronymic ("nursultanovich", "abishuli"), or null. */
  patronymic: string | null;
  /** Folded surname as written ("sadikova"), or null when only a given name is known. */
  surname: string | null;
  /** Surname without its feminine ending, shared by husband and wife ("sadikov"). */
  surnameStem: string | null;
  gender: NameGender;
}

/** Words that precede a name and say what the person is, not who: kept as roles. */
const TITLES = new Set([
  'president', 'ex-president', 'former', 'late', 'prime', 'minister', 'deputy', 'mr', 'mrs', 'ms', 'miss',
  'dr', 'prof', 'professor', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'judge', 'senator',
  'mayor', 'governor', 'akim', 'ambassador', 'chairman', 'chairwoman', 'director', 'journalist', 'activist',
  'blogger', 'lawyer', 'attorney', 'opposition', 'leader', 'politician', 'businessman', 'banker', 'tycoon',
  'dissident', 'poet', 'writer', 'editor', 'sir', 'madam', 'comrade', 'imam', 'pastor', 'father', 'sheikh',
  'presidents', 'foreign', 'interior', 'justice', 'defence', 'defense', 'speaker', 'prosecutor',
  'президент', 'премьер-министр', 'министр', 'судья', 'журналист', 'активист', 'генерал', 'господин', 'г-н',
]);

/** Title words that name an office by themselves; others ("mr", "former") are dropped. */
const ROLE_TITLES = new Set([
  'president', 'minister', 'judge', 'senator', 'mayor', 'governor', 'akim', 'ambassador', 'chairman',
  'chairwoman', 'director', 'journalist', 'activist', 'blogger', 'lawyer', 'attorney', 'politician',
  'businessman', 'banker', 'dissident', 'poet', 'writer', 'editor', 'prosecutor', 'general', 'speaker',
]);

const RUSSIAN_TITLES: Record<string, string> = {
  президент: 'president', министр: 'minister', судья: 'judge', журналист: 'journalist', активист: 'activist',
  генерал: 'general', 'премьер-министр': 'minister',
};

const MALE_PATRONYMIC = /(ovich|evich|ich|uli|ogli|ugli)$/;
const FEMALE_PATRONYMIC = /(ovna|evna|ichna|kizi|kzi)$/;
/** Kazakh/Kyrgyz/Uzbek patronymic particles written as a separate word ("Abish uly"). */
const PATRONYMIC_PARTICLE = new Set(['uli', 'kizi', 'ogli', 'ugli', 'kzi']);
const FEMALE_SURNAME = /(ova|eva|ina|ovna|skaia|skaa|tskaia|aia)$/;
const MALE_SURNAME = /(ov|ev|in|ski|skii|tskii|ii)$/;
/** Endings that mark a word as a surname, used to spot "Surname Given" order. */
const SURNAME_ENDING = /(ov|ev|ova|eva|in|ina|enko|ko|ski|skii|skaia|uk|iuk|ek|iants|ian|shvili|dze|baev|baeva)$/;

/** Gender of a folded surname or patronymic from its ending. */
export function genderOf(folded: string): NameGender {
  if (FEMALE_PATRONYMIC.test(folded) || FEMALE_SURNAME.test(folded)) return 'f';
  if (MALE_PATRONYMIC.test(folded) || MALE_SURNAME.test(folded)) return 'm';
  return null;
}

/** The surname shared by both genders: "sadikova" → "sadikov", "kozlovskaia" → "kozlovskii". */
export function surnameStem(folded: string): string {
  if (/(ova|eva|ina)$/.test(folded)) return folded.slice(0, -1);
  if (/skaia$/.test(folded)) return `${folded.slice(0, -4)}kii`;
  if (/skaa$/.test(folded)) return `${folded.slice(0, -3)}kii`;
  if (/ski$/.test(folded)) return `${folded}i`;
  return folded;
}

function isPatronymic(folded: string): boolean {
  return (MALE_PATRONYMIC.test(folded) && folded.length > 5) || (FEMALE_PATRONYMIC.test(folded) && folded.length > 5);
}

/** Splits a name into words, keeping hyphenated given names ("Kassym-Jomart") as one word. */
function wordsOf(name: string): string[] {
  return name
    .replace(/[«»"“”()]/gu, ' ')
    .split(/[\s,]+/u)
    .map((w) => w.replace(/^[.'’]+|[.'’]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/**
 * Takes a person's name apart: titles, given name or initial, patronymic, surname, gender.
 * Reads Western order ("Aidos Sadykov"), Russian order ("Садыков Айдос Ерболович"),
 * Kazakh particles ("Nursultan Abishuly Nazarbayev") and lone surnames ("President Tokayev").
 */
export function parsePersonName(raw: string): PersonName {
  const cached = PARSED.get(raw);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(raw);
  remember(PARSED, raw, parsed);
  return parsed;
}

// Names recur across candidates and documents: parse each spelling once.
const PARSED = new Map<string, PersonName>();

function parseUncached(raw: string): PersonName {
  const words = wordsOf(raw);
  const titles: string[] = [];
  while (words.length > 1) {
    const first = asciiLower(words[0] ?? '').replace(/\.$/, '');
    const original = (words[0] ?? '').toLowerCase();
    const titleWord = TITLES.has(first) ? first : TITLES.has(original) ? (RUSSIAN_TITLES[original] ?? original) : null;
    if (titleWord === null) break;
    if (ROLE_TITLES.has(titleWord)) titles.push(titleWord);
    words.shift();
  }
  let initial: string | null = null;
  const parts: string[] = [];
  for (const word of words) {
    const folded = foldVariants(word);
    if (folded.length === 0) continue;
    // "A." or "A" before the surname: an initial, not a name.
    if (folded.length === 1 || /^\p{Lu}\.?$/u.test(word)) {
      if (initial === null && parts.length === 0) initial = folded[0] ?? null;
      continue;
    }
    parts.push(folded);
  }
  let patronymic: string | null = null;
  // A separate particle ("Abish uly") makes the word before it the patronymic.
  const particleAt = parts.findIndex((p, i) => i > 0 && PATRONYMIC_PARTICLE.has(p));
  if (particleAt > 0) {
    patronymic = `${parts[particleAt - 1] ?? ''}${parts[particleAt] ?? ''}`;
    parts.splice(particleAt - 1, 2);
  } else if (parts.length >= 2) {
    const at = parts.findIndex((p, i) => i > 0 && isPatronymic(p));
    if (at > 0) {
      patronymic = parts[at] ?? null;
      parts.splice(at, 1);
    }
  }
  let given: string | null = null;
  let surname: string | null = null;
  if (parts.length === 1) {
    surname = parts[0] ?? null;
  } else if (parts.length >= 2) {
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    // Russian order: "Sadykov Aidos (Erbolovich)" when the first word, not the last, looks like a surname.
    const surnameFirst =
      (SURNAME_ENDING.test(first) && !SURNAME_ENDING.test(last)) ||
      (patronymic !== null && parts.length === 2 && SURNAME_ENDING.test(first) && !SURNAME_ENDING.test(last));
    if (surnameFirst) {
      surname = first;
      given = parts.slice(1).join('');
    } else {
      surname = last;
      given = parts.slice(0, -1).join('');
    }
  }
  const gender = surname !== null ? genderOf(surname) ?? (patronymic ? genderOf(patronymic) : null) : patronymic ? genderOf(patronymic) : null;
  return {
    raw,
    titles,
    given,
    givenInitial: given !== null ? (given[0] ?? null) : initial,
    patronymic,
    surname,
    surnameStem: surname !== null ? surnameStem(surname) : null,
    gender,
  };
}
