import type { EntityType, Extraction, ExtractedEntity } from '../../domain/chronicle-json.js';
import { knownOrganization, orgNameKey } from './org-name.js';
import { parsePersonName } from './person-name.js';
import { canonicalPlaceKey } from './places.js';

/**
 * What resolution knows about an entity, from one document or accumulated over many: its names
 * and the company it keeps. Context features are strings such as `person:aidos sadikov`,
 * `org:dvk`, `place:almaty`, `role:journalist`.
 */
export interface EntityProfile {
  type: EntityType;
  /** Every surface form: the fullest name first, then aliases. */
  names: string[];
  /** Roles and offices (from attributes and from titles before the name), lower-case. */
  roles: string[];
  context: string[];
}

/** A stored entity offered as a candidate, with its accumulated profile. */
export interface CandidateProfile extends EntityProfile {
  id: string;
}

/** The feature that stands for an entity in the context of others (`person:kasimjomart tokaev`). */
export function contextFeature(entity: Pick<ExtractedEntity, 'type' | 'name'>): string | null {
  switch (entity.type) {
    case 'person': {
      const p = parsePersonName(entity.name);
      if (p.surnameStem === null) return null;
      return `person:${p.given !== null ? `${p.given} ` : ''}${p.surnameStem}`;
    }
    case 'organization': {
      const key = knownOrganization(entity.name) ?? orgNameKey(entity.name);
      return key.length > 0 ? `org:${key}` : null;
    }
    case 'place': {
      const key = canonicalPlaceKey(entity.name);
      return key.length > 0 ? `place:${key}` : null;
    }
  }
}

function rolesOf(entity: ExtractedEntity): string[] {
  const roles = new Set<string>();
  for (const r of entity.attributes.roles ?? []) roles.add(r.toLowerCase().trim());
  if (entity.type === 'person') {
    for (const n of [entity.name, ...entity.aliases]) for (const t of parsePersonName(n).titles) roles.add(t);
  }
  return [...roles].filter((r) => r.length > 0);
}

/**
 * Profiles of every entity of one extraction. An entity's context is the other entities of
 * the document plus its own roles and origin; the profile of a person does not list itself.
 */
export function profileDocumentEntities(extraction: Extraction): EntityProfile[] {
  const features = extraction.entities.map((e) => contextFeature(e));
  return extraction.entities.map((entity, i) => {
    const roles = rolesOf(entity);
    const context = new Set<string>();
    features.forEach((f, j) => {
      if (f !== null && j !== i && f !== features[i]) context.add(f);
    });
    for (const r of roles) context.add(`role:${r}`);
    if (typeof entity.attributes.from === 'string') context.add(`place:${canonicalPlaceKey(entity.attributes.from)}`);
    return { type: entity.type, names: [entity.name, ...entity.aliases], roles, context: [...context] };
  });
}
