import { mergeAttributes } from './merge-attributes.js';
import type { EntityAttributes, Extraction, ExtractedEntity } from '../domain/chronicle-json.js';
import { nameKey } from '../link/name-key.js';
import {
  blockingKeys,
  findMatchingEvent,
  hasCyrillic,
  mergeEventReports,
  parsePersonName,
  placeGazetteer,
  profileDocumentEntities,
  resolveEntities,
  type CandidateSource,
  type EntityProfile,
  type EventReport,
  type MergedEvent,
  type PlaceContainment,
  type ResolutionDecision,
} from '../link/resolution/index.js';
import { SEALED_PLACEHOLDER } from '../protect/field-encryption.js';
import type { AttributeSource, EntityFeature, NewResolutionLogEntry, StoredEventReport } from '../store/resolution-types.js';
import type { EntityAlias, EntityKey, EventEvidence, EvidenceRecord, MentionRecord, NewEntity, NewEvent, Store } from '../store/types.js';

/** What linking one document did. */
export interface LinkSummary {
  /** Extraction entity id → store entity id. */
  entityIds: Map<string, string>;
  created: number;
  linked: number;
  /** Events that joined an event already reported by another document. */
  eventsMerged: number;
  eventsCreated: number;
}

/** Attribute keys that reveal where a person can be found now: marked sensitive, withheld from public output. */
const SENSITIVE_ATTRIBUTES = new Set(['residence', 'lives_in', 'current_residence', 'address', 'location', 'whereabouts']);

/** Whether an attribute endangers the person if published. */
export function isSensitiveAttribute(key: string): boolean {
  return SENSITIVE_ATTRIBUTES.has(key.toLowerCase());
}

/** How complete a name is, to keep the fullest (Latin, untitled, with given name) as an entity's name. */
function nameQuality(type: ExtractedEntity['type'], name: string): number {
  let q = hasCyrillic(name) ? 0 : 0.5;
  if (type === 'person') {
    const p = parsePersonName(name);
    q += (p.given !== null ? 2 : 0) + (p.patronymic !== null ? 0.25 : 0) - (p.titles.length > 0 ? 0.5 : 0);
  } else {
    q += Math.min(name.length, 60) / 100;
  }
  return q;
}

/** Gazetteer facts for a place entity, so it can be mapped; nothing when the gazetteer does not know it. */
function placeAttributes(entity: ExtractedEntity): EntityAttributes {
  if (entity.type !== 'place') return {};
  for (const name of [entity.name, ...entity.aliases]) {
    const info = placeGazetteer().resolve(name);
    if (info) {
      return { geo: { name: info.name, kind: info.kind, country: info.countryName, countryCode: info.countryCode, lat: info.lat, lon: info.lon, ref: info.ref } };
    }
  }
  return {};
}

function sourceOf(store: Store): CandidateSource {
  return {
    candidates: (type, keys, limit, features) => store.resolution.candidates(type, keys, limit, features),
    candidatesMany: (requests) => store.resolution.candidatesMany(requests),
  };
}

/**
 * Links the entities and events of one document into the store, touching only the stored
 * entities its names lead to (blocking keys), never re-resolving the rest. Each link is logged
 * with its rule and score; reviewers' blocks are respected. Events reported before by another
 * document gain this document's evidence and report; their fields are re-merged, conflicts kept.
 * Call inside the transaction that stores the document.
 */
export async function linkExtraction(
  tx: Store,
  documentId: string,
  extraction: Extraction,
  now: string,
): Promise<LinkSummary> {
  const profiles = profileDocumentEntities(extraction);
  const blocked = await blockedPairs(tx, profiles);
  let decisions = await resolveDocumentProfiles(tx, profiles, blocked);
  // Beside other writers (PostgreSQL), an entity this document files under new keys claims them and is
  // resolved again: a writer filing another under any of them then either committed before (and is seen
  // now) or waits for this one (and sees it), so two never create the same person. Alone, claims do nothing.
  const claimedKeys = new Set<string>();
  for (;;) {
    const filing = [...new Set(decisions.filter((d) => d.entityId === null).flatMap((d) => d.keys))].filter((k) => !claimedKeys.has(k));
    if (filing.length === 0 || !(await tx.claim('key', filing))) break;
    for (const key of filing) claimedKeys.add(key);
    // Reviewers' blocks cannot change meanwhile: reviewers write alone.
    decisions = await resolveDocumentProfiles(tx, profiles, blocked);
  }
  // Entities that are another of the document under a shorter name come last, once that one has its id.
  const ordered = [...decisions.filter((d) => d.sameAs === undefined), ...decisions.filter((d) => d.sameAs !== undefined)];
  const linkedIds = [...new Set(ordered.map((d) => d.entityId).filter((id): id is string => id !== null))];
  // The stored entities the document changes, and those whose events it matches, are claimed before
  // they are read: the people it links to (whose roles and events it adds to) now, any other it turns
  // out to change below (then read again).
  const claimedIds = new Set(linkedIds.filter((id) => ordered.some((d) => d.entityId === id && profiles[d.index]?.type === 'person')));
  await tx.claim('entity', [...claimedIds]);
  const stored = new Map<string, { name: string; attributes: EntityAttributes }>(
    (await tx.entities.namesAndAttributes(linkedIds)).map((e) => [e.id, { name: e.name, attributes: e.attributes }]),
  );
  let plan = planEntityWrites(tx, documentId, extraction, profiles, ordered, stored, now);
  for (;;) {
    const subjects = extraction.events.flatMap((e) => (e.subject !== null ? [plan.entityIds.get(e.subject) ?? ''] : []));
    const touched = [...new Set([...plan.changed, ...subjects])].filter((id) => stored.has(id) && !claimedIds.has(id));
    if (touched.length === 0 || !(await tx.claim('entity', touched))) break;
    for (const id of touched) claimedIds.add(id);
    for (const e of await tx.entities.namesAndAttributes(touched)) stored.set(e.id, { name: e.name, attributes: e.attributes });
    plan = planEntityWrites(tx, documentId, extraction, profiles, ordered, stored, now);
  }
  await plan.writes.flush();
  const events = await linkEvents(tx, documentId, extraction, plan.entityIds, plan.current, now);
  return { entityIds: plan.entityIds, created: plan.created, linked: plan.linked, ...events };
}

/**
 * What linking writes for a document's entities, given the stored entities it links to (`stored`,
 * read before): new entities, changes to stored ones, aliases, keys, features, mentions, facts and
 * the resolution log, held back to be written a table at a time (a few statements, not a few per
 * entity). Nothing is written until `writes.flush()`.
 */
function planEntityWrites(
  tx: Store,
  documentId: string,
  extraction: Extraction,
  profiles: readonly EntityProfile[],
  ordered: readonly ResolutionDecision[],
  stored: ReadonlyMap<string, { name: string; attributes: EntityAttributes }>,
  now: string,
) {
  const entityIds = new Map<string, string>();
  // Stands in for re-reading an entity this loop has already changed.
  const current = new Map(stored);
  const changed = new Set<string>();
  let created = 0;
  let linked = 0;
  const writes = entityWrites(tx);
  for (const decision of ordered) {
    const entity = extraction.entities[decision.index];
    const profile = profiles[decision.index];
    if (!entity || !profile) continue;
    const attributes = { ...entity.attributes, ...placeAttributes(entity) };
    const sameAsEntity = decision.sameAs !== undefined ? extraction.entities[decision.sameAs] : undefined;
    let storeId = sameAsEntity ? (entityIds.get(sameAsEntity.id) ?? null) : decision.entityId;
    let storedName: string;
    if (storeId === null) {
      storeId = `${documentId}:${entity.id}`;
      storedName = entity.name;
      writes.insert({
        id: storeId,
        type: entity.type,
        name: entity.name,
        nameKey: nameKey(entity.name),
        attributes,
        firstDocumentId: documentId,
        ordinal: decision.index,
        createdAt: now,
      });
      // As read back from the store: the attributes went through JSON.
      current.set(storeId, { name: entity.name, attributes: JSON.parse(JSON.stringify(attributes)) as EntityAttributes });
      created++;
    } else {
      const known = current.get(storeId);
      storedName = known?.name ?? entity.name;
      const changes: { name?: string; nameKey?: string; attributes?: EntityAttributes } = {};
      if (known) {
        const merged = mergeAttributes(known.attributes, attributes);
        if (JSON.stringify(merged) !== JSON.stringify(known.attributes)) changes.attributes = merged;
        // "President Tokayev" gives way to "Kassym-Jomart Tokayev" once a document spells it out.
        if (nameQuality(entity.type, entity.name) > nameQuality(entity.type, known.name)) {
          changes.name = entity.name;
          changes.nameKey = nameKey(entity.name);
          writes.aliases(storeId, [known.name]);
          writes.removeAlias(storeId, entity.name);
          storedName = entity.name;
        }
        current.set(storeId, { name: changes.name ?? known.name, attributes: changes.attributes ?? known.attributes });
      }
      if (Object.keys(changes).length > 0) {
        writes.update(storeId, changes);
        changed.add(storeId);
      }
      linked++;
    }
    writes.aliases(storeId, [...new Set([entity.name, ...entity.aliases])].filter((a) => a !== storedName && a.trim() !== ''));
    const id = storeId;
    writes.keys.push(...decision.keys.map((key) => ({ entityId: id, key })));
    writes.features.push(...profile.context.map((feature) => ({ entityId: id, feature })));
    writes.mentions.push(...entity.mentions.map((m) => ({ entityId: id, documentId, start: m.start, end: m.end, text: m.text })));
    writes.attributeSources.push(
      ...Object.entries(entity.attributes).map(([key, value]) => ({
        entityId: id,
        documentId,
        key,
        value,
        sensitive: isSensitiveAttribute(key),
      })),
    );
    writes.log.push({
      at: now,
      actor: 'system',
      action: storeId === `${documentId}:${entity.id}` ? 'new' : 'link',
      entityId: storeId,
      otherId: null,
      documentId,
      rule: decision.rule,
      score: decision.score,
      detail: { name: entity.name, shared: decision.shared, candidates: decision.candidates },
    });
    entityIds.set(entity.id, storeId);
  }
  return { writes, entityIds, current, changed, created, linked };
}

/**
 * The rows linking writes, held back and written a table at a time: new entities, then changes to
 * entities (one read of their attribute levels); the alias table gets its inserts and deletes in the
 * order linking made them.
 */
function entityWrites(tx: Store) {
  type EntityChanges = Parameters<Store['entities']['update']>[1];
  type Step = { inserts: NewEntity[]; updates: Array<{ id: string; changes: EntityChanges }>; aliases: EntityAlias[]; removal?: { entityId: string; alias: string } };
  const newStep = (): Step => ({ inserts: [], updates: [], aliases: [] });
  // Runs of writes, each ended by an alias deletion that must follow the aliases added before it.
  const steps: Step[] = [];
  let pending = newStep();
  const rows = {
    keys: [] as EntityKey[],
    features: [] as EntityFeature[],
    mentions: [] as MentionRecord[],
    attributeSources: [] as AttributeSource[],
    log: [] as NewResolutionLogEntry[],
  };
  return {
    ...rows,
    insert(entity: NewEntity): void {
      pending.inserts.push(entity);
    },
    update(id: string, changes: EntityChanges): void {
      pending.updates.push({ id, changes });
    },
    aliases(entityId: string, names: string[]): void {
      for (const alias of names) pending.aliases.push({ entityId, alias, aliasKey: nameKey(alias) });
    },
    /** Deletes an alias after the aliases added before it (rare: a better name replaces one). */
    removeAlias(entityId: string, alias: string): void {
      steps.push({ ...pending, removal: { entityId, alias } });
      pending = newStep();
    },
    async flush(): Promise<void> {
      for (const step of [...steps, pending]) {
        // Changes may be to entities this document adds: those go in first.
        await tx.entities.insertMany(step.inserts);
        await tx.entities.updateMany(step.updates);
        await tx.entities.addAliasesOf(step.aliases);
        if (step.removal) await tx.resolution.removeAliases(step.removal.entityId, [step.removal.alias]);
      }
      await tx.entities.addKeysOf(rows.keys);
      await tx.resolution.addFeaturesOf(rows.features);
      await tx.entities.addMentions(rows.mentions);
      await tx.resolution.addAttributeSources(rows.attributeSources);
      await tx.resolution.logMany(rows.log);
    },
  };
}

/** The (key, entity) pairs reviewers blocked among a document's blocking keys. */
async function blockedPairs(tx: Store, profiles: EntityProfile[]): Promise<Set<string>> {
  const blocked = await tx.resolution.blockedFor(profiles.flatMap((p) => blockingKeys(p)));
  return new Set(blocked.map((b) => `${b.key}\u0000${b.entityId}`));
}

/** Resolution decisions for a document's profiles, with reviewers' blocks applied. */
async function resolveDocumentProfiles(tx: Store, profiles: EntityProfile[], blocked: ReadonlySet<string>) {
  const keysByIndex = profiles.map((p) => blockingKeys(p));
  return resolveEntities(profiles, sourceOf(tx), {
    cannotLink: (index, entityId) => (keysByIndex[index] ?? []).some((k) => blocked.has(`${k}\u0000${entityId}`)),
  });
}

/**
 * Tells a country from the places within it, from the gazetteer facts stored on place entities;
 * `known` holds the attributes of entities this document has just written, so they are not read again.
 */
function placeContainment(
  tx: Store,
  known: ReadonlyMap<string, { attributes: EntityAttributes }>,
): { contains: PlaceContainment; prepare: (ids: string[]) => Promise<void> } {
  type Geo = { kind?: string; countryCode?: string } | null;
  const geo = new Map<string, Geo>();
  const geoOf = (attributes: EntityAttributes | undefined): Geo => {
    const g = attributes?.['geo'];
    return typeof g === 'object' && g !== null ? (g as { kind?: string; countryCode?: string }) : null;
  };
  return {
    async prepare(ids) {
      const missing = [...new Set(ids)].filter((id) => !geo.has(id));
      for (const id of missing) if (known.has(id)) geo.set(id, geoOf(known.get(id)?.attributes));
      const unread = missing.filter((id) => !geo.has(id));
      if (unread.length === 0) return;
      const found = new Map((await tx.entities.namesAndAttributes(unread)).map((e) => [e.id, e]));
      for (const id of unread) geo.set(id, geoOf(found.get(id)?.attributes));
    },
    contains(outer, inner) {
      const o = geo.get(outer);
      const i = geo.get(inner);
      return o?.kind === 'country' && i?.countryCode !== undefined && i.countryCode === o.countryCode;
    },
  };
}

/**
 * The document's event writes, held back and written table by table: new events, every evidence span
 * and report in the order the document's events came, then the merged fields of the stored events
 * its reports joined.
 */
function eventWrites(tx: Store) {
  const events: NewEvent[] = [];
  const evidence: EventEvidence[] = [];
  const reports: Array<{ eventId: string; documentId: string; report: EventReport }> = [];
  const updates = new Map<string, MergedEvent>();
  return {
    insert(event: NewEvent, report: EventReport): void {
      events.push({ ...event, evidence: [] });
      evidence.push(...event.evidence.map((e) => ({ eventId: event.id, ...e })));
      reports.push({ eventId: event.id, documentId: report.documentId, report });
    },
    join(eventId: string, spans: EvidenceRecord[], report: EventReport, merged: MergedEvent): void {
      evidence.push(...spans.map((e) => ({ eventId, ...e })));
      reports.push({ eventId, documentId: report.documentId, report });
      // An event created by this document is inserted with its merged fields; a stored one is updated once.
      const created = events.find((e) => e.id === eventId);
      if (created) Object.assign(created, eventFields(merged));
      else updates.set(eventId, merged);
    },
    async flush(): Promise<void> {
      await tx.events.insertMany(events);
      await tx.events.addEvidenceOf(evidence);
      await tx.resolution.addEventReports(reports);
      for (const [id, merged] of updates) await tx.resolution.updateEvent(id, merged);
    },
  };
}

/** The columns `updateEvent` sets, as a new event's fields. */
function eventFields(m: MergedEvent): Pick<NewEvent, 'agentId' | 'objectId' | 'placeId' | 'dateFrom' | 'dateTo' | 'dateText' | 'duration' | 'charge' | 'penalty' | 'confidence'> {
  return {
    agentId: m.agentId,
    objectId: m.objectId,
    placeId: m.placeId,
    dateFrom: m.date?.from ?? null,
    dateTo: m.date?.to ?? null,
    dateText: m.date?.text ?? null,
    duration: m.duration,
    charge: m.charge,
    penalty: m.penalty,
    confidence: m.confidence,
  };
}

/** A stored event as it reads back once `updateEvent` has set the merged fields (see toStoredEventReport). */
function mergedReport(stored: StoredEventReport['report'], m: MergedEvent): StoredEventReport['report'] {
  const from = m.date?.from ?? null;
  const to = m.date?.to ?? null;
  // updateEvent keeps the stored date text in place of the placeholder a reader without the key saw.
  const text = m.date?.text === SEALED_PLACEHOLDER ? (stored.date?.text ?? '') : (m.date?.text ?? '');
  return {
    ...stored,
    agentId: m.agentId,
    objectId: m.objectId,
    placeId: m.placeId,
    date: from === null && to === null ? null : { ...(from !== null ? { from } : {}), ...(to !== null ? { to } : {}), text },
    duration: m.duration,
    charge: m.charge,
    penalty: m.penalty,
    confidence: m.confidence,
  };
}

async function linkEvents(
  tx: Store,
  documentId: string,
  extraction: Extraction,
  entityIds: Map<string, string>,
  written: ReadonlyMap<string, { attributes: EntityAttributes }>,
  now: string,
): Promise<{ eventsMerged: number; eventsCreated: number }> {
  const ref = (id: string | null): string | null => (id === null ? null : (entityIds.get(id) ?? null));
  const places = placeContainment(tx, written);
  const writes = eventWrites(tx);
  const reports: EventReport[] = extraction.events.map((event) => ({
    documentId,
    type: event.type,
    subjectId: ref(event.subject),
    agentId: ref(event.agent),
    objectId: ref(event.object),
    placeId: ref(event.place),
    date: event.date,
    duration: event.duration,
    charge: event.charge,
    penalty: event.penalty,
    modality: event.modality,
    confidence: event.confidence,
    evidence: event.evidence,
  }));
  // The stored events each report may join, read at once. Matching then runs on this copy, which the
  // document's own events and merges are applied to as they would read back from the store: the
  // writes wait for the end, a few statements in all.
  const pairKey = (subjectId: string, type: string): string => `${subjectId}\u0000${type}`;
  const storedByPair = new Map<string, StoredEventReport[]>();
  const pairs = reports.flatMap((r) => (r.subjectId !== null ? [{ subjectId: r.subjectId, type: r.type }] : []));
  for (const p of pairs) storedByPair.set(pairKey(p.subjectId, p.type), []);
  for (const s of await tx.resolution.eventsOfMany(pairs)) {
    if (s.report.subjectId !== null) storedByPair.get(pairKey(s.report.subjectId, s.report.type))?.push(s);
  }
  await places.prepare(
    [...reports.map((r) => r.placeId), ...[...storedByPair.values()].flat().map((s) => s.report.placeId)].filter((p): p is string => p !== null),
  );
  const storedOf = (report: EventReport): StoredEventReport[] =>
    report.subjectId !== null ? (storedByPair.get(pairKey(report.subjectId, report.type)) ?? []) : [];
  // Every report of the stored events this document's reports fit first, read at once (a later report
  // may fit an event only after a merge changed it; its reports are read then).
  const reportsOf = new Map<string, EventReport[]>();
  const likely = reports.flatMap((report) => {
    const stored = storedOf(report);
    const at = findMatchingEvent(report, stored.map((s) => s.report), places.contains);
    return at >= 0 ? [(stored[at] as StoredEventReport).id] : [];
  });
  for (const [id, list] of await tx.resolution.eventReportsOfMany(likely)) reportsOf.set(id, list);
  let eventsMerged = 0;
  let eventsCreated = 0;
  for (const [ordinal, event] of extraction.events.entries()) {
    const report = reports[ordinal] as EventReport;
    const evidence = event.evidence.map((e) => ({ documentId, start: e.start, end: e.end, text: e.text }));
    const stored = storedOf(report);
    const at = findMatchingEvent(report, stored.map((s) => s.report), places.contains);
    const match = at >= 0 ? stored[at] : undefined;
    // As the store would give it back: the report goes through JSON.
    const asStored = JSON.parse(JSON.stringify(report)) as EventReport;
    if (match) {
      let joined = reportsOf.get(match.id);
      if (joined === undefined) joined = (await tx.resolution.eventReportsOfMany([match.id])).get(match.id) ?? [];
      joined.push(asStored);
      reportsOf.set(match.id, joined);
      // The merge reads every report of the event, this one included.
      const merged = mergeEventReports(joined);
      writes.join(match.id, evidence, report, merged);
      stored[at] = { id: match.id, report: mergedReport(match.report, merged) };
      eventsMerged++;
      continue;
    }
    const id = `${documentId}:${event.id}`;
    writes.insert(
      {
        id,
        type: event.type,
        subjectId: report.subjectId,
        agentId: report.agentId,
        objectId: report.objectId,
        placeId: report.placeId,
        dateFrom: event.date?.from ?? null,
        dateTo: event.date?.to ?? null,
        dateText: event.date?.text ?? null,
        duration: event.duration,
        charge: event.charge,
        penalty: event.penalty,
        modality: event.modality,
        confidence: event.confidence,
        evidence,
        firstDocumentId: documentId,
        ordinal,
        createdAt: now,
      },
      report,
    );
    reportsOf.set(id, [asStored]);
    // Read back, the new event comes after the stored ones: its document is the newest.
    if (report.subjectId !== null) {
      const { type, subjectId, agentId, objectId, placeId, date, duration, charge, penalty, modality, confidence } = asStored;
      stored.push({ id, report: { type, subjectId, agentId, objectId, placeId, date, duration, charge, penalty, modality, confidence } });
    }
    eventsCreated++;
  }
  await writes.flush();
  return { eventsMerged, eventsCreated };
}
