import { phoneticKey } from './fold.js';
import { knownOrganization, orgAcronym, orgNameKey } from './org-name.js';
import { parsePersonName } from './person-name.js';
import { canonicalPlaceKey } from './places.js';
import type { EntityProfile } from './profile.js';

/**
 * Keys under which an entity is filed and found again, so resolving a mention compares it with
 * a handful of stored entities instead of all of them:
 * - people: `p:s:` surname stem (shared by Sadykov and Sadykova, Sadyqov, Садыков),
 *   `p:f:` phonetic key of the stem (one-vowel slips), `p:n:` given name + stem;
 * - organizations: `o:k:` known organization, `o:n:` normalised name, `o:a:` acronym;
 * - places: `l:n:` today's name.
 */
export function blockingKeys(profile: Pick<EntityProfile, 'type' | 'names'>): string[] {
  const keys = new Set<string>();
  for (const name of profile.names) {
    switch (profile.type) {
      case 'person': {
        const p = parsePersonName(name);
        if (p.surnameStem === null || p.surnameStem.length < 2) break;
        keys.add(`p:s:${p.surnameStem}`);
        keys.add(`p:f:${phoneticKey(p.surnameStem)}`);
        if (p.given !== null) keys.add(`p:n:${p.given} ${p.surnameStem}`);
        break;
      }
      case 'organization': {
        const known = knownOrganization(name);
        if (known !== null) keys.add(`o:k:${known}`);
        const key = orgNameKey(name);
        if (key.length > 0) keys.add(`o:n:${key}`);
        const acronym = orgAcronym(name);
        if (acronym !== null) keys.add(`o:a:${acronym}`);
        break;
      }
      case 'place': {
        const key = canonicalPlaceKey(name);
        if (key.length > 0) keys.add(`l:n:${key}`);
        break;
      }
    }
  }
  return [...keys];
}
