import { describe, expect, it } from 'vitest';
import { segment } from '../segment.js';
import { featurizeDocument } from './featurize.js';
import { gatherEvidence, wordFeatures } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { documentEvidence, integerScores, staticScores, tagDocument, tagSequence, tagWithScores } from './hashed-tagger.js';
import { LABELS, constraintTables, constraintsFor } from './labels.js';
import { getNerResources } from './model.js';
import { taggingSequences } from './sequences.js';
import { sparseModel, tagTokens } from './tagger.js';

const TEXT = `KAZAKH COURT JAILS JOURNALIST OVER “FALSE INFORMATION”

ALMATY, 3 March 2024 — A court in Almaty sentenced journalist Aidos Sadykov to seven years on Tuesday,
Human Rights Watch said. President Tokayev’s office did not comment. Sadykov's lawyer, Gen. Ivanov of
the BTA Bank, said the U.N. Human Rights Committee (HRC) had been told; the HRC | Amnesty replied.`;

describe('hashed tagging', () => {
  it('scores exactly the string features and tags the same labels', () => {
    const { model, gazetteer } = getNerResources();
    const doc = segment(TEXT);
    const { sequences, features } = featurizeDocument(doc, gazetteer);
    const evidence = gatherEvidence(taggingSequences(doc), gazetteer);
    expect(sequences.length).toBeGreaterThan(2);
    const L = LABELS.length;
    // Twice: the second pass reads every word, shape and triple from the caches the first one filled.
    for (let pass = 0; pass < 2; pass++) {
      sequences.forEach((tokens, s) => {
        const fixed = staticScores(model, tokens, gazetteer, evidence);
        tokens.forEach((t, i) => {
          const expected = integerScores(model, [...wordFeatures(t.text), ...(features[s]?.[i] ?? [])]);
          expect([...fixed.scores.slice(i * L, (i + 1) * L)]).toEqual([...expected]);
        });
        expect(tagWithScores(model, tokens, fixed)?.map((k) => LABELS[k])).toEqual(tagTokens(model, tokens, features[s] ?? []));
      });
    }
    expect(tagDocument(model, gazetteer, sequences).map((ks) => ks.map((k) => LABELS[k]))).toEqual(
      sequences.map((tokens, s) => tagTokens(model, tokens, features[s] ?? [])),
    );
  });

  it('gathers the same document evidence as training', () => {
    const { model, gazetteer } = getNerResources();
    const sequences = taggingSequences(segment(`${TEXT}\n\nThen Aidos Sadykov and John Smith met Gen. Ivanov, “Kazakh” BTA Bank's chief; after: Minister Tokayev.`));
    const expected = gatherEvidence(sequences, gazetteer);
    const got = documentEvidence(model, gazetteer, sequences);
    for (const key of ['lower', 'capitalised', 'afterFirstName', 'afterTitle', 'beforeOrgHead'] as const) {
      expect([...got[key]].sort(), key).toEqual([...expected[key]].sort());
    }
    expect(expected.afterFirstName.size).toBeGreaterThan(0);
    expect(expected.afterTitle.size).toBeGreaterThan(0);
    expect(expected.beforeOrgHead.size).toBeGreaterThan(0);
    expect(expected.capitalised.size).toBeGreaterThan(0);
  });
});

describe('ties', () => {
  it('leaves a tie in integer weights to the float sums, as training tags', () => {
    // U-ORG 2 against U-PER 1 + 0.99999: equal once stored as integers, U-ORG by a hair in floats.
    const index = new Map([['b', 0], ['w=wba', 1]]);
    const dense = new Float32Array(2 * LABELS.length);
    dense[LABELS.indexOf('U-ORG')] = 2;
    dense[LABELS.indexOf('U-PER')] = 1;
    dense[LABELS.length + LABELS.indexOf('U-PER')] = 0.99999;
    const model = sparseModel(LABELS, index, dense);
    const tokens = [{ start: 0, end: 3, text: 'WBA', pos: 'PROPN' }];
    const gazetteer = new Gazetteer({});
    const evidence = { lower: new Set<string>(), capitalised: new Set<string>(), afterFirstName: new Set<string>(), afterTitle: new Set<string>(), beforeOrgHead: new Set<string>() };
    expect(tagWithScores(model, tokens, staticScores(model, tokens, gazetteer, evidence))).toBeNull();
    expect(tagTokens(model, tokens, [[]])).toEqual(['U-ORG']);
    expect(tagSequence(model, tokens, gazetteer, evidence).map((k) => LABELS[k])).toEqual(['U-ORG']);
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
