import { createHash } from 'node:crypto';
import type {
  EntityAttributes,
  EntityType,
  ExtractedEntity,
  ExtractedEvent,
  Extraction,
  Span,
  Timex,
} from '../../domain/chronicle-json.js';
import type { SourceDocument } from '../../domain/source-document.js';

let counter = 0;

/** A plain-text report whose original bytes are its UTF-8 text (so the hash follows the text). */
export function buildSourceDocument(overrides: Partial<SourceDocument> & { text?: string } = {}): SourceDocument {
  const n = ++counter;
  const text = overrides.text ?? `Report number ${n}.`;
  const original = overrides.original ?? new TextEncoder().encode(text);
  return {
    id: `report-${n}`,
    title: `Report ${n}`,
    published: '2016-12-16',
    source: 'Kyiv Post',
    url: null,
    language: 'en',
    mediaType: 'text/plain',
    origin: `fixtures/report-${n}.txt`,
    ...overrides,
    text,
    original,
    sha256: overrides.sha256 ?? createHash('sha256').update(original).digest('hex'),
  };
}

/** The first span of `text` that reads `phrase`; throws when absent (a mistake in the test). */
export function spanOf(text: string, phrase: string, from = 0): Span {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`test text lacks ${JSON.stringify(phrase)}`);
  return { start, end: start + phrase.length, text: phrase };
}

/** An entity mentioned wherever its name or an alias occurs in `text` (longest forms first, no overlaps). */
export function buildEntity(
  text: string,
  id: string,
  type: EntityType,
  name: string,
  options: { aliases?: string[]; attributes?: EntityAttributes } = {},
): ExtractedEntity {
  const aliases = options.aliases ?? [];
  const mentions: Span[] = [];
  for (const form of [name, ...aliases].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const span = { start: at, end: at + form.length, text: form };
      if (!mentions.some((m) => m.start < span.end && span.start < m.end)) mentions.push(span);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id, type, name, aliases, mentions, attributes: options.attributes ?? {} };
}

/** An asserted event stated by `evidence` (a phrase of `text`). */
export function buildEvent(
  text: string,
  id: string,
  type: string,
  evidence: string,
  overrides: Partial<ExtractedEvent> = {},
): ExtractedEvent {
  return {
    id,
    type,
    subject: null,
    agent: null,
    object: null,
    place: null,
    date: null,
    duration: null,
    charge: null,
    penalty: null,
    modality: 'asserted',
    confidence: 0.8,
    evidence: [spanOf(text, evidence)],
    ...overrides,
  };
}

/** A DATE timex over `phrase`. */
export function buildTimex(text: string, phrase: string, value: string): Timex {
  return { ...spanOf(text, phrase), type: 'DATE', value };
}

/** An extraction of `doc` holding the given entities, events and timexes. */
export function buildExtraction(
  doc: SourceDocument,
  parts: { entities?: ExtractedEntity[]; events?: ExtractedEvent[]; timexes?: Timex[] } = {},
): Extraction {
  return {
    document: {
      id: doc.id,
      title: doc.title,
      published: doc.published,
      language: doc.language,
      source: doc.source,
      url: doc.url,
      sha256: doc.sha256,
    },
    entities: parts.entities ?? [],
    timexes: parts.timexes ?? [],
    events: parts.events ?? [],
  };
}
