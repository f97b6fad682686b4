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
  type PlaceContainment,
} from '../link/resolution/index.js';
import type { Store } from '../store/types.js';

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
  return { candidates: (type, keys, limit, features) => store.resolution.candidates(type, keys, limit, features) };
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
  const decisions = await resolveDocumentProfiles(tx, profiles);
  const entityIds = new Map<string, string>();
  let created = 0;
  let linked = 0;
  // Entities that are another of the document under a shorter name come last, once that one has its id.
  const ordered = [...decisions.filter((d) => d.sameAs === undefined), ...decisions.filter((d) => d.sameAs !== undefined)];
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
      await tx.entities.insert({
        id: storeId,
        type: entity.type,
        name: entity.name,
        nameKey: nameKey(entity.name),
        attributes,
        firstDocumentId: documentId,
        ordinal: decision.index,
        createdAt: now,
      });
      created++;
    } else {
      const stored = await tx.entities.get(storeId);
      storedName = stored?.name ?? entity.name;
      const changes: { name?: string; nameKey?: string; attributes?: EntityAttributes } = {};
      if (stored) {
        const merged = mergeAttributes(stored.attributes, attributes);
        if (JSON.stringify(merged) !== JSON.stringify(stored.attributes)) changes.attributes = merged;
        // "President Tokayev" gives way to "Kassym-Jomart Tokayev" once a document spells it out.
        if (nameQuality(entity.type, entity.name) > nameQuality(entity.type, stored.name)) {
          changes.name = entity.name;
          changes.nameKey = nameKey(entity.name);
          await tx.entities.addAliases(storeId, [{ alias: stored.name, aliasKey: nameKey(stored.name) }]);
          await tx.resolution.removeAliases(storeId, [entity.name]);
          storedName = entity.name;
        }
      }
      if (Object.keys(changes).length > 0) await tx.entities.update(storeId, changes);
      linked++;
    }
    const aliases = [...new Set([entity.name, ...entity.aliases])].filter((a) => a !== storedName && a.trim() !== '');
    await tx.entities.addAliases(storeId, aliases.map((alias) => ({ alias, aliasKey: nameKey(alias) })));
    await tx.entities.addKeys(storeId, decision.keys);
    await tx.resolution.addFeatures(storeId, profile.context);
    await tx.entities.addMentions(
      entity.mentions.map((m) => ({ entityId: storeId, documentId, start: m.start, end: m.end, text: m.text })),
    );
    await tx.resolution.addAttributeSources(
      Object.entries(entity.attributes).map(([key, value]) => ({
        entityId: storeId,
        documentId,
        key,
        value,
        sensitive: isSensitiveAttribute(key),
      })),
    );
    await tx.resolution.log({
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
  const events = await linkEvents(tx, documentId, extraction, entityIds, now);
  return { entityIds, created, linked, ...events };
}

/** Resolution decisions for a document's profiles, with reviewers' blocks applied. */
async function resolveDocumentProfiles(tx: Store, profiles: EntityProfile[]) {
  const keysByIndex = profiles.map((p) => blockingKeys(p));
  const blocked = await tx.resolution.blockedFor(keysByIndex.flat());
  const blockedPairs = new Set(blocked.map((b) => `${b.key}\u0000${b.entityId}`));
  return resolveEntities(profiles, sourceOf(tx), {
    cannotLink: (index, entityId) => (keysByIndex[index] ?? []).some((k) => blockedPairs.has(`${k}\u0000${entityId}`)),
  });
}

/** Tells a country from the places within it, from the gazetteer facts stored on place entities. */
function placeContainment(tx: Store): { contains: PlaceContainment; prepare: (ids: string[]) => Promise<void> } {
  const geo = new Map<string, { kind?: string; countryCode?: string } | null>();
  return {
    async prepare(ids) {
      for (const id of ids) {
        if (geo.has(id)) continue;
        const entity = await tx.entities.get(id);
        const g = entity?.attributes['geo'];
        geo.set(id, typeof g === 'object' && g !== null ? (g as { kind?: string; countryCode?: string }) : null);
      }
    },
    contains(outer, inner) {
      const o = geo.get(outer);
      const i = geo.get(inner);
      return o?.kind === 'country' && i?.countryCode !== undefined && i.countryCode === o.countryCode;
    },
  };
}

async function linkEvents(
  tx: Store,
  documentId: string,
  extraction: Extraction,
  entityIds: Map<string, string>,
  now: string,
): Promise<{ eventsMerged: number; eventsCreated: number }> {
  const ref = (id: string | null): string | null => (id === null ? null : (entityIds.get(id) ?? null));
  const places = placeContainment(tx);
  let eventsMerged = 0;
  let eventsCreated = 0;
  for (const [ordinal, event] of extraction.events.entries()) {
    const report: EventReport = {
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
    };
    const evidence = event.evidence.map((e) => ({ documentId, start: e.start, end: e.end, text: e.text }));
    const stored = report.subjectId !== null ? await tx.resolution.eventsOf(report.subjectId, report.type) : [];
    await places.prepare([report.placeId, ...stored.map((s) => s.report.placeId)].filter((p): p is string => p !== null));
    const at = findMatchingEvent(report, stored.map((s) => s.report), places.contains);
    const match = at >= 0 ? stored[at] : undefined;
    if (match) {
      await tx.events.addEvidence(match.id, evidence);
      await tx.resolution.addEventReport(match.id, documentId, report);
      const merged = mergeEventReports(await tx.resolution.eventReports(match.id));
      await tx.resolution.updateEvent(match.id, merged);
      eventsMerged++;
      continue;
    }
    const id = `${documentId}:${event.id}`;
    await tx.events.insert({
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
    });
    await tx.resolution.addEventReport(id, documentId, report);
    eventsCreated++;
  }
  return { eventsMerged, eventsCreated };
}
