import type { Segmented, Token } from '../segment.js';
import { gatherEvidence, tokenFeatures } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { taggingSequences } from './sequences.js';

/** A document ready for tagging: its sequences and each token's static features. */
export interface FeaturizedDocument {
  sequences: Token[][];
  features: string[][][];
}

/** Cuts a segmented document into tagging sequences and computes their features (training and run time alike). */
export function featurizeDocument(doc: Segmented, gazetteer: Gazetteer): FeaturizedDocument {
  const sequences = taggingSequences(doc);
  const evidence = gatherEvidence(sequences, gazetteer);
  return { sequences, features: sequences.map((tokens) => tokenFeatures(tokens, gazetteer, evidence)) };
}
