import type { Token } from '../segment.js';
import { historyFeatures, shortShape } from './features.js';
import { LABELS, allowedAt } from './labels.js';

/** A linear model: one weight per (feature, label). */
export interface LinearModel {
  labels: readonly string[];
  /** Feature string → row of `weights`. */
  index: Map<string, number>;
  /** Row-major, `labels.length` weights per feature. */
  weights: Float32Array;
}

/** Adds the weights of the features to `scores` (unknown features count nothing). */
export function addScores(model: LinearModel, features: readonly string[], scores: Float64Array): void {
  const c = model.labels.length;
  for (const f of features) {
    const row = model.index.get(f);
    if (row === undefined) continue;
    const base = row * c;
    for (let k = 0; k < c; k++) scores[k] = (scores[k] ?? 0) + (model.weights[base + k] ?? 0);
  }
}

/**
 * Greedy left-to-right decoding with the BILOU constraints: at each token the best label that may
 * follow the previous one. `score` fills the label scores for a token given its full feature list.
 */
export function decodeGreedy(
  tokens: readonly Token[],
  features: readonly string[][],
  score: (features: string[], scores: Float64Array) => void,
): number[] {
  const n = tokens.length;
  const out: number[] = [];
  const scores = new Float64Array(LABELS.length);
  const words = tokens.map((t) => t.text);
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    const feats = (features[i] ?? []).slice();
    const token = tokens[i]?.text.toLowerCase() ?? '';
    historyFeatures(feats, labelName(prev1), labelName(prev2), token, shortShape(tokens[i]?.text ?? ''));
    scores.fill(0);
    score(feats, scores);
    let best = -1;
    let bestScore = -Infinity;
    for (let k = 0; k < LABELS.length; k++) {
      if (!allowedAt(words, i, prev1, k)) continue;
      const s = scores[k] ?? 0;
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

/** Labels one sequence with a trained model. */
export function tagTokens(model: LinearModel, tokens: readonly Token[], features: readonly string[][]): string[] {
  return decodeGreedy(tokens, features, (f, s) => addScores(model, f, s)).map((k) => LABELS[k] ?? 'O');
}
