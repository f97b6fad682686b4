/**
 * Run-time tagging without feature strings: the same features as `tokenFeatures`, `wordFeatures` and
 * `historyFeatures` (training uses those), found as model rows through their composed hashes.
 */
import type { Token } from '../segment.js';
import { cachedPartHash, FeatureHasher, partHash, type PartHash } from './feature-hash.js';
import {
  hasLetters,
  isAllCaps,
  isTitleCase,
  normalizeWord,
  shortShape,
  stripDot,
  wordFeatures,
  type DocumentEvidence,
} from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { LABELS, constraintTables } from './labels.js';
import { ORG_HEADS, PERSON_TITLES } from './lexicon.js';
import { addScores, type LinearModel } from './tagger.js';

const P = (s: string): PartHash => partHash(s);
const SEP = P('|');
const START = P('<s>');
const END = P('</s>');
const PREFIX = {
  p: P('p='),
  m1: P('w-1='),
  p1: P('w+1='),
  m2: P('w-2='),
  p2: P('w+2='),
  pm1: P('p-1='),
  pp1: P('p+1='),
  pm1p: P('p-1p='),
  ppp1: P('pp+1='),
  shm1: P('sh-1='),
  shp1: P('sh+1='),
  shm1p1: P('sh-1+1='),
  wm1sh: P('w-1sh='),
  shwp1: P('shw+1='),
  first: P('first|'),
  acw: P('AC|w='),
  gm1: P('-1'),
  gp1: P('+1'),
} as const;

/** A model made ready for hashed lookups: the hash table and the rows of fixed and history features. */
interface Compiled {
  hasher: FeatureHasher;
  fixed: Record<'AC' | 'ACdcap' | 'ACdlow' | 'dlow' | 'dcap0' | 'dcap' | 'dfirst' | 'dtitle' | 'dorg' | 'title1' | 'orghead1', number>;
  /** Row of `t-1=LABEL`, by previous label + 1. */
  t1: Int32Array;
  /** Row of `t-2t-1=L2|L1`, by (prev2 + 1) * (labels + 1) + prev1 + 1. */
  t2t1: Int32Array;
  /** Hash of `t-1w=LABEL|` and `t-1sh=LABEL|`, by previous label + 1. */
  t1w: PartHash[];
  t1sh: PartHash[];
  /** Summed scores of a word's own features, by word. */
  wordScores: Map<string, Float64Array>;
}

const compiledModels = new WeakMap<LinearModel, Compiled>();

function labelName(k: number): string {
  return k < 0 ? '<s>' : (LABELS[k] ?? 'O');
}

function compile(model: LinearModel): Compiled {
  let c = compiledModels.get(model);
  if (c) return c;
  const hasher = new FeatureHasher(model.index, model.index.size);
  const L = LABELS.length + 1;
  const t1 = new Int32Array(L);
  const t2t1 = new Int32Array(L * L);
  const t1w: PartHash[] = [];
  const t1sh: PartHash[] = [];
  for (let a = -1; a < LABELS.length; a++) {
    t1[a + 1] = model.index.get(`t-1=${labelName(a)}`) ?? -1;
    t1w.push(P(`t-1w=${labelName(a)}|`));
    t1sh.push(P(`t-1sh=${labelName(a)}|`));
    for (let b = -1; b < LABELS.length; b++) {
      t2t1[(b + 1) * L + a + 1] = model.index.get(`t-2t-1=${labelName(b)}|${labelName(a)}`) ?? -1;
    }
  }
  const get = (f: string): number => model.index.get(f) ?? -1;
  c = {
    hasher,
    fixed: {
      AC: get('AC'),
      ACdcap: get('AC|dcap'),
      ACdlow: get('AC|dlow'),
      dlow: get('dlow'),
      dcap0: get('dcap0'),
      dcap: get('dcap'),
      dfirst: get('dfirst'),
      dtitle: get('dtitle'),
      dorg: get('dorg'),
      title1: get('title-1'),
      orghead1: get('orghead+1'),
    },
    t1,
    t2t1,
    t1w,
    t1sh,
    wordScores: new Map(),
  };
  compiledModels.set(model, c);
  return c;
}

/** Context rows of each token of one sequence: token i's rows are `rows[start[i]]` … `rows[start[i + 1] - 1]`. */
export interface ContextRows {
  rows: Int32Array;
  start: Int32Array;
  /** Hashes of each token lower-cased (plain `toLowerCase`, as the history features use) and of its short shape. */
  lowerCase: PartHash[];
  shape: PartHash[];
}

// Plain lower case of a word, remembered (the history features use it, not the normalised form).
const lowerCaseCache = new Map<string, PartHash>();

function lowerCaseHash(word: string): PartHash {
  let v = lowerCaseCache.get(word);
  if (v === undefined) {
    v = cachedPartHash(word.toLowerCase());
    if (lowerCaseCache.size > 100_000) lowerCaseCache.clear();
    lowerCaseCache.set(word, v);
  }
  return v;
}

/** The rows of `tokenFeatures(tokens, gazetteer, ev)` that the model knows, without building the strings. */
export function contextRows(model: LinearModel, tokens: readonly Token[], gazetteer: Gazetteer, ev: DocumentEvidence): ContextRows {
  const { hasher, fixed } = compile(model);
  const n = tokens.length;
  const lower: string[] = new Array<string>(n);
  const lowH: PartHash[] = new Array<PartHash>(n);
  const shH: PartHash[] = new Array<PartHash>(n);
  const posH: PartHash[] = new Array<PartHash>(n);
  const lowerCase: PartHash[] = new Array<PartHash>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const l = normalizeWord(t.text);
    lower[i] = l;
    lowH[i] = cachedPartHash(l);
    shH[i] = cachedPartHash(shortShape(t.text));
    posH[i] = cachedPartHash(t.pos);
    lowerCase[i] = lowerCaseHash(t.text);
  }
  const shouting = isAllCaps(tokens);
  const gaz = gazetteer.annotate(lower);
  const rows: number[] = [];
  const start = new Int32Array(n + 1);
  const push = (r: number): void => {
    if (r >= 0) rows.push(r);
  };
  for (let i = 0; i < n; i++) {
    start[i] = rows.length;
    const w = (tokens[i] as Token).text;
    const l = lower[i] as string;
    const lh = lowH[i] as PartHash;
    const sh = shH[i] as PartHash;
    const p = posH[i] as PartHash;
    const lPrev = i > 0 ? (lowH[i - 1] as PartHash) : START;
    const lNext = i + 1 < n ? (lowH[i + 1] as PartHash) : END;
    const pPrev = i > 0 ? (posH[i - 1] as PartHash) : START;
    const pNext = i + 1 < n ? (posH[i + 1] as PartHash) : END;
    const shPrev = i > 0 ? (shH[i - 1] as PartHash) : START;
    const shNext = i + 1 < n ? (shH[i + 1] as PartHash) : END;
    push(hasher.start(PREFIX.p).add(p).row());
    push(hasher.start(PREFIX.m1).add(lPrev).row());
    push(hasher.start(PREFIX.p1).add(lNext).row());
    push(hasher.start(PREFIX.m2).add(i > 1 ? (lowH[i - 2] as PartHash) : START).row());
    push(hasher.start(PREFIX.p2).add(i + 2 < n ? (lowH[i + 2] as PartHash) : END).row());
    push(hasher.start(PREFIX.pm1).add(pPrev).row());
    push(hasher.start(PREFIX.pp1).add(pNext).row());
    push(hasher.start(PREFIX.pm1p).add(pPrev).add(SEP).add(p).row());
    push(hasher.start(PREFIX.ppp1).add(p).add(SEP).add(pNext).row());
    push(hasher.start(PREFIX.shm1).add(shPrev).add(SEP).add(sh).row());
    push(hasher.start(PREFIX.shp1).add(sh).add(SEP).add(shNext).row());
    push(hasher.start(PREFIX.shm1p1).add(shPrev).add(SEP).add(sh).add(SEP).add(shNext).row());
    push(hasher.start(PREFIX.wm1sh).add(lPrev).add(SEP).add(sh).row());
    push(hasher.start(PREFIX.shwp1).add(sh).add(SEP).add(lNext).row());
    if (i === 0) push(hasher.start(PREFIX.first).add(sh).row());
    const letters = hasLetters(w);
    const titled = letters && isTitleCase(w);
    if (shouting) {
      push(fixed.AC);
      push(hasher.start(PREFIX.acw).add(lh).row());
      if (ev.capitalised.has(l)) push(fixed.ACdcap);
      if (ev.lower.has(l)) push(fixed.ACdlow);
    } else if (titled) {
      if (ev.lower.has(l)) push(fixed.dlow);
      if (ev.capitalised.has(l)) push(i === 0 ? fixed.dcap0 : fixed.dcap);
    }
    if (letters && (titled || shouting)) {
      if (ev.afterFirstName.has(l)) push(fixed.dfirst);
      if (ev.afterTitle.has(l)) push(fixed.dtitle);
      if (ev.beforeOrgHead.has(l)) push(fixed.dorg);
    }
    if (PERSON_TITLES.has(stripDot(i > 0 ? (lower[i - 1] as string) : ''))) push(fixed.title1);
    if (ORG_HEADS.has(stripDot(i + 1 < n ? (lower[i + 1] as string) : ''))) push(fixed.orghead1);
    for (const g of gaz[i] ?? []) push(hasher.start(cachedPartHash(g)).row());
    if (i > 0) for (const g of gaz[i - 1] ?? []) push(hasher.start(PREFIX.gm1).add(cachedPartHash(g)).row());
    if (i + 1 < n) for (const g of gaz[i + 1] ?? []) push(hasher.start(PREFIX.gp1).add(cachedPartHash(g)).row());
  }
  start[n] = rows.length;
  return { rows: Int32Array.from(rows), start, lowerCase, shape: shH };
}

function addRow(model: LinearModel, row: number, scores: Float64Array): void {
  if (row < 0) return;
  const { rowStart, label, weight } = model;
  const end = rowStart[row + 1] as number;
  for (let j = rowStart[row] as number; j < end; j++) {
    const k = label[j] as number;
    scores[k] = (scores[k] as number) + (weight[j] as number);
  }
}

function addWordScores(model: LinearModel, c: Compiled, word: string, scores: Float64Array): void {
  let own = c.wordScores.get(word);
  if (!own) {
    own = new Float64Array(LABELS.length);
    addScores(model, wordFeatures(word), own);
    if (c.wordScores.size > 100_000) c.wordScores.clear();
    c.wordScores.set(word, own);
  }
  for (let k = 0; k < own.length; k++) scores[k] = (scores[k] as number) + (own[k] as number);
}

/**
 * Greedy BILOU decoding of one sequence, as `tagTokens` does, from the context rows of `contextRows`.
 * Returns label indices into LABELS.
 */
export function tagWithRows(model: LinearModel, tokens: readonly Token[], ctx: ContextRows): number[] {
  const c = compile(model);
  const { hasher } = c;
  const n = tokens.length;
  const L = LABELS.length;
  const out: number[] = new Array<number>(n);
  const scores = new Float64Array(L);
  const allowed = constraintTables(tokens.map((t) => t.text));
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    const word = (tokens[i] as Token).text;
    const table = allowed[i] as Uint8Array;
    const from = (prev1 + 1) * L;
    scores.fill(0);
    addWordScores(model, c, word, scores);
    for (let j = ctx.start[i] as number; j < (ctx.start[i + 1] as number); j++) addRow(model, ctx.rows[j] as number, scores);
    addRow(model, c.t1[prev1 + 1] as number, scores);
    addRow(model, c.t2t1[(prev2 + 1) * (L + 1) + prev1 + 1] as number, scores);
    addRow(model, hasher.start(c.t1w[prev1 + 1] as PartHash).add(ctx.lowerCase[i] as PartHash).row(), scores);
    addRow(model, hasher.start(c.t1sh[prev1 + 1] as PartHash).add(ctx.shape[i] as PartHash).row(), scores);
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < L; k++) {
      if (table[from + k] !== 1) continue;
      const s = scores[k] as number;
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    }
    out[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
  return out;
}
