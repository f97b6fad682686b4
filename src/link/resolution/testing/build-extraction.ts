import type { EntityAttributes, EntityType, EventDate, Extraction, ExtractedEvent } from '../../../domain/chronicle-json.js';

/** An entity of a hand-written report: its name and aliases are found in the text by search. */
export interface EntitySketch {
  type: EntityType;
  name: string;
  aliases?: string[];
  attributes?: EntityAttributes;
}

/** An event of a hand-written report, its entities named by index in `entities`. */
export interface EventSketch {
  type: string;
  subject: number | null;
  place?: number;
  date?: EventDate;
  charge?: string;
  penalty?: string;
  duration?: string;
  /** A passage of the text that states it. */
  evidence: string;
}

/**
 * Builds the Extraction of a report written for tests, with real offsets: every name and
 * alias is located in the text, so fixtures stay independent of the entity tagger.
 */
export function buildExtraction(
  id: string,
  text: string,
  published: string,
  entities: EntitySketch[],
  events: EventSketch[] = [],
): Extraction {
  const locate = (needle: string): { start: number; end: number; text: string } => {
    const start = text.indexOf(needle);
    if (start < 0) throw new RangeError(`${id}: "${needle}" is not in the text`);
    return { start, end: start + needle.length, text: needle };
  };
  const built = entities.map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    mentions: [e.name, ...(e.aliases ?? [])].filter((n) => text.includes(n)).map(locate),
    attributes: e.attributes ?? {},
  }));
  const ref = (i: number | null | undefined): string | null => (i === null || i === undefined ? null : (built[i]?.id ?? null));
  const builtEvents: ExtractedEvent[] = events.map((v, i) => ({
    id: `v${i + 1}`,
    type: v.type,
    subject: ref(v.subject),
    agent: null,
    object: null,
    place: ref(v.place),
    date: v.date ?? null,
    duration: v.duration ?? null,
    charge: v.charge ?? null,
    penalty: v.penalty ?? null,
    modality: 'asserted',
    confidence: 0.8,
    evidence: [locate(v.evidence)],
  }));
  return {
    document: { id, title: null, published, language: 'en', source: null, url: null, sha256: id },
    entities: built,
    timexes: [],
    events: builtEvents,
  };
}
