/**
 * Run-time tagging without feature strings: the same features as `tokenFeatures`, `wordFeatures` and
 * `historyFeatures` (training uses those), scored in integer units of the stored weights.
 *
 * Most features are a function of something with a small vocabulary (a word, a shape triple, a triple
 * of parts of speech, a gazetteer position, the previous labels), so their summed weights are kept as
 * dense vectors per word, triple or label and reused. Only the features that pair a word with a shape or
 * a previous label are looked up one by one, through composed hashes. Sums of integers do not depend
 * on their order, so the cached partial sums score exactly what the feature strings score.
 */
import type { Token } from '../segment.js';
import { cachedPartHash, FeatureHasher, partHash, type PartHash } from './feature-hash.js';
import {
  emptyEvidence,
  hasLetters,
  isTitleCase,
  normalizeWord,
  shortShape,
  SMALL_WORDS,
  stripDot,
  tokenFeatures,
  wordFeatures,
  type DocumentEvidence,
} from './features.js';
import { GAZETTEER_CATEGORIES, GAZETTEER_POSITIONS, type Gazetteer } from './gazetteer.js';
import { constraintTable, isPossessive, LABELS } from './labels.js';
import { ORG_HEADS, PERSON_TITLES } from './lexicon.js';
import { tagTokens, type LinearModel } from './tagger.js';

const L = LABELS.length;
const P = (s: string): PartHash => partHash(s);
const SEP = P('|');
const PREFIX = { wm1sh: P('w-1sh='), shwp1: P('shw+1='), acw: P('AC|w=') } as const;
/** Templates of the features hashed per token; everything else is summed into cached vectors. */
const HASHED_PREFIXES = ['w-1sh=', 'shw+1=', 'AC|w=', 't-1w='];
const START_H = P('<s>');
const FIRST_NAME_BIT = 1 << GAZETTEER_CATEGORIES.indexOf('first');
const OPENERS = /^[.!?"“‘'(:—–-]$/;
const END_H = P('</s>');

/** What the tagger needs of one distinct token text, computed once. */
interface WordInfo {
  /** `normalizeWord(text)` and its hash. */
  lower: string;
  lowerH: PartHash;
  /** The plain lower case (`text.toLowerCase()`, as the history features and the evidence use it) and its hash. */
  lowerCase: string;
  lowerCaseH: PartHash;
  shape: ShapeInfo;
  /**
   * Offset in the vector arena of the summed weights of `wordFeatures(text)` (L entries), followed by
   * those of the word as a neighbour: `w-1=`, `w+1=`, `w-2=`, `w+2=` (L entries each).
   */
  at: number;
  letters: boolean;
  titled: boolean;
  upper: boolean;
  /** The word is all lower case already. */
  isLower: boolean;
  /** A capitalised function word ("To", "Of"): a sign of a title-case headline. */
  smallTitled: boolean;
  /** The word (final dot dropped) is a person's title / an organization head word. */
  title: boolean;
  orgHead: boolean;
  /** The same of the plain lower case (the evidence reads that). */
  titlePlain: boolean;
  orgHeadPlain: boolean;
  /** Punctuation after which any word may be capitalised (`gatherEvidence`'s opening marks). */
  opener: boolean;
  possessive: boolean;
  /** `gazetteer.entry(lower)` of the gazetteer last asked, and whether it lists the plain lower case as a first name. */
  gazetteer: Gazetteer | null;
  gazetteerEntry: number;
  firstName: boolean;
}

/** A short shape with an id (for the triple cache) and the summed `t-1sh=` weights after each label. */
interface ShapeInfo {
  id: number;
  text: string;
  hash: PartHash;
  /** Arena offset of the weights of `t-1sh=PREV|shape`, L entries per previous label + 1. */
  history: number;
}

/** A model made ready for integer scoring, with its caches. */
interface Compiled {
  model: LinearModel;
  /**
   * The features looked up per token (word-shape and label-word pairs), alone in a small table so it
   * stays in cache; its rows are `hashedStart` / `hashedPairs`, laid out like `pairs` below.
   */
  hasher: FeatureHasher;
  hashedStart: Int32Array;
  hashedPairs: Int32Array;
  /** Weights of row r as (label, integer weight) pairs: `pairs[2j]`, `pairs[2j + 1]` for j in rowStart[r] … rowStart[r + 1]. */
  pairs: Int32Array;
  scale: number;
  fixed: Record<'AC' | 'ACdcap' | 'ACdlow' | 'dlow' | 'dcap0' | 'dcap' | 'dfirst' | 'dtitle' | 'dorg' | 'title1' | 'orghead1', Int32Array>;
  /** Neighbour features of the sentence padding: `w-1=<s>`, `w+1=</s>`, `w-2=<s>`, `w+2=</s>`. */
  padNear: Int32Array;
  /** Gazetteer features by (category * 5 + position code) * 3 + (0 own, 1 of the previous token, 2 of the next). */
  gazetteer: Int32Array[];
  /** `t-1=` by previous label + 1, and `t-2t-1=` by (prev2 + 1) * (L + 1) + prev1 + 1. */
  t1: Int32Array;
  t2t1: Int32Array;
  /** Hash of `t-1w=LABEL|`, by previous label + 1. */
  t1w: PartHash[];
  words: Map<string, WordInfo>;
  shapes: Map<string, ShapeInfo>;
  /** Parts of speech by tag, with ids 1…; 0 is the sentence padding. */
  pos: Map<string, number>;
  /** Arena offsets of the summed part-of-speech and shape triple features. */
  posTriples: Map<number, number>;
  shapeTriples: Map<number, number>;
  /**
   * The vectors cached from text, side by side in one buffer: a vector costs no object of its own
   * and words read together lie together. Grows by doubling; emptied with the caches.
   */
  arena: Int32Array;
  arenaTop: number;
}

const compiledModels = new WeakMap<LinearModel, Compiled>();

/** Caches grow with the vocabulary read; past this many words they start again. */
const MAX_WORDS = 60_000;
const MAX_SHAPES = 4_096;
const MAX_POS = 1_000;
const SHAPE_KEY = 1 << 16;
/** Entries of the vector arena (4 bytes each) past which the caches start again. */
const MAX_ARENA = 8_000_000;

function labelName(k: number): string {
  return k < 0 ? '<s>' : (LABELS[k] ?? 'O');
}

/** The stored integer weights: a decoded model's exactly; an in-memory one's as encoding would store them. */
function integerWeights(model: LinearModel): { pairs: Int32Array; scale: number } {
  let scale = model.scale;
  if (scale === undefined) {
    let maxAbs = 1e-9;
    for (const x of model.weight) maxAbs = Math.max(maxAbs, Math.abs(x));
    scale = 32767 / maxAbs;
  }
  const pairs = new Int32Array(model.weight.length * 2);
  for (let j = 0; j < model.weight.length; j++) {
    pairs[2 * j] = model.label[j] as number;
    pairs[2 * j + 1] = Math.round((model.weight[j] as number) * scale);
  }
  return { pairs, scale };
}

/** Adds a row of the small table of `hasher` (-1: unknown feature, nothing). */
function addHashed(c: Compiled, row: number, v: Int32Array, at: number): void {
  if (row < 0) return;
  const { hashedStart, hashedPairs } = c;
  const end = hashedStart[row + 1] as number;
  for (let j = hashedStart[row] as number; j < end; j++) {
    const k = at + (hashedPairs[2 * j] as number);
    v[k] = (v[k] as number) + (hashedPairs[2 * j + 1] as number);
  }
}

/** The features of the prefixes `scoreWords` and `tagWithScores` hash, in a table of their own. */
function hashedTable(model: LinearModel, pairs: Int32Array): Pick<Compiled, 'hasher' | 'hashedStart' | 'hashedPairs'> {
  const chosen: [string, number][] = [];
  for (const [feature, row] of model.index) if (HASHED_PREFIXES.some((p) => feature.startsWith(p))) chosen.push([feature, row]);
  const hashedStart = new Int32Array(chosen.length + 1);
  let size = 0;
  for (const [, row] of chosen) size += (model.rowStart[row + 1] as number) - (model.rowStart[row] as number);
  const hashedPairs = new Int32Array(2 * size);
  let at = 0;
  chosen.forEach(([, row], r) => {
    hashedStart[r] = at;
    for (let j = model.rowStart[row] as number; j < (model.rowStart[row + 1] as number); j++, at++) {
      hashedPairs[2 * at] = pairs[2 * j] as number;
      hashedPairs[2 * at + 1] = pairs[2 * j + 1] as number;
    }
  });
  hashedStart[chosen.length] = at;
  const hasher = new FeatureHasher(chosen.map(([feature], r) => [feature, r] as [string, number]), chosen.length);
  return { hasher, hashedStart, hashedPairs };
}

function addRow(c: Compiled, row: number, v: Int32Array, at = 0): void {
  if (row < 0) return;
  const { pairs } = c;
  const { rowStart } = c.model;
  const end = rowStart[row + 1] as number;
  for (let j = rowStart[row] as number; j < end; j++) {
    const k = at + (pairs[2 * j] as number);
    v[k] = (v[k] as number) + (pairs[2 * j + 1] as number);
  }
}

/** Summed weights of feature strings into `v` at offset `at` (used when a cache entry is made). */
function addFeatures(c: Compiled, features: readonly string[], v: Int32Array, at = 0): void {
  for (const f of features) addRow(c, c.model.index.get(f) ?? -1, v, at);
}

/** Room for `size` zeroed entries in the arena; its offset. The arena may move: read `c.arena` after. */
function allocate(c: Compiled, size: number): number {
  if (c.arenaTop + size > c.arena.length) {
    const bigger = new Int32Array(Math.max(2 * c.arena.length, c.arenaTop + size));
    bigger.set(c.arena.subarray(0, c.arenaTop));
    c.arena = bigger;
  }
  const at = c.arenaTop;
  c.arenaTop += size;
  c.arena.fill(0, at, at + size);
  return at;
}

function vectorOf(c: Compiled, ...features: string[]): Int32Array {
  const v = new Int32Array(L);
  addFeatures(c, features, v);
  return v;
}

// Written out for the 17 labels: the loop form costs a third more, and this is the tagger's inner loop.
function addVector(v: Int32Array, at: number, w: Int32Array, from: number): void {
  v[at] = (v[at] as number) + (w[from] as number);
  v[at + 1] = (v[at + 1] as number) + (w[from + 1] as number);
  v[at + 2] = (v[at + 2] as number) + (w[from + 2] as number);
  v[at + 3] = (v[at + 3] as number) + (w[from + 3] as number);
  v[at + 4] = (v[at + 4] as number) + (w[from + 4] as number);
  v[at + 5] = (v[at + 5] as number) + (w[from + 5] as number);
  v[at + 6] = (v[at + 6] as number) + (w[from + 6] as number);
  v[at + 7] = (v[at + 7] as number) + (w[from + 7] as number);
  v[at + 8] = (v[at + 8] as number) + (w[from + 8] as number);
  v[at + 9] = (v[at + 9] as number) + (w[from + 9] as number);
  v[at + 10] = (v[at + 10] as number) + (w[from + 10] as number);
  v[at + 11] = (v[at + 11] as number) + (w[from + 11] as number);
  v[at + 12] = (v[at + 12] as number) + (w[from + 12] as number);
  v[at + 13] = (v[at + 13] as number) + (w[from + 13] as number);
  v[at + 14] = (v[at + 14] as number) + (w[from + 14] as number);
  v[at + 15] = (v[at + 15] as number) + (w[from + 15] as number);
  v[at + 16] = (v[at + 16] as number) + (w[from + 16] as number);
}

if (L !== 17) throw new Error(`addVector is written out for 17 labels, LABELS has ${L}`);

function compile(model: LinearModel): Compiled {
  const known = compiledModels.get(model);
  if (known) return known;
  const { pairs, scale } = integerWeights(model);
  const c: Compiled = {
    model,
    ...hashedTable(model, pairs),
    pairs,
    scale,
    fixed: undefined as unknown as Compiled['fixed'],
    padNear: new Int32Array(4 * L),
    gazetteer: [],
    t1: new Int32Array((L + 1) * L),
    t2t1: new Int32Array((L + 1) * (L + 1) * L),
    t1w: [],
    words: new Map(),
    shapes: new Map(),
    pos: new Map(),
    posTriples: new Map(),
    shapeTriples: new Map(),
    arena: new Int32Array(1 << 16),
    arenaTop: 0,
  };
  const fixed = (f: string): Int32Array => vectorOf(c, f);
  c.fixed = {
    AC: fixed('AC'),
    ACdcap: fixed('AC|dcap'),
    ACdlow: fixed('AC|dlow'),
    dlow: fixed('dlow'),
    dcap0: fixed('dcap0'),
    dcap: fixed('dcap'),
    dfirst: fixed('dfirst'),
    dtitle: fixed('dtitle'),
    dorg: fixed('dorg'),
    title1: fixed('title-1'),
    orghead1: fixed('orghead+1'),
  };
  addFeatures(c, ['w-1=<s>'], c.padNear, 0);
  addFeatures(c, ['w+1=</s>'], c.padNear, L);
  addFeatures(c, ['w-2=<s>'], c.padNear, 2 * L);
  addFeatures(c, ['w+2=</s>'], c.padNear, 3 * L);
  for (const category of GAZETTEER_CATEGORIES) {
    for (const position of GAZETTEER_POSITIONS) {
      const g = `g:${category}:${position}`;
      // Code 0 (no phrase) is never added; its slots only keep the indexing simple.
      if (!position) c.gazetteer.push(new Int32Array(L), new Int32Array(L), new Int32Array(L));
      else c.gazetteer.push(vectorOf(c, g), vectorOf(c, `-1${g}`), vectorOf(c, `+1${g}`));
    }
  }
  for (let a = -1; a < L; a++) {
    addFeatures(c, [`t-1=${labelName(a)}`], c.t1, (a + 1) * L);
    c.t1w.push(P(`t-1w=${labelName(a)}|`));
    for (let b = -1; b < L; b++) addFeatures(c, [`t-2t-1=${labelName(b)}|${labelName(a)}`], c.t2t1, ((b + 1) * (L + 1) + a + 1) * L);
  }
  compiledModels.set(model, c);
  return c;
}

function shapeInfo(c: Compiled, text: string): ShapeInfo {
  let s = c.shapes.get(text);
  if (!s) {
    const history = allocate(c, (L + 1) * L);
    for (let a = -1; a < L; a++) addFeatures(c, [`t-1sh=${labelName(a)}|${text}`], c.arena, history + (a + 1) * L);
    s = { id: c.shapes.size + 1, text, hash: P(text), history };
    c.shapes.set(text, s);
  }
  return s;
}

function wordInfo(c: Compiled, text: string): WordInfo {
  let w = c.words.get(text);
  if (w) return w;
  const lower = normalizeWord(text);
  const lowerCase = text.toLowerCase();
  const at = allocate(c, 5 * L);
  addFeatures(c, wordFeatures(text), c.arena, at);
  addFeatures(c, [`w-1=${lower}`], c.arena, at + L);
  addFeatures(c, [`w+1=${lower}`], c.arena, at + 2 * L);
  addFeatures(c, [`w-2=${lower}`], c.arena, at + 3 * L);
  addFeatures(c, [`w+2=${lower}`], c.arena, at + 4 * L);
  const letters = hasLetters(text);
  const titled = isTitleCase(text);
  w = {
    lower,
    lowerH: cachedPartHash(lower),
    lowerCase,
    lowerCaseH: cachedPartHash(lowerCase),
    shape: shapeInfo(c, shortShape(text)),
    at,
    letters,
    titled,
    upper: letters && text === text.toUpperCase(),
    isLower: text === lowerCase,
    smallTitled: titled && SMALL_WORDS.has(text.toLowerCase()),
    title: PERSON_TITLES.has(stripDot(lower)),
    orgHead: ORG_HEADS.has(stripDot(lower)),
    titlePlain: PERSON_TITLES.has(stripDot(lowerCase)),
    orgHeadPlain: ORG_HEADS.has(stripDot(lowerCase)),
    opener: OPENERS.test(text),
    possessive: isPossessive(text),
    gazetteer: null,
    gazetteerEntry: -1,
    firstName: false,
  };
  c.words.set(text, w);
  return w;
}

/**
 * Drops the caches made from text once they are large. Shape ids start again, so the words that hold
 * shapes and the triples keyed by their ids go too; called only between sequences, so no shape of an
 * earlier generation meets one of the next.
 */
function forgetIfLarge(c: Compiled): void {
  if (c.words.size < MAX_WORDS && c.shapes.size < MAX_SHAPES && c.arenaTop < MAX_ARENA) return;
  c.words.clear();
  c.shapes.clear();
  c.shapeTriples.clear();
  c.posTriples.clear();
  c.arenaTop = 0;
}

function posId(c: Compiled, tag: string): number {
  let id = c.pos.get(tag);
  if (id === undefined) {
    id = c.pos.size + 1;
    c.pos.set(tag, id);
  }
  return id;
}

/** `p=`, `p-1=`, `p+1=`, `p-1p=`, `pp+1=` of a token, by the parts of speech around it. */
function posTriple(c: Compiled, prev: string | undefined, tag: string, next: string | undefined): number {
  const a = prev === undefined ? 0 : posId(c, prev);
  const b = posId(c, tag);
  const z = next === undefined ? 0 : posId(c, next);
  const key = a < MAX_POS && b < MAX_POS && z < MAX_POS ? (a * MAX_POS + b) * MAX_POS + z : -1;
  let v = key >= 0 ? c.posTriples.get(key) : undefined;
  if (v === undefined) {
    const p = prev ?? '<s>';
    const n = next ?? '</s>';
    v = allocate(c, L);
    addFeatures(c, [`p=${tag}`, `p-1=${p}`, `p+1=${n}`, `p-1p=${p}|${tag}`, `pp+1=${tag}|${n}`], c.arena, v);
    if (key >= 0) c.posTriples.set(key, v);
  }
  return v;
}

/** `sh-1=`, `sh+1=`, `sh-1+1=` of a token, and `first|` at the start of a sequence (the only place with no previous shape). */
function shapeTriple(c: Compiled, prev: ShapeInfo | undefined, shape: ShapeInfo, next: ShapeInfo | undefined): number {
  const a = prev?.id ?? 0;
  const z = next?.id ?? 0;
  // Ids stay below 2^16 unless one sequence brings thousands of new shapes; then no caching.
  const key = a < SHAPE_KEY && shape.id < SHAPE_KEY && z < SHAPE_KEY ? (a * SHAPE_KEY + shape.id) * SHAPE_KEY + z : -1;
  let v = key >= 0 ? c.shapeTriples.get(key) : undefined;
  if (v === undefined) {
    const p = prev?.text ?? '<s>';
    const n = next?.text ?? '</s>';
    const sh = shape.text;
    v = allocate(c, L);
    addFeatures(c, [`sh-1=${p}|${sh}`, `sh+1=${sh}|${n}`, `sh-1+1=${p}|${sh}|${n}`], c.arena, v);
    if (!prev) addFeatures(c, [`first|${sh}`], c.arena, v);
    if (key >= 0) c.shapeTriples.set(key, v);
  }
  return v;
}

/** Whether a sequence is shouting (`isAllCaps`), from the word facts. */
function shoutingOf(words: readonly WordInfo[]): boolean {
  let letters = 0;
  let upper = 0;
  let titled = 0;
  let small = 0;
  for (const w of words) {
    if (!w.letters) continue;
    letters++;
    if (w.upper) upper++;
    if (w.titled) {
      titled++;
      if (w.smallTitled) small++;
    }
  }
  if (letters >= 2 && upper / letters > 0.7) return true;
  return letters >= 4 && titled === letters && small > 0;
}

/** The facts of each token of a sequence, with the gazetteer's answers for them. */
function wordsOf(c: Compiled, tokens: readonly Token[], gazetteer: Gazetteer): WordInfo[] {
  const words = new Array<WordInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = wordInfo(c, (tokens[i] as Token).text);
    if (w.gazetteer !== gazetteer) {
      w.gazetteer = gazetteer;
      w.gazetteerEntry = gazetteer.entry(w.lower);
      w.firstName = (gazetteer.lookup(w.lowerCase) & FIRST_NAME_BIT) !== 0;
    }
    words[i] = w;
  }
  return words;
}

/** `gatherEvidence` from the word facts (the evidence test checks that they agree). */
function evidenceOf(sequences: readonly WordInfo[][]): DocumentEvidence {
  const ev = emptyEvidence();
  for (const words of sequences) {
    const shouting = shoutingOf(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as WordInfo;
      if (!w.letters) continue;
      const low = w.lowerCase;
      const prev = i > 0 ? (words[i - 1] as WordInfo) : undefined;
      if (!shouting) {
        if (w.isLower) ev.lower.add(low);
        else if (prev && w.titled && !prev.opener) ev.capitalised.add(low);
      }
      if (!w.titled) continue;
      if (prev?.titled && prev.firstName) ev.afterFirstName.add(low);
      if (prev?.titlePlain) ev.afterTitle.add(low);
      const next = words[i + 1];
      if (next?.titled && next.orgHeadPlain) ev.beforeOrgHead.add(low);
    }
  }
  return ev;
}

/**
 * Label indices of every tagging sequence of a document: the evidence of `gatherEvidence`, then
 * `tagSequence` of each, reading each token's word facts once.
 */
export function tagDocument(model: LinearModel, gazetteer: Gazetteer, sequences: readonly Token[][]): number[][] {
  const c = compile(model);
  forgetIfLarge(c);
  const words = sequences.map((tokens) => wordsOf(c, tokens, gazetteer));
  const ev = evidenceOf(words);
  return sequences.map((tokens, s) => {
    const labels = tagWithScores(model, tokens, scoreWords(c, tokens, words[s] as WordInfo[], gazetteer, ev));
    return labels ?? floatLabels(model, tokens, gazetteer, ev);
  });
}

/** The evidence `tagDocument` reads (for tests: it must equal `gatherEvidence`). */
export function documentEvidence(model: LinearModel, gazetteer: Gazetteer, sequences: readonly Token[][]): DocumentEvidence {
  const c = compile(model);
  forgetIfLarge(c);
  return evidenceOf(sequences.map((tokens) => wordsOf(c, tokens, gazetteer)));
}

/** Per token of one sequence, the summed weights of everything but the history features. */
export interface StaticScores {
  /** Token i's scores are `scores[i * L]` … `scores[i * L + L - 1]` (L = LABELS.length), in integer weight units. */
  scores: Int32Array;
  words: WordInfo[];
}

/**
 * The scores of `wordFeatures` + `tokenFeatures(tokens, gazetteer, ev)` of each token. The word facts
 * point into caches that the next `staticScores` or `tagDocument` may empty: tag with them first.
 */
export function staticScores(model: LinearModel, tokens: readonly Token[], gazetteer: Gazetteer, ev: DocumentEvidence): StaticScores {
  const c = compile(model);
  forgetIfLarge(c);
  const fixed = scoreWords(c, tokens, wordsOf(c, tokens, gazetteer), gazetteer, ev);
  return { scores: fixed.scores.slice(0, tokens.length * L), words: fixed.words };
}

// Score buffers reused from sequence to sequence (a typed array costs more to make than to fill).
let scratch = new Int32Array(64 * L);
const labelScratch = new Int32Array(L);

/** Scores of `staticScores` in a shared buffer, valid until the next call. */
function scoreWords(c: Compiled, tokens: readonly Token[], words: WordInfo[], gazetteer: Gazetteer, ev: DocumentEvidence): StaticScores {
  const { hasher, fixed } = c;
  const n = tokens.length;
  const lower = new Array<string>(n);
  const entries = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const w = words[i] as WordInfo;
    lower[i] = w.lower;
    entries[i] = w.gazetteerEntry;
  }
  const shouting = shoutingOf(words);
  const gaz = gazetteer.annotateCodes(lower, entries);
  const C = GAZETTEER_CATEGORIES.length;
  if (scratch.length < n * L) scratch = new Int32Array(Math.max(n * L, 2 * scratch.length));
  const scores = scratch;
  scores.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const at = i * L;
    const w = words[i] as WordInfo;
    const prev = i > 0 ? (words[i - 1] as WordInfo) : undefined;
    const next = i + 1 < n ? (words[i + 1] as WordInfo) : undefined;
    // The triples may grow the arena, so it is read after them.
    const pos = posTriple(c, tokens[i - 1]?.pos, (tokens[i] as Token).pos, tokens[i + 1]?.pos);
    const shapes = shapeTriple(c, prev?.shape, w.shape, next?.shape);
    const arena = c.arena;
    addVector(scores, at, arena, w.at);
    if (prev) addVector(scores, at, arena, prev.at + L);
    else addVector(scores, at, c.padNear, 0);
    if (next) addVector(scores, at, arena, next.at + 2 * L);
    else addVector(scores, at, c.padNear, L);
    if (i > 1) addVector(scores, at, arena, (words[i - 2] as WordInfo).at + 3 * L);
    else addVector(scores, at, c.padNear, 2 * L);
    if (i + 2 < n) addVector(scores, at, arena, (words[i + 2] as WordInfo).at + 4 * L);
    else addVector(scores, at, c.padNear, 3 * L);
    addVector(scores, at, arena, pos);
    addVector(scores, at, arena, shapes);
    const sh = w.shape.hash;
    addHashed(c, hasher.start(PREFIX.wm1sh).add(prev ? prev.lowerH : START_H).add(SEP).add(sh).row(), scores, at);
    addHashed(c, hasher.start(PREFIX.shwp1).add(sh).add(SEP).add(next ? next.lowerH : END_H).row(), scores, at);
    const l = w.lower;
    const titled = w.letters && w.titled;
    if (shouting) {
      addVector(scores, at, fixed.AC, 0);
      addHashed(c, hasher.start(PREFIX.acw).add(w.lowerH).row(), scores, at);
      if (ev.capitalised.has(l)) addVector(scores, at, fixed.ACdcap, 0);
      if (ev.lower.has(l)) addVector(scores, at, fixed.ACdlow, 0);
    } else if (titled) {
      if (ev.lower.has(l)) addVector(scores, at, fixed.dlow, 0);
      if (ev.capitalised.has(l)) addVector(scores, at, i === 0 ? fixed.dcap0 : fixed.dcap, 0);
    }
    if (w.letters && (titled || shouting)) {
      if (ev.afterFirstName.has(l)) addVector(scores, at, fixed.dfirst, 0);
      if (ev.afterTitle.has(l)) addVector(scores, at, fixed.dtitle, 0);
      if (ev.beforeOrgHead.has(l)) addVector(scores, at, fixed.dorg, 0);
    }
    // The padding's "" is neither a title nor an organization head.
    if (prev?.title) addVector(scores, at, fixed.title1, 0);
    if (next?.orgHead) addVector(scores, at, fixed.orghead1, 0);
    for (let bit = 0; bit < C; bit++) {
      const own = gaz[i * C + bit] as number;
      if (own !== 0) addVector(scores, at, c.gazetteer[(bit * 5 + own) * 3] as Int32Array, 0);
      const before = i > 0 ? (gaz[(i - 1) * C + bit] as number) : 0;
      if (before !== 0) addVector(scores, at, c.gazetteer[(bit * 5 + before) * 3 + 1] as Int32Array, 0);
      const after = i + 1 < n ? (gaz[(i + 1) * C + bit] as number) : 0;
      if (after !== 0) addVector(scores, at, c.gazetteer[(bit * 5 + after) * 3 + 2] as Int32Array, 0);
    }
  }
  return { scores, words };
}

/**
 * Greedy BILOU decoding of one sequence, as `tagTokens` does, from the scores of `staticScores`
 * plus the history features. Returns label indices into LABELS, or null when two labels tie for the
 * best at some token: `tagTokens` then decides by the rounding of its float sums, which integers
 * cannot reproduce (see `tagSequence`).
 */
export function tagWithScores(model: LinearModel, tokens: readonly Token[], fixed: StaticScores): number[] | null {
  const c = compile(model);
  const { hasher, arena } = c;
  const n = tokens.length;
  const out: number[] = new Array<number>(n);
  const scores = labelScratch;
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    const w = fixed.words[i] as WordInfo;
    const table = constraintTable(w.possessive, i === n - 1 || (fixed.words[i + 1] as WordInfo).possessive);
    const from = (prev1 + 1) * L;
    const t2 = ((prev2 + 1) * (L + 1) + prev1 + 1) * L;
    for (let k = 0; k < L; k++) {
      scores[k] = (fixed.scores[i * L + k] as number) + (c.t1[from + k] as number) + (c.t2t1[t2 + k] as number) + (arena[w.shape.history + from + k] as number);
    }
    addHashed(c, hasher.start(c.t1w[prev1 + 1] as PartHash).add(w.lowerCaseH).row(), scores, 0);
    let best = 0;
    let bestScore = -Infinity;
    let tied = false;
    for (let k = 0; k < L; k++) {
      if (table[from + k] !== 1) continue;
      const s = scores[k] as number;
      if (s > bestScore) {
        bestScore = s;
        best = k;
        tied = false;
      } else if (s === bestScore) {
        tied = true;
      }
    }
    if (tied) return null;
    out[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
  return out;
}

/**
 * Label indices of one sequence: integer scoring, and on a tie the string features and float sums of
 * training's `tagTokens` (rare: a few sequences in ten thousand), so the labels are always the same.
 */
export function tagSequence(model: LinearModel, tokens: readonly Token[], gazetteer: Gazetteer, ev: DocumentEvidence): number[] {
  return tagWithScores(model, tokens, staticScores(model, tokens, gazetteer, ev)) ?? floatLabels(model, tokens, gazetteer, ev);
}

function floatLabels(model: LinearModel, tokens: readonly Token[], gazetteer: Gazetteer, ev: DocumentEvidence): number[] {
  ties++;
  return tagTokens(model, tokens, tokenFeatures(tokens, gazetteer, ev)).map((l) => LABELS.indexOf(l));
}

let ties = 0;
/** How many sequences fell back to float scoring so far (for benchmarks and tests). */
export function tiesSoFar(): number {
  return ties;
}

/** The integer scores of a list of feature strings (for tests: what `staticScores` must equal). */
export function integerScores(model: LinearModel, features: readonly string[]): Int32Array {
  const c = compile(model);
  const v = new Int32Array(L);
  addFeatures(c, features, v);
  return v;
}
