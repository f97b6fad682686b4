import type { ExtractedEntity, ExtractedEvent, Timex } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';

/** What the event stage reads: the segmented text and the earlier stages' output. */
export interface EventInput {
  doc: Segmented;
  entities: ExtractedEntity[];
  timexes: Timex[];
  published: string | null;
}

/** Persecution, displacement and civic events of one document, ids `v1`, `v2`, … */
export function extractEvents(input: EventInput): ExtractedEvent[] {
  void input;
  return [];
}
