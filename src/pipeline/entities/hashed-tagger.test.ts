import { describe, expect, it } from 'vitest';
import { segment } from '../segment.js';
import { featurizeDocument } from './featurize.js';
import { gatherEvidence } from './features.js';
import { contextRows, tagWithRows } from './hashed-tagger.js';
import { LABELS, constraintTables, constraintsFor } from './labels.js';
import { getNerResources } from './model.js';
import { taggingSequences } from './sequences.js';
import { tagTokens } from './tagger.js';

const TEXT = `KAZAKH COURT JAILS JOURNALIST OVER “FALSE INFORMATION”

ALMATY, 3 March 2024 — A court in Almaty sentenced journalist Aidos Sadykov to seven years on Tuesday,
Human Rights Watch said. President Tokayev’s office did not comment. Sadykov's lawyer, Gen. Ivanov of
the BTA Bank, said the U.N. Human Rights Committee (HRC) had been told; the HRC | Amnesty replied.`;

describe('hashed tagging', () => {
  it('finds exactly the model rows of the string features and tags the same labels', () => {
    const { model, gazetteer } = getNerResources();
    const doc = segment(TEXT);
    const { sequences, features } = featurizeDocument(doc, gazetteer);
    const evidence = gatherEvidence(taggingSequences(doc), gazetteer);
    expect(sequences.length).toBeGreaterThan(2);
    sequences.forEach((tokens, s) => {
      const ctx = contextRows(model, tokens, gazetteer, evidence);
      tokens.forEach((_, i) => {
        const expected = (features[s]?.[i] ?? []).map((f) => model.index.get(f) ?? -1).filter((r) => r >= 0);
        const got = [...ctx.rows.slice(ctx.start[i], ctx.start[i + 1])];
        expect(got.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      });
      expect(tagWithRows(model, tokens, ctx).map((k) => LABELS[k])).toEqual(tagTokens(model, tokens, features[s] ?? []));
    });
  });
});

describe('constraintTables', () => {
  it('allows exactly what constraintsFor allows, possessives included', () => {
    const words = ["'s", 'World', 'Bank', "'s", 'chief', 'Bank', '’', 'end'];
    const rules = constraintsFor(words);
    const tables = constraintTables(words);
    const L = LABELS.length;
    words.forEach((_, i) => {
      for (let p = -1; p < L; p++) {
        for (let k = 0; k < L; k++) expect(tables[i]?.[(p + 1) * L + k] === 1).toBe(rules[i]?.(p, k));
      }
    });
  });
});
