import type { ExtractedEntity } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';

/**
 * People, organizations and places of one document, each with every mention and alias.
 * Entity ids are `e1`, `e2`, … in order of first mention.
 */
export function recognizeEntities(doc: Segmented): ExtractedEntity[] {
  void doc;
  return [];
}
