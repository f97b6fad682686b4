import type { ExtractedEntity } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';
import { addPersonAttributes } from './attributes.js';
import { clusterMentions } from './cluster.js';
import { findDatelines, labelDateline } from './dateline.js';
import { tagDocument } from './hashed-tagger.js';
import { LABELS } from './labels.js';
import { mentionsOf } from './mentions.js';
import { getNerResources, type NerResources } from './model.js';
import { abbreviationMentions, propagateMentions, splitHeadlineMentions, typeNounMentions } from './propagate.js';
import { joinAdjacentPeople, repairMentions, retypeNameParts } from './repair.js';
import { taggingSequences } from './sequences.js';

export { loadNerResources, type NerResources } from './model.js';

/**
 * People, organizations and places of one document, each with every mention and alias.
 * Entity ids are `e1`, `e2`, … in order of first mention.
 */
export function recognizeEntities(doc: Segmented): ExtractedEntity[] {
  return recognizeEntitiesWith(doc, getNerResources());
}

/** The same with a given model (training scripts evaluate a model before writing it). */
export function recognizeEntitiesWith(doc: Segmented, resources: NerResources): ExtractedEntity[] {
  // The features of featurizeDocument + tagTokens (training's), scored from cached sums: no strings per token.
  const { model, gazetteer } = resources;
  const sequences = taggingSequences(doc);
  const toLabels = (ks: readonly number[]): string[] => ks.map((k) => LABELS[k] ?? 'O');
  const labels = tagDocument(model, gazetteer, sequences).map(toLabels);
  for (const [s, dateline] of findDatelines(doc.text, sequences)) {
    const tokens = sequences[s] ?? [];
    const tagAlone = (): string[] => toLabels(tagDocument(model, gazetteer, [tokens.slice(dateline.length)])[0] ?? []);
    labels[s] = labelDateline(dateline, labels[s] ?? [], tagAlone);
  }
  const tagged = typeNounMentions(doc.text, sequences, repairMentions(doc.text, sequences, mentionsOf(doc.text, sequences, labels), gazetteer));
  const split = abbreviationMentions(doc.text, sequences, splitHeadlineMentions(doc.text, sequences, tagged));
  const mentions = joinAdjacentPeople(doc.text, retypeNameParts(propagateMentions(doc.text, sequences, split), gazetteer));
  const entities = clusterMentions(mentions);
  addPersonAttributes(doc.text, entities);
  return entities;
}
