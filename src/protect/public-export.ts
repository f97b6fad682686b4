import type { EntityAttributes } from '../domain/chronicle-json.js';
import type { ExportSpan } from '../domain/chronicle-export.js';
import type { AttributeSource, EntityRecord, Store } from '../store/index.js';
import { groupBy, inBatches, toExportDocument, toExportEntity, toExportEvent } from '../services/export-form.js';
import { buildRedactor, type Redactor } from './redaction.js';
import { attributeMarks } from './sensitivity.js';

/** Options of the public export. */
export interface PublicExportOptions {
  /** Include each public document's (redacted) plain text. */
  includeText?: boolean;
  pageSize?: number;
}

/**
 * Chronicle JSON for publication: public documents, public entities that are not rejected, and
 * public confirmed events with their evidence from public documents. References to anything not
 * public become null, attributes not public are left out, and the names (with aliases) of
 * confidential people are masked in every title, quote, name and text it writes.
 */
export async function exportPublic(
  store: Store,
  write: (chunk: string) => void,
  options: PublicExportOptions = {},
): Promise<void> {
  const pageSize = options.pageSize ?? 200;
  const redactor = await confidentialNameRedactor(store, pageSize);
  const publicDocs = new Set<string>();
  const publicEntities = new Set<string>();
  const confidentialEntities = new Set<string>();
  for await (const entity of store.entities.iterate({ pageSize })) {
    if (entity.sensitivity === 'public' && entity.status !== 'rejected') publicEntities.add(entity.id);
    if (entity.sensitivity === 'confidential') confidentialEntities.add(entity.id);
  }
  for await (const doc of store.documents.iterate(pageSize)) if (doc.sensitivity === 'public') publicDocs.add(doc.id);
  // Mention spans of confidential entities, per document, are masked exactly as well as by name.
  const confidentialSpans = groupBy(
    (await store.entities.mentionsOf([...confidentialEntities])).filter((m) => publicDocs.has(m.documentId)),
    (m) => m.documentId,
  );
  const redactSpan = (s: ExportSpan): ExportSpan => {
    const inside = (confidentialSpans.get(s.document) ?? [])
      .filter((m) => m.end > s.start && m.start < s.end)
      .map((m) => ({ start: m.start - s.start, end: m.end - s.start }));
    return { ...s, text: redactor.redact(s.text, inside) };
  };

  let first = true;
  const item = (value: unknown): void => {
    write(`${first ? '\n' : ',\n'}${JSON.stringify(value)}`);
    first = false;
  };
  write('{"documents":[');
  for await (const doc of store.documents.iterate(pageSize)) {
    if (!publicDocs.has(doc.id)) continue;
    let text: string | undefined;
    if (options.includeText) {
      text = redactor.redact((await store.documents.getText(doc.id)) ?? '', confidentialSpans.get(doc.id) ?? []);
    }
    const out = toExportDocument(doc, text);
    item({ ...out, title: out.title === null ? null : redactor.redact(out.title) });
  }
  write('\n],\n"entities":[');
  first = true;
  for await (const batch of inBatches(store.entities.iterate({ pageSize }), pageSize)) {
    const shown = batch.filter((e) => publicEntities.has(e.id));
    if (shown.length === 0) continue;
    const ids = shown.map((e) => e.id);
    const mentions = groupBy(
      (await store.entities.mentionsOf(ids)).filter((m) => publicDocs.has(m.documentId)),
      (m) => m.entityId,
    );
    const marks = await attributeMarks(store, ids);
    for (const entity of shown) {
      const sources = await store.resolution.attributeSources(entity.id);
      const attributes = publicAttributes(entity, marks.get(entity.id), sources, publicDocs);
      const out = toExportEntity({ ...entity, attributes }, mentions.get(entity.id) ?? []);
      item({
        ...out,
        name: redactor.redact(out.name),
        aliases: out.aliases.map((a) => redactor.redact(a)),
        mentions: out.mentions.map(redactSpan),
        attributes: redactJson(out.attributes, redactor),
      });
    }
  }
  write('\n],\n"events":[');
  first = true;
  const ref = (id: string | null): string | null => (id !== null && publicEntities.has(id) ? id : null);
  for await (const event of store.events.iterate({ pageSize })) {
    if (event.status !== 'confirmed' || event.sensitivity !== 'public') continue;
    const evidence = event.evidence.filter((e) => publicDocs.has(e.documentId));
    if (evidence.length === 0) continue;
    const out = toExportEvent({ ...event, evidence });
    item({
      ...out,
      subject: ref(out.subject),
      agent: ref(out.agent),
      object: ref(out.object),
      place: ref(out.place),
      charge: out.charge === null ? null : redactor.redact(out.charge),
      date: out.date === null ? null : { ...out.date, text: redactor.redact(out.date.text) },
      evidence: out.evidence.map(redactSpan),
    });
  }
  write('\n]}\n');
}

/** A redactor for the names and aliases of every confidential person in the store. */
export async function confidentialNameRedactor(store: Store, pageSize = 200): Promise<Redactor> {
  const names: string[] = [];
  for await (const entity of store.entities.iterate({ type: 'person', pageSize })) {
    if (entity.sensitivity === 'confidential') names.push(entity.name, ...entity.aliases);
  }
  return buildRedactor(names);
}

/**
 * The attributes a public export may state: public by their mark (or the entity's level), stated
 * by a public report (when the store knows their sources), and not flagged sensitive there.
 */
function publicAttributes(
  entity: EntityRecord,
  marks: Map<string, string> | undefined,
  sources: AttributeSource[],
  publicDocs: Set<string>,
): EntityAttributes {
  const vouched = (key: string, value: unknown): boolean => {
    const about = sources.filter((s) => s.key === key);
    // Older stores keep no sources: the mark decides alone.
    if (about.length === 0) return true;
    const text = JSON.stringify(value);
    return about.some(
      (s) =>
        publicDocs.has(s.documentId) &&
        !s.sensitive &&
        (JSON.stringify(s.value) === text || (Array.isArray(s.value) && s.value.some((v) => JSON.stringify(v) === text))),
    );
  };
  const attributes: EntityAttributes = {};
  for (const [key, value] of Object.entries(entity.attributes)) {
    if ((marks?.get(key) ?? entity.sensitivity) !== 'public') continue;
    if (Array.isArray(value)) {
      const kept = value.filter((v) => vouched(key, v));
      if (kept.length > 0) attributes[key] = kept;
    } else if (vouched(key, value)) {
      attributes[key] = value;
    }
  }
  return attributes;
}

function redactJson<T>(value: T, redactor: Redactor): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' ? redactor.redact(v) : v,
  ) as T;
}
