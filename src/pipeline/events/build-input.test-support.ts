import type { EntityType, ExtractedEntity, ExtractedEvent, Timex, TimexType } from '../../domain/chronicle-json.js';
import { segment } from '../segment.js';
import { extractEvents, type EventInput } from './index.js';

/** Test data for the event stage: entities and timexes placed by searching their text in the sentence. */

export interface EntitySpec {
  name: string;
  type: EntityType;
  /** Other surface forms ("Sadykov"); every occurrence of each becomes a mention. */
  aliases?: string[];
}

export interface TimexSpec {
  text: string;
  value: string;
  type?: TimexType;
  mod?: string;
}

function occurrences(text: string, form: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\w])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Builds the event stage's input for `text`: real segmentation, hand-placed entities and timexes. */
export function buildInput(text: string, entities: EntitySpec[] = [], timexes: TimexSpec[] = [], published: string | null = null): EventInput {
  const taken = new Uint8Array(text.length);
  const built: ExtractedEntity[] = entities.map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    mentions: [],
    attributes: {},
  }));
  const forms = built.flatMap((e) => [e.name, ...e.aliases].map((f) => ({ e, f }))).sort((a, b) => b.f.length - a.f.length);
  for (const { e, f } of forms) {
    for (const at of occurrences(text, f)) {
      if (taken[at]) continue;
      taken.fill(1, at, at + f.length);
      e.mentions.push({ start: at, end: at + f.length, text: f });
    }
  }
  for (const e of built) e.mentions.sort((a, b) => a.start - b.start);
  const tx: Timex[] = timexes.flatMap((t) =>
    occurrences(text, t.text).map((at) => ({
      start: at,
      end: at + t.text.length,
      text: t.text,
      type: t.type ?? (/^PT?\d/.test(t.value) ? 'DURATION' : 'DATE'),
      value: t.value,
      ...(t.mod ? { mod: t.mod } : {}),
    })),
  );
  return { doc: segment(text), entities: built, timexes: tx.sort((a, b) => a.start - b.start), published };
}

/** Runs the event stage and names each event's participants, for readable assertions. */
export function eventsOf(input: EventInput): (ExtractedEvent & { who: string | null })[] {
  const byId = new Map(input.entities.map((e) => [e.id, e.name]));
  return extractEvents(input).map((v) => ({ ...v, who: v.subject ? (byId.get(v.subject) ?? null) : null }));
}

/** The single asserted event of `type` about `who`; throws when there is not exactly one. */
export function only(events: ReturnType<typeof eventsOf>, type: string, who: string | null): ReturnType<typeof eventsOf>[number] {
  const hits = events.filter((v) => v.type === type && v.who === who);
  if (hits.length !== 1) {
    throw new Error(`expected one ${type} of ${who}, got ${hits.length}: ${JSON.stringify(events.map((v) => [v.type, v.who, v.modality]))}`);
  }
  return hits[0] as ReturnType<typeof eventsOf>[number];
}
