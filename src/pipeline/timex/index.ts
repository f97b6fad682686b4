import type { Timex } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';

/**
 * TIMEX3 temporal expressions of one document, resolved against `published` (YYYY-MM-DD or null).
 * With no publication date, relative expressions keep unresolved values (`XXXX-…`, never today).
 */
export function tagTimexes(doc: Segmented, published: string | null): Timex[] {
  void doc;
  void published;
  return [];
}
