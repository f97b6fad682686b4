import type { Token } from '../segment.js';
import { historyFeatures, shortShape, wordFeatures } from './features.js';
import { LABELS, constraintsFor } from './labels.js';

/**
 * A linear model: weights per (feature, label), stored sparsely (most features speak for a few labels
 * only), which makes scoring a token a few dozen additions.
 */
export interface LinearModel {
  labels: readonly string[];
  /** Feature string → row. */
  index: Map<string, number>;
  /** Row r's weights are entries `rowStart[r]` to `rowStart[r + 1]` of `label` and `weight`. */
  rowStart: Int32Array;
  label: Uint8Array;
  weight: Float32Array;
  /** For a model read from file: stored weights are `weight * scale`, integers (see model-file.ts). */
  scale?: number;
}

/** Builds the sparse model from dense rows (`labels.length` weights per feature), dropping zeros. */
export function sparseModel(labels: readonly string[], index: Map<string, number>, dense: Float32Array): LinearModel {
  const c = labels.length;
  const rows = index.size;
  const rowStart = new Int32Array(rows + 1);
  let nonzero = 0;
  for (let j = 0; j < dense.length; j++) if (dense[j] !== 0) nonzero++;
  const label = new Uint8Array(nonzero);
  const weight = new Float32Array(nonzero);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = at;
    for (let k = 0; k < c; k++) {
      const w = dense[r * c + k] ?? 0;
      if (w === 0) continue;
      label[at] = k;
      weight[at] = w;
      at++;
    }
  }
  rowStart[rows] = at;
  return { labels, index, rowStart, label, weight };
}

/** Adds the weights of the features to `scores` (unknown features count nothing). */
export function addScores(model: LinearModel, features: readonly string[], scores: Float64Array): void {
  const { index, rowStart, label, weight } = model;
  for (const f of features) {
    const row = index.get(f);
    if (row === undefined) continue;
    const end = rowStart[row + 1] as number;
    for (let j = rowStart[row] as number; j < end; j++) {
      const k = label[j] as number;
      scores[k] = (scores[k] as number) + (weight[j] as number);
    }
  }
}

/**
 * Greedy left-to-right decoding with the BILOU constraints: at each token the best label that may
 * follow the previous one. `scoreToken` adds the scores of token i's own and context features,
 * `score` those of a list of features (the history).
 */
export function decodeGreedy(
  tokens: readonly Token[],
  scoreToken: (i: number, scores: Float64Array) => void,
  score: (features: readonly string[], scores: Float64Array) => void,
): number[] {
  const n = tokens.length;
  const out: number[] = [];
  const scores = new Float64Array(LABELS.length);
  const words = tokens.map((t) => t.text);
  const history: string[] = [];
  const allowed = constraintsFor(words);
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    const word = words[i] ?? '';
    history.length = 0;
    historyFeatures(history, labelName(prev1), labelName(prev2), word.toLowerCase(), shortShape(word));
    scores.fill(0);
    scoreToken(i, scores);
    score(history, scores);
    let best = 0;
    let bestScore = -Infinity;
    const allowedHere = allowed[i] ?? (() => true);
    for (let k = 0; k < LABELS.length; k++) {
      if (!allowedHere(prev1, k)) continue;
      const s = scores[k] as number;
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    }
    out.push(best);
    prev2 = prev1;
    prev1 = best;
  }
  return out;
}

function labelName(k: number): string {
  return k < 0 ? '<s>' : (LABELS[k] ?? 'O');
}

// Per model, the summed scores of each word's own features: a repeated word costs one lookup.
const wordScores = new WeakMap<LinearModel, Map<string, Float64Array>>();

function addWordScores(model: LinearModel, word: string, scores: Float64Array): void {
  let cache = wordScores.get(model);
  if (!cache) {
    cache = new Map();
    wordScores.set(model, cache);
  }
  let own = cache.get(word);
  if (!own) {
    own = new Float64Array(model.labels.length);
    addScores(model, wordFeatures(word), own);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, own);
  }
  for (let k = 0; k < own.length; k++) scores[k] = (scores[k] as number) + (own[k] as number);
}

/** Labels one sequence with a trained model, given each token's context features (`tokenFeatures`). */
export function tagTokens(model: LinearModel, tokens: readonly Token[], features: readonly string[][]): string[] {
  const scoreToken = (i: number, s: Float64Array): void => {
    addWordScores(model, tokens[i]?.text ?? '', s);
    addScores(model, features[i] ?? [], s);
  };
  return decodeGreedy(tokens, scoreToken, (f, s) => addScores(model, f, s)).map((k) => LABELS[k] ?? 'O');
}
