import vocabulary from './event-types.json' with { type: 'json' };

/** One entry of Chronicle's controlled event vocabulary. */
export interface EventTypeDefinition {
  id: string;
  group: 'persecution' | 'displacement' | 'civic';
  label: string;
  definition: string;
  examples: string[];
  plover: string | null;
  cameo: string | null;
  acled?: string;
}

/** Every event type, in vocabulary order (the JSON file is the single source, shared with other tools). */
export const EVENT_TYPES: readonly EventTypeDefinition[] = vocabulary.types as EventTypeDefinition[];

const byId = new Map(EVENT_TYPES.map((t) => [t.id, t]));

/** True when `id` names a type of the vocabulary. */
export function isEventType(id: string): boolean {
  return byId.has(id);
}

/** The definition of an event type; throws on an unknown id. */
export function getEventType(id: string): EventTypeDefinition {
  const t = byId.get(id);
  if (!t) throw new Error(`unknown event type: ${id}`);
  return t;
}
