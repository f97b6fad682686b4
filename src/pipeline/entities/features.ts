import type { Token } from '../segment.js';
import type { Gazetteer } from './gazetteer.js';
import { DEMONYMS, ORG_HEADS, PERSON_TITLES } from './lexicon.js';

/** The word's letters mapped to X/x/d, other characters kept: "McCain" → "XxXxxxx". */
export function wordShape(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch >= 'a' && ch <= 'z') out += 'x';
    else if (ch >= 'A' && ch <= 'Z') out += 'X';
    else if (ch >= '0' && ch <= '9') out += 'd';
    else if (ch.toLowerCase() !== ch) out += 'X';
    else if (ch.toUpperCase() !== ch) out += 'x';
    else out += ch;
  }
  return out;
}

// Words repeat a lot in news; shapes are asked for twice per token (static and history features).
const shapeCache = new Map<string, string>();

/** The shape with runs collapsed: "McCain" → "XxXx". */
export function shortShape(word: string): string {
  const cached = shapeCache.get(word);
  if (cached !== undefined) return cached;
  const shape = wordShape(word);
  let out = '';
  for (const ch of shape) if (out[out.length - 1] !== ch) out += ch;
  if (shapeCache.size > 100_000) shapeCache.clear();
  shapeCache.set(word, out);
  return out;
}

/** Whether the word has any cased letter. */
export function hasLetters(word: string): boolean {
  // ASCII letters by char code (no case-mapped copies); anything beyond ASCII asks the case mapping.
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    // General punctuation (typographic quotes and dashes, U+2000–U+206F) has no case: read on.
    if (c > 127 && (c < 0x2000 || c > 0x206f)) return word.toLowerCase() !== word.toUpperCase();
  }
  return false;
}

function isUpper(word: string): boolean {
  return hasLetters(word) && word === word.toUpperCase();
}

/** Whether the word starts with a capital. */
export function isTitleCase(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/**
 * A run of tokens is shouting when capitals tell nothing about names: most words in capitals
 * (headlines, sports tables), or every word capitalised, small ones too ("Activists Flock To Kyiv").
 */
export function isAllCaps(tokens: readonly Token[]): boolean {
  let words = 0;
  let upper = 0;
  let titled = 0;
  let small = 0;
  for (const t of tokens) {
    if (!hasLetters(t.text)) continue;
    words++;
    if (isUpper(t.text)) upper++;
    if (isTitleCase(t.text)) {
      titled++;
      if (SMALL_WORDS.has(t.text.toLowerCase())) small++;
    }
  }
  if (words >= 2 && upper / words > 0.7) return true;
  return words >= 4 && titled === words && small > 0;
}

/** Function words, capitalised only in headlines. */
export const SMALL_WORDS: ReadonlySet<string> = new Set(['to', 'of', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'and', 'the', 'a', 'an', 'as', 'is', 'are', 'over', 'after', 'into']);

/** Lower case with typographic quotes and dashes folded, so "Bank’s" reads as the training data's "Bank's". */
export function normalizeWord(word: string): string {
  const cached = normalCache.get(word);
  if (cached !== undefined) return cached;
  const out = foldWord(word);
  if (normalCache.size > 100_000) normalCache.clear();
  normalCache.set(word, out);
  return out;
}

const normalCache = new Map<string, string>();

function foldWord(word: string): string {
  return word.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
}

/** The word without a final full stop ("Gen." → "Gen"). */
export function stripDot(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** What a document says about its words as a whole, gathered before tagging any sentence. */
export interface DocumentEvidence {
  /** Lower-case words seen in lower case in running text. */
  lower: Set<string>;
  /** Lower-case words seen capitalised in the middle of a normal (not all-caps) sentence. */
  capitalised: Set<string>;
  /** Lower-case words seen right after a known first name ("Aidos Sadykov" → "sadykov"). */
  afterFirstName: Set<string>;
  /** Lower-case words seen right after a title ("President Nazarbayev" → "nazarbayev"). */
  afterTitle: Set<string>;
  /** Lower-case words seen before an organization head word ("BTA Bank" → "bta"). */
  beforeOrgHead: Set<string>;
}

/** Evidence of a document before any of its words has been read. */
export function emptyEvidence(): DocumentEvidence {
  return { lower: new Set(), capitalised: new Set(), afterFirstName: new Set(), afterTitle: new Set(), beforeOrgHead: new Set() };
}

/** Collects document-level evidence over all tagging sequences of one document. */
export function gatherEvidence(sequences: readonly Token[][], gazetteer: Gazetteer): DocumentEvidence {
  const ev = emptyEvidence();
  const firstBit = 1 << 3;
  for (const tokens of sequences) {
    const shouting = isAllCaps(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]?.text ?? '';
      const low = word.toLowerCase();
      if (!hasLetters(word)) continue;
      const prev = tokens[i - 1]?.text ?? '';
      if (!shouting) {
        if (word === low) ev.lower.add(low);
        else if (i > 0 && isTitleCase(word) && !/^[.!?"“‘'(:—–-]$/.test(prev)) ev.capitalised.add(low);
      }
      const next = tokens[i + 1]?.text ?? '';
      if (isTitleCase(word) && isTitleCase(prev) && (gazetteer.lookup(prev.toLowerCase()) & firstBit) !== 0) {
        ev.afterFirstName.add(low);
      }
      if (isTitleCase(word) && PERSON_TITLES.has(stripDot(prev.toLowerCase()))) ev.afterTitle.add(low);
      if (isTitleCase(word) && isTitleCase(next) && ORG_HEADS.has(stripDot(next.toLowerCase()))) {
        ev.beforeOrgHead.add(low);
      }
    }
  }
  return ev;
}

// Word features depend on the word alone; the same string objects come back for a repeated word.
const wordCache = new Map<string, readonly string[]>();

/** Features of a word by itself: its form, shape, affixes and word-list membership. */
export function wordFeatures(w: string): readonly string[] {
  const cached = wordCache.get(w);
  if (cached) return cached;
  const l = normalizeWord(w);
  const f = [
    'b',
    `w=${l}`,
    `sh=${shortShape(w)}`,
    `p1=${l.slice(0, 1)}`,
    `p2=${l.slice(0, 2)}`,
    `p3=${l.slice(0, 3)}`,
    `s1=${l.slice(-1)}`,
    `s2=${l.slice(-2)}`,
    `s3=${l.slice(-3)}`,
    `s4=${l.slice(-4)}`,
  ];
  if (w !== l) f.push(`W=${w}`);
  if (w.length > 12) f.push('long');
  if (PERSON_TITLES.has(stripDot(l))) f.push('title');
  if (ORG_HEADS.has(stripDot(l))) f.push('orghead');
  if (DEMONYMS.has(l)) f.push('demonym');
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(w, f);
  return f;
}

// Feature strings over a small vocabulary, built once so their hashes are computed once.
const stringTables = new Map<string, Map<string, string>>();

function cachedString(table: string, key: string, make: () => string): string {
  let m = stringTables.get(table);
  if (!m) {
    m = new Map();
    stringTables.set(table, m);
  }
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    if (m.size > 100_000) m.clear();
    m.set(key, v);
  }
  return v;
}

/** Neighbour-word features of a word, as it appears two before … two after the token. */
interface NeighbourStrings {
  m1: string;
  p1: string;
  m2: string;
  p2: string;
}

const neighbourCache = new Map<string, NeighbourStrings>();

function neighbourStrings(l: string): NeighbourStrings {
  let v = neighbourCache.get(l);
  if (!v) {
    v = { m1: `w-1=${l}`, p1: `w+1=${l}`, m2: `w-2=${l}`, p2: `w+2=${l}` };
    if (neighbourCache.size > 100_000) neighbourCache.clear();
    neighbourCache.set(l, v);
  }
  return v;
}

/**
 * Context features of each token of one sequence: everything but `wordFeatures` and the previous
 * labels, which the decoder adds as it goes. Training and tagging call this same function.
 */
export function tokenFeatures(tokens: readonly Token[], gazetteer: Gazetteer, ev: DocumentEvidence): string[][] {
  const n = tokens.length;
  const words = tokens.map((t) => t.text);
  const lower = words.map(normalizeWord);
  const shapes = words.map(shortShape);
  const pos = tokens.map((t) => t.pos);
  const shouting = isAllCaps(tokens);
  const gaz = gazetteer.annotate(lower);
  const out: string[][] = [];
  const at = <T>(arr: readonly T[], i: number, pad: T): T => (i >= 0 && i < n ? (arr[i] as T) : pad);
  for (let i = 0; i < n; i++) {
    const w = words[i] ?? '';
    const l = lower[i] ?? '';
    const sh = shapes[i] ?? '';
    const p = pos[i] ?? '';
    const pPrev = at(pos, i - 1, '<s>');
    const pNext = at(pos, i + 1, '</s>');
    const f: string[] = [
      cachedString('p', p, () => `p=${p}`),
      neighbourStrings(at(lower, i - 1, '<s>')).m1,
      neighbourStrings(at(lower, i + 1, '</s>')).p1,
      neighbourStrings(at(lower, i - 2, '<s>')).m2,
      neighbourStrings(at(lower, i + 2, '</s>')).p2,
      cachedString('p-1', pPrev, () => `p-1=${pPrev}`),
      cachedString('p+1', pNext, () => `p+1=${pNext}`),
      cachedString('p-1p', `${pPrev} ${p}`, () => `p-1p=${pPrev}|${p}`),
      cachedString('pp+1', `${p} ${pNext}`, () => `pp+1=${p}|${pNext}`),
      `sh-1=${at(shapes, i - 1, '<s>')}|${sh}`,
      `sh+1=${sh}|${at(shapes, i + 1, '</s>')}`,
      `sh-1+1=${at(shapes, i - 1, '<s>')}|${sh}|${at(shapes, i + 1, '</s>')}`,
      `w-1sh=${at(lower, i - 1, '<s>')}|${sh}`,
      `shw+1=${sh}|${at(lower, i + 1, '</s>')}`,
    ];
    if (i === 0) f.push(`first|${sh}`);
    if (shouting) {
      f.push('AC', `AC|w=${l}`);
      if (ev.capitalised.has(l)) f.push('AC|dcap');
      if (ev.lower.has(l)) f.push('AC|dlow');
    } else if (hasLetters(w) && isTitleCase(w)) {
      if (ev.lower.has(l)) f.push('dlow');
      if (ev.capitalised.has(l)) f.push(i === 0 ? 'dcap0' : 'dcap');
    }
    if (hasLetters(w) && (isTitleCase(w) || shouting)) {
      if (ev.afterFirstName.has(l)) f.push('dfirst');
      if (ev.afterTitle.has(l)) f.push('dtitle');
      if (ev.beforeOrgHead.has(l)) f.push('dorg');
    }
    const prevLow = stripDot(at(lower, i - 1, ''));
    if (PERSON_TITLES.has(prevLow)) f.push('title-1');
    if (ORG_HEADS.has(stripDot(at(lower, i + 1, '')))) f.push('orghead+1');
    for (const g of gaz[i] ?? []) f.push(g);
    for (const g of at(gaz, i - 1, [] as string[])) f.push(cachedString('-1g', g, () => `-1${g}`));
    for (const g of at(gaz, i + 1, [] as string[])) f.push(cachedString('+1g', g, () => `+1${g}`));
    out.push(f);
  }
  return out;
}

/** Features of the labels already chosen to the left (greedy decoding). */
export function historyFeatures(features: string[], prev1: string, prev2: string, token: string, shape: string): void {
  features.push(
    cachedString('t-1', prev1, () => `t-1=${prev1}`),
    cachedString('t-2t-1', `${prev2} ${prev1}`, () => `t-2t-1=${prev2}|${prev1}`),
    `t-1w=${prev1}|${token}`,
    cachedString('t-1sh', `${prev1} ${shape}`, () => `t-1sh=${prev1}|${shape}`),
  );
}
