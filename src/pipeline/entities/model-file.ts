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
  let maxAbs = 1e-9;
  for (const x of model.weight) maxAbs = Math.max(maxAbs, Math.abs(x));
  // The largest weight maps to the int16 limit: resolution where it matters, no clipping.
  const scale = 32767 / maxAbs;
  const features: string[] = [];
  const bytes: number[] = [];
  for (const [feature, row] of model.index) {
    const pairs: [number, number][] = [];
    for (let j = model.rowStart[row] ?? 0; j < (model.rowStart[row + 1] ?? 0); j++) {
      const q = Math.round((model.weight[j] ?? 0) * scale);
      if (q !== 0) pairs.push([model.label[j] ?? 0, q]);
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

/** Unpacks a stored model. */
export function decodeModel(header: ModelHeader, weights: Uint8Array): LinearModel {
  const rows = header.features.length;
  const pairs = Math.max(0, Math.floor((weights.byteLength - rows) / 3));
  const rowStart = new Int32Array(rows + 1);
  const label = new Uint8Array(pairs);
  const weight = new Float32Array(pairs);
  const index = new Map<string, number>();
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  let at = 0;
  let j = 0;
  header.features.forEach((feature, row) => {
    index.set(feature, row);
    rowStart[row] = j;
    const count = at < view.byteLength ? view.getUint8(at++) : 0;
    for (let n = 0; n < count && at + 3 <= view.byteLength; n++, j++) {
      label[j] = view.getUint8(at);
      weight[j] = view.getInt16(at + 1, true) / header.scale;
      at += 3;
    }
  });
  rowStart[rows] = j;
  if (at !== weights.byteLength) {
    throw new BadInputError('models/ner/weights.bin', `expected ${at} bytes, found ${weights.byteLength}`);
  }
  return { labels: header.labels, index, rowStart, label, weight, scale: header.scale };
}
