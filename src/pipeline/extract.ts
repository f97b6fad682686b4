import { createHash } from 'node:crypto';
import type { Extraction } from '../domain/chronicle-json.js';
import { recognizeEntities } from './entities/index.js';
import { extractEvents } from './events/index.js';
import { segment } from './segment.js';
import { tagTimexes } from './timex/index.js';

/** One document to extract from: plain text plus what is known about it. */
export interface ExtractInput {
  id: string;
  text: string;
  published: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  language?: string;
  /** SHA-256 of the original bytes; computed from the text when the caller has no file. */
  sha256?: string;
}

/**
 * Text in, Chronicle JSON out: segment → entities → timexes → events (with modality).
 * Pure: no I/O, no database, no clock, so the same input always gives the same output.
 */
export function extract(input: ExtractInput): Extraction {
  const doc = segment(input.text);
  const entities = recognizeEntities(doc);
  const timexes = tagTimexes(doc, input.published);
  const events = extractEvents({ doc, entities, timexes, published: input.published });
  return {
    document: {
      id: input.id,
      title: input.title ?? null,
      published: input.published,
      language: input.language ?? 'en',
      source: input.source ?? null,
      url: input.url ?? null,
      sha256: input.sha256 ?? createHash('sha256').update(input.text, 'utf8').digest('hex'),
    },
    entities,
    timexes,
    events,
  };
}
