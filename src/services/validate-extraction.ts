import { ENTITY_TYPES, MODALITIES, type Extraction, type Span } from '../domain/chronicle-json.js';
import { isEventType } from '../domain/event-types.js';
import { ValidationError } from '../errors.js';

/**
 * Checks an extraction against its document before anything is written: unique ids, known
 * types, entity references that resolve, and spans that lie inside the text and quote it exactly.
 */
export function validateExtraction(origin: string, text: string, extraction: Extraction): void {
  const fail = (item: string, problem: string): never => {
    throw new ValidationError(`${origin}: extraction ${item}: ${problem}`);
  };
  const checkSpan = (item: string, span: Span): void => {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      fail(item, `span ${start}-${end} lies outside the text (length ${text.length})`);
    }
    if (text.slice(start, end) !== span.text) {
      fail(item, `span ${start}-${end} reads ${JSON.stringify(text.slice(start, end))}, not ${JSON.stringify(span.text)}`);
    }
  };

  const entityIds = new Set<string>();
  for (const entity of extraction.entities) {
    const item = `entity ${entity.id}`;
    if (entityIds.has(entity.id)) fail(item, 'duplicate id');
    entityIds.add(entity.id);
    if (!ENTITY_TYPES.includes(entity.type)) fail(item, `unknown type ${JSON.stringify(entity.type)}`);
    if (entity.name.trim() === '') fail(item, 'empty name');
    entity.mentions.forEach((m, i) => checkSpan(`${item} mention ${i + 1}`, m));
  }
  extraction.timexes.forEach((t, i) => checkSpan(`timex ${i + 1}`, t));

  const eventIds = new Set<string>();
  for (const event of extraction.events) {
    const item = `event ${event.id}`;
    if (eventIds.has(event.id)) fail(item, 'duplicate id');
    eventIds.add(event.id);
    if (!isEventType(event.type)) fail(item, `unknown event type ${JSON.stringify(event.type)}`);
    if (!MODALITIES.includes(event.modality)) fail(item, `unknown modality ${JSON.stringify(event.modality)}`);
    if (!Number.isFinite(event.confidence) || event.confidence < 0 || event.confidence > 1) {
      fail(item, `confidence ${event.confidence} is not between 0 and 1`);
    }
    for (const role of ['subject', 'agent', 'object', 'place'] as const) {
      const ref = event[role];
      if (ref !== null && !entityIds.has(ref)) fail(item, `${role} ${ref} is not an entity of the extraction`);
    }
    event.evidence.forEach((e, i) => checkSpan(`${item} evidence ${i + 1}`, e));
  }
}
