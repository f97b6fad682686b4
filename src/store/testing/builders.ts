import type { NewDocument, NewEntity, NewEvent } from '../types.js';

let counter = 0;
const next = (): number => ++counter;

/** A document ready to insert; every field can be overridden. Text defaults to a short report. */
export function buildNewDocument(overrides: Partial<NewDocument> = {}): NewDocument {
  const n = next();
  return {
    id: `doc-${n}`,
    sha256: `sha-${n}`.padEnd(64, '0'),
    title: `Report ${n}`,
    published: '2016-12-16',
    language: 'en',
    source: 'Kyiv Post',
    url: null,
    mediaType: 'text/plain',
    origin: `fixtures/doc-${n}.txt`,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    text: 'Aidos Sadykov was granted refugee status in Ukraine.',
    original: new TextEncoder().encode(`report ${n}`),
    ...overrides,
  };
}

/** A person (by default) first seen in `firstDocumentId`. */
export function buildNewEntity(firstDocumentId: string, overrides: Partial<NewEntity> = {}): NewEntity {
  const n = next();
  const name = overrides.name ?? `Person ${n}`;
  return {
    id: `${firstDocumentId}:e${n}`,
    type: 'person',
    name,
    nameKey: name.toLowerCase(),
    attributes: {},
    firstDocumentId,
    ordinal: n,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An asserted, undated event first reported in `firstDocumentId`, without evidence unless given. */
export function buildNewEvent(firstDocumentId: string, overrides: Partial<NewEvent> = {}): NewEvent {
  const n = next();
  return {
    id: `${firstDocumentId}:v${n}`,
    type: 'arrest',
    subjectId: null,
    agentId: null,
    objectId: null,
    placeId: null,
    dateFrom: null,
    dateTo: null,
    dateText: null,
    duration: null,
    charge: null,
    penalty: null,
    modality: 'asserted',
    confidence: 0.9,
    firstDocumentId,
    ordinal: n,
    createdAt: '2026-01-01T00:00:00.000Z',
    evidence: [],
    ...overrides,
  };
}
