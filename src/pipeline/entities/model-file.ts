import { BadInputError } from '../../errors.js';
import type { LinearModel } from './tagger.js';

/** The JSON half of a stored model: labels, feature strings (one per row) and the weight scale. */
export interface ModelHeader {
  version: 1;
  labels: string[];
  features: string[];
  /** Stored weights are integers; the real weight is `stored / scale`. */
  scale: number;
}

/**
 * Packs a model's weights sparsely: per feature a count byte, then (label byte, int16 weight) pairs.
 * Weights that round to zero are dropped, and features left with none are dropped entirely.
 */
export function encodeModel(model: LinearModel): { header: ModelHeader; weights: Uint8Array } {
  const c = model.labels.length;
  let maxAbs = 1e-9;
  for (const x of model.weights) maxAbs = Math.max(maxAbs, Math.abs(x));
  // The largest weight maps to the int16 limit: resolution where it matters, no clipping.
  const scale = 32767 / maxAbs;
  const features: string[] = [];
  const bytes: number[] = [];
  for (const [feature, row] of model.index) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < c; k++) {
      const q = Math.round((model.weights[row * c + k] ?? 0) * scale);
      if (q !== 0) pairs.push([k, q]);
    }
    if (pairs.length === 0) continue;
    features.push(feature);
    bytes.push(pairs.length);
    for (const [k, q] of pairs) {
      const u = q & 0xffff;
      bytes.push(k, u & 0xff, u >> 8);
    }
  }
  return { header: { version: 1, labels: [...model.labels], features, scale }, weights: Uint8Array.from(bytes) };
}

/** Unpacks a stored model into dense rows for fast scoring. */
export function decodeModel(header: ModelHeader, weights: Uint8Array): LinearModel {
  const c = header.labels.length;
  const dense = new Float32Array(header.features.length * c);
  const index = new Map<string, number>();
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  let at = 0;
  header.features.forEach((feature, row) => {
    index.set(feature, row);
    const count = view.getUint8(at++);
    for (let j = 0; j < count; j++) {
      const k = view.getUint8(at);
      const q = view.getInt16(at + 1, true);
      at += 3;
      dense[row * c + k] = q / header.scale;
    }
  });
  if (at !== weights.byteLength) {
    throw new BadInputError('models/ner/weights.bin', `expected ${at} bytes, found ${weights.byteLength}`);
  }
  return { labels: header.labels, index, weights: dense };
}
