import { mergeAttributes } from './merge-attributes.js';
import { SEALED_PLACEHOLDER, requireFieldKey } from '../protect/field-encryption.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { syncAttributeSeals } from '../protect/sealing.js';
import { carryMarksOnMerge } from '../protect/sensitivity.js';
import { scrubFreedText } from '../store/kysely/sealed-attributes.js';
import { nameKey } from '../link/name-key.js';
import { blockingKeys, eventsCompatible, mergeEventReports } from '../link/resolution/index.js';
import type { MentionRecord } from '../store/types.js';
import type { Store } from '../store/types.js';

/** Who decides and why; `now` fixes the clock. */
export interface ReviewerAction {
  actor: string;
  reason?: string;
  now?: Date;
}

/** What a merge did. */
export interface MergeOutcome {
  survivorId: string;
  mergedId: string;
  /** True when the two had been separated by a reviewer before: this merge lifts that. */
  overrodeSeparation: boolean;
  /** Events that turned out to be one once their subjects were one. */
  eventsJoined: number;
}

/**
 * After a merge the same event may be stored twice, once per former subject: each pair that
 * eventsCompatible accepts becomes one event with both evidence sets, its fields re-merged.
 */
async function joinDuplicateEvents(tx: Store, subjectId: string): Promise<number> {
  const events = await tx.events.listForEntity(subjectId);
  let joined = 0;
  for (const type of new Set(events.map((e) => e.type))) {
    const kept: Array<{ id: string; report: Awaited<ReturnType<Store['resolution']['eventsOf']>>[number]['report'] }> = [];
    for (const stored of await tx.resolution.eventsOf(subjectId, type)) {
      const match = kept.find((k) => eventsCompatible(stored.report, k.report).compatible);
      if (!match) {
        kept.push(stored);
        continue;
      }
      await tx.resolution.absorbEvent(match.id, stored.id);
      const reports = await tx.resolution.eventReports(match.id);
      if (reports.length > 0) {
        const merged = mergeEventReports(reports);
        await tx.resolution.updateEvent(match.id, merged);
        match.report = { ...match.report, ...merged };
      }
      joined++;
    }
  }
  return joined;
}

/**
 * A reviewer's merge: `mergedId` becomes part of `survivorId` (mentions, aliases, events, facts),
 * its id redirects to the survivor, and the resolution log records who and why. Ids of entities
 * merged earlier are followed to their survivor.
 */
export async function mergeEntities(
  store: Store,
  survivor: string,
  merged: string,
  action: ReviewerAction,
): Promise<MergeOutcome> {
  const at = (action.now ?? new Date()).toISOString();
  let sealed = false;
  const outcome = await store.transaction(async (tx) => {
    const rtx = tx;
    const survivorId = await rtx.resolution.currentId(survivor);
    const mergedId = await rtx.resolution.currentId(merged);
    if (survivorId === mergedId) throw new ValidationError(`${survivor} and ${merged} are already one entity (${survivorId})`);
    const [a, b] = await Promise.all([rtx.entities.get(survivorId), rtx.entities.get(mergedId)]);
    if (!a) throw new NotFoundError(`entity ${survivor}`);
    if (!b) throw new NotFoundError(`entity ${merged}`);
    if (a.type !== b.type) throw new ValidationError(`cannot merge ${a.type} ${a.id} with ${b.type} ${b.id}`);
    const overrodeSeparation = await rtx.resolution.cannotLink(survivorId, mergedId);
    if (overrodeSeparation) await rtx.resolution.removeCannotLink(survivorId, mergedId);
    // Names the reviewer now says belong here may link here again.
    await rtx.resolution.unblockKeys(survivorId, blockingKeys({ type: b.type, names: [b.name, ...b.aliases] }));
    // Protection follows the facts: the survivor is as protected as the stricter of the two.
    const confidential = await carryMarksOnMerge(rtx, survivorId, mergedId, action.actor);
    await rtx.resolution.mergeInto(survivorId, mergedId);
    const attributes = mergeAttributes(a.attributes, b.attributes);
    await rtx.entities.update(survivorId, { attributes });
    if (confidential) {
      sealed = true;
      // Facts the merge moved in (or the survivor's own, now confidential) are sealed like any other.
      await syncAttributeSeals(rtx, survivorId, requireFieldKey(`merging ${mergedId} into ${survivorId} (confidential facts are encrypted at rest)`));
    }
    const eventsJoined = await joinDuplicateEvents(rtx, survivorId);
    await rtx.resolution.log({
      at,
      actor: action.actor,
      action: 'merge',
      entityId: survivorId,
      otherId: mergedId,
      documentId: null,
      rule: 'reviewer',
      score: null,
      detail: { reason: action.reason ?? null, mergedName: b.name, mergedAliases: b.aliases, overrodeSeparation, eventsJoined },
    });
    return { survivorId, mergedId, overrodeSeparation, eventsJoined };
  });
  // As after a mark: once committed, the WAL may give up the pages that held the plain values.
  if (sealed) await scrubFreedText(store);
  return outcome;
}

/** What a split did. */
export interface SplitOutcome {
  entityId: string;
  /** The new entity that took the selected mentions. */
  newEntityId: string;
  name: string;
  movedMentions: number;
  movedEvents: number;
}

/**
 * Picks mentions of an entity by `DOCUMENT:START-END`, by `DOCUMENT` (all its mentions there) or
 * by surface text (case-insensitive, every mention so written).
 */
export function selectMentions(mentions: MentionRecord[], selectors: string[]): MentionRecord[] {
  const picked = new Set<MentionRecord>();
  for (const selector of selectors) {
    const span = /^(.+):(\d+)-(\d+)$/u.exec(selector);
    let hits: MentionRecord[];
    if (span) {
      const [, doc, start, end] = span;
      hits = mentions.filter((m) => m.documentId === doc && m.start === Number(start) && m.end === Number(end));
    } else {
      const byDocument = mentions.filter((m) => m.documentId === selector);
      hits = byDocument.length > 0 ? byDocument : mentions.filter((m) => nameKey(m.text) === nameKey(selector));
    }
    if (hits.length === 0) throw new ValidationError(`no mention of the entity matches ${JSON.stringify(selector)}`);
    for (const h of hits) picked.add(h);
  }
  return [...picked];
}

function longest(texts: string[]): string {
  return texts.reduce((a, b) => (b.length > a.length ? b : a), texts[0] ?? '');
}

/**
 * A reviewer's split: the selected mentions leave the entity for a new one, with the events and
 * facts of documents whose every mention moved. The two are kept apart from then on: names of
 * the new entity no longer link to the old one when later documents are ingested.
 */
export async function splitEntity(
  store: Store,
  entity: string,
  selectors: string[],
  action: ReviewerAction & { name?: string },
): Promise<SplitOutcome> {
  if (selectors.length === 0) throw new ValidationError('split needs at least one --mention');
  const at = (action.now ?? new Date()).toISOString();
  return store.transaction(async (tx) => {
    const rtx = tx;
    const entityId = await rtx.resolution.currentId(entity);
    const stored = await rtx.entities.get(entityId);
    if (!stored) throw new NotFoundError(`entity ${entity}`);
    const mentions = await rtx.entities.mentionsOf([entityId]);
    const moving = selectMentions(mentions, selectors);
    // Moved mentions become names and aliases: a confidential document's must be read with the key.
    if (moving.some((m) => m.text === SEALED_PLACEHOLDER)) requireFieldKey(`splitting mentions of a confidential document from ${entityId}`);
    const staying = mentions.filter((m) => !moving.includes(m));
    if (staying.length === 0) throw new ValidationError(`the split would leave ${entityId} without mentions: select fewer`);
    const first = moving[0] as MentionRecord;
    let newEntityId = `${entityId}/split-1`;
    for (let n = 2; await rtx.entities.get(newEntityId); n++) newEntityId = `${entityId}/split-${n}`;
    const movingTexts = [...new Set(moving.map((m) => m.text))];
    const stayingTexts = new Set(staying.map((m) => m.text));
    const name = action.name ?? longest(movingTexts);
    await rtx.entities.insert({
      id: newEntityId,
      type: stored.type,
      name,
      nameKey: nameKey(name),
      attributes: {},
      firstDocumentId: first.documentId,
      ordinal: 0,
      createdAt: at,
    });
    const movedMentions = await rtx.resolution.moveMentions(entityId, newEntityId, moving);
    const leftDocuments = [...new Set(moving.map((m) => m.documentId))].filter(
      (d) => !staying.some((m) => m.documentId === d),
    );
    const movedEvents = await rtx.resolution.moveEventSubjects(entityId, newEntityId, leftDocuments);
    await rtx.resolution.moveAttributeSources(entityId, newEntityId, leftDocuments);
    const newAliases = movingTexts.filter((t) => t !== name);
    await rtx.entities.addAliases(newEntityId, newAliases.map((alias) => ({ alias, aliasKey: nameKey(alias) })));
    await rtx.resolution.removeAliases(entityId, movingTexts.filter((t) => !stayingTexts.has(t)));
    let oldName = stored.name;
    if (movingTexts.includes(oldName) && !stayingTexts.has(oldName)) {
      // The entity's own name went with the split: it takes the fullest name it still bears.
      oldName = longest([...stayingTexts]);
      await rtx.entities.update(entityId, { name: oldName, nameKey: nameKey(oldName) });
      await rtx.resolution.removeAliases(entityId, [oldName]);
    }
    // Both sides are filed again under the names they now bear.
    const oldKeys = blockingKeys({ type: stored.type, names: [oldName, ...stayingTexts] });
    const newKeys = blockingKeys({ type: stored.type, names: [name, ...movingTexts] });
    await rtx.resolution.replaceKeys(entityId, oldKeys);
    await rtx.resolution.replaceKeys(newEntityId, newKeys);
    // Keys only the split-off names carry may never lead to the old entity again.
    const oldKeySet = new Set(oldKeys);
    await rtx.resolution.blockKeys(entityId, newKeys.filter((k) => !oldKeySet.has(k)), at);
    await rtx.resolution.addCannotLink(entityId, newEntityId, at);
    await rtx.resolution.log({
      at,
      actor: action.actor,
      action: 'split',
      entityId,
      otherId: newEntityId,
      documentId: null,
      rule: 'reviewer',
      score: null,
      detail: { reason: action.reason ?? null, name, mentions: moving.map((m) => `${m.documentId}:${m.start}-${m.end}`) },
    });
    return { entityId, newEntityId, name, movedMentions, movedEvents };
  });
}
