import { transliterate } from './transliterate.js';

/** Lower-case ASCII letters of a word: Cyrillic transliterated, diacritics and apostrophes dropped. */
export function asciiLower(text: string): string {
  return transliterate(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ʼ’'`ʻ]/gu, '')
    .replace(/ı/gu, 'i');
}

/** Rewrites applied in order; each reconciles two or more common romanisations of one sound. */
const REWRITES: Array<[RegExp, string]> = [
  [/shch/g, 'sh'],
  [/tch/g, 'ch'],
  [/(dzh|dj|zh)/g, 'j'], // Zhomart / Jomart / Dzhomart
  [/kh/g, 'h'], // Mukhtar / Muhtar
  [/gh/g, 'g'], // Kazakh ғ
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'], // Qasym / Kassym, Sadyqov / Sadykov
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/(ts|tz)/g, 'C'], // placeholder so the c → k rule below keeps it
  [/ch/g, 'H'],
  [/c/g, 'k'],
  [/^y(?=[eo])/g, ''], // Yermek / Ermek, Yevgeny / Evgeny
  [/y/g, 'i'], // Aydos / Aidos, Sadykov / Sadikov
  [/ou/g, 'u'], // Iouri / Yuri
  [/([aeiou])i(?=[aeiou])/g, '$1'], // Tokayev / Tokaev, Nazarbayev / Nazarbaev
  [/([a-zA-Z])\1+/g, '$1'], // Kassym / Kasym, Natalyya / Nataliya after y → i
  [/C/g, 'c'],
  [/H/g, 'ch'],
];

/**
 * Folds one name word to a skeleton shared by its usual romanisations: Sadykov, Sadyqov,
 * Sadikov and Садыков all give "sadikov"; Tokayev, Toqaev and Токаев give "tokaev".
 * Hyphens and spaces are removed, so "Kassym-Jomart" is one word.
 */
export function foldVariants(word: string): string {
  const cached = FOLDED.get(word);
  if (cached !== undefined) return cached;
  let s = asciiLower(word).replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  remember(FOLDED, word, s);
  return s;
}

/** Most entries a memo keeps before it starts over: bounds memory in a long ingest. */
const MEMO_LIMIT = 100_000;
const FOLDED = new Map<string, string>();

/** Stores a computed value, emptying the memo first when it is full. */
export function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/**
 * A coarser key for blocking: the first letter and the consonant skeleton of the folded word
 * (vowels dropped, repeats collapsed), so one-vowel spelling slips still meet as candidates.
 */
export function phoneticKey(word: string): string {
  const folded = foldVariants(word);
  if (folded.length === 0) return '';
  const rest = folded
    .slice(1)
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1');
  return (folded[0] ?? '') + rest;
}
