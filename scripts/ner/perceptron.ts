/**
 * Averaged perceptron for greedy BILOU tagging, trained with the decoder's own predicted history
 * so it learns to recover from its mistakes as it will have to at run time.
 */
import type { Token } from '../../src/pipeline/segment.js';
import { historyFeatures, shortShape } from '../../src/pipeline/entities/features.js';
import { LABELS, constraintsFor } from '../../src/pipeline/entities/labels.js';
import { sparseModel, type LinearModel } from '../../src/pipeline/entities/tagger.js';

/** One training sequence: tokens, their static features and gold label indices. */
export interface Instance {
  tokens: Token[];
  features: string[][];
  gold: number[];
}

/** Deterministic shuffling (mulberry32), so training runs are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function labelName(k: number): string {
  return k < 0 ? '<s>' : (LABELS[k] ?? 'O');
}

/** Trains on the instances; features seen fewer than `minCount` times are left out. */
export function trainPerceptron(
  instances: Instance[],
  options: { iterations: number; minCount: number; seed: number; onEpoch?: (epoch: number, model: LinearModel) => void },
): LinearModel {
  const c = LABELS.length;
  // Count features (static plus the history features of the gold path) to fix the feature set.
  const counts = new Map<string, number>();
  const bump = (f: string): void => {
    counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  for (const inst of instances) {
    inst.features.forEach((fs, i) => {
      for (const f of fs) bump(f);
      const h: string[] = [];
      historyFeatures(h, labelName(inst.gold[i - 1] ?? -1), labelName(inst.gold[i - 2] ?? -1),
        inst.tokens[i]?.text.toLowerCase() ?? '', shortShape(inst.tokens[i]?.text ?? ''));
      for (const f of h) bump(f);
    });
  }
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= options.minCount) index.set(f, index.size);
  counts.clear();
  const ids = instances.map((inst) =>
    inst.features.map((fs) => Int32Array.from(fs.map((f) => index.get(f) ?? -1).filter((x) => x >= 0))),
  );
  const w = new Float64Array(index.size * c);
  const acc = new Float64Array(index.size * c);
  let time = 1;
  const order = instances.map((_, i) => i);
  const random = rng(options.seed);
  const scores = new Float64Array(c);
  const hist: string[] = [];
  const histIds: number[] = [];
  const update = (row: number, k: number, delta: number): void => {
    w[row * c + k] = (w[row * c + k] ?? 0) + delta;
    acc[row * c + k] = (acc[row * c + k] ?? 0) + time * delta;
  };
  const averaged = (): LinearModel => {
    const avg = new Float32Array(w.length);
    for (let j = 0; j < w.length; j++) avg[j] = (w[j] ?? 0) - (acc[j] ?? 0) / time;
    return sparseModel(LABELS, index, avg);
  };
  for (let epoch = 1; epoch <= options.iterations; epoch++) {
    for (let j = order.length - 1; j > 0; j--) {
      const r = Math.floor(random() * (j + 1));
      [order[j], order[r]] = [order[r] ?? 0, order[j] ?? 0];
    }
    let errors = 0;
    let total = 0;
    for (const at of order) {
      const inst = instances[at];
      const stat = ids[at];
      if (!inst || !stat) continue;
      let prev1 = -1;
      let prev2 = -1;
      const n = inst.tokens.length;
      const allowed = constraintsFor(inst.tokens.map((t) => t.text));
      for (let i = 0; i < n; i++) {
        hist.length = 0;
        historyFeatures(hist, labelName(prev1), labelName(prev2), inst.tokens[i]?.text.toLowerCase() ?? '',
          shortShape(inst.tokens[i]?.text ?? ''));
        histIds.length = 0;
        for (const f of hist) {
          const id = index.get(f);
          if (id !== undefined) histIds.push(id);
        }
        scores.fill(0);
        const rows = stat[i] ?? new Int32Array();
        for (const row of rows) for (let k = 0; k < c; k++) scores[k] = (scores[k] ?? 0) + (w[row * c + k] ?? 0);
        for (const row of histIds) for (let k = 0; k < c; k++) scores[k] = (scores[k] ?? 0) + (w[row * c + k] ?? 0);
        let best = -1;
        let bestScore = -Infinity;
        const allowedHere = allowed[i] ?? (() => true);
        for (let k = 0; k < c; k++) {
          if (!allowedHere(prev1, k)) continue;
          if ((scores[k] ?? 0) > bestScore) {
            bestScore = scores[k] ?? 0;
            best = k;
          }
        }
        const gold = inst.gold[i] ?? 0;
        total++;
        if (best !== gold) {
          errors++;
          for (const row of rows) {
            update(row, gold, 1);
            update(row, best, -1);
          }
          for (const row of histIds) {
            update(row, gold, 1);
            update(row, best, -1);
          }
        }
        time++;
        prev2 = prev1;
        prev1 = best;
      }
    }
    console.log(`epoch ${epoch}: ${errors} errors in ${total} tokens (${((100 * errors) / total).toFixed(2)}%)`);
    options.onEpoch?.(epoch, averaged());
  }
  return averaged();
}
