import { describe, expect, it } from 'vitest';
import type { Token } from '../segment.js';
import { LABELS, labelsOf, spansOf } from './labels.js';
import { decodeModel, encodeModel } from './model-file.js';
import { addScores, sparseModel, tagTokens } from './tagger.js';

function tokens(words: string[]): Token[] {
  let at = 0;
  return words.map((text) => {
    const t = { start: at, end: at + text.length, text, pos: 'PROPN' };
    at += text.length + 1;
    return t;
  });
}

/** A model whose only weights say: feature `f` favours label `label` by `w`. */
function modelOf(weights: [string, string, number][]): ReturnType<typeof sparseModel> {
  const index = new Map<string, number>();
  for (const [f] of weights) if (!index.has(f)) index.set(f, index.size);
  const dense = new Float32Array(index.size * LABELS.length);
  for (const [f, label, w] of weights) dense[(index.get(f) ?? 0) * LABELS.length + LABELS.indexOf(label)] = w;
  return sparseModel(LABELS, index, dense);
}

describe('tagTokens', () => {
  it('never leaves a name open and keeps the possessive outside', () => {
    // Every token wants to open or continue a person; the decoder must still produce valid spans.
    const model = modelOf([
      ['b', 'B-PER', 2],
      ['b', 'I-PER', 1.5],
    ]);
    const toks = tokens(['World', 'Bank', "'s", 'report']);
    const labels = tagTokens(model, toks, toks.map(() => []));
    expect(labels[2]).toBe('O');
    expect(labels[1]?.startsWith('L-') || labels[1]?.startsWith('U-') || labels[1] === 'O').toBe(true);
    expect(labelsOf(spansOf(labels), labels.length)).toEqual(labels);
  });
});

describe('model file', () => {
  it('keeps the weights through encoding', () => {
    const model = modelOf([
      ['w=kyiv', 'U-LOC', 3.25],
      ['w=kyiv', 'U-ORG', -1.5],
      ['sh=Xx', 'B-PER', 0.01],
    ]);
    const { header, weights } = encodeModel(model);
    const back = decodeModel(header, weights);
    const before = new Float64Array(LABELS.length);
    const after = new Float64Array(LABELS.length);
    addScores(model, ['w=kyiv', 'sh=Xx'], before);
    addScores(back, ['w=kyiv', 'sh=Xx'], after);
    for (let k = 0; k < LABELS.length; k++) expect(after[k]).toBeCloseTo(before[k] ?? 0, 3);
  });

  it('rejects a truncated weights file by name', () => {
    const { header, weights } = encodeModel(modelOf([['w=kyiv', 'U-LOC', 1]]));
    expect(() => decodeModel(header, weights.slice(0, weights.length - 1))).toThrow(/weights\.bin/);
  });
});
