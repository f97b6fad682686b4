import type { EntityType } from '../domain/chronicle-json.js';
import { isFullPersonName, linkKey } from './name-key.js';

/** An entity as one document's extraction describes it, before it is matched to the store. */
export interface EntityCandidate {
  type: EntityType;
  name: string;
  aliases: string[];
}

/** A stored entity the linker may return. */
export interface LinkTarget {
  id: string;
  type: EntityType;
  name: string;
}

/** How the linker reads the store: entities recorded under any of the keys, oldest first. */
export interface EntityLookup {
  findByKeys(keys: string[]): Promise<LinkTarget[]>;
}

/** The linker's decision, with the keys to record for the entity so later documents find it. */
export type EntityResolution =
  | { kind: 'existing'; entityId: string; keys: string[] }
  | { kind: 'new'; keys: string[] };

/**
 * Keys under which a candidate may match entities of other documents: its full names. A person
 * known by surname only gets none (a surname alone is too ambiguous to link across documents);
 * organizations and places link by any normalised name or alias.
 */
export function linkKeys(candidate: EntityCandidate): string[] {
  const names = [candidate.name, ...candidate.aliases];
  const linkable = candidate.type === 'person' ? names.filter(isFullPersonName) : names;
  const keys = linkable.map((n) => linkKey(candidate.type, n)).filter((k) => !k.endsWith(':'));
  return [...new Set(keys)];
}

/**
 * Decides whether a candidate is an entity the store already holds (same type, a shared key;
 * the oldest wins when several match) or a new one. The simple rule a later cross-document
 * resolver (transliteration, phonetic blocking, merges) replaces behind the same signature.
 */
export async function resolveEntity(candidate: EntityCandidate, lookup: EntityLookup): Promise<EntityResolution> {
  const keys = linkKeys(candidate);
  if (keys.length === 0) return { kind: 'new', keys };
  const match = (await lookup.findByKeys(keys)).find((t) => t.type === candidate.type);
  return match ? { kind: 'existing', entityId: match.id, keys } : { kind: 'new', keys };
}
