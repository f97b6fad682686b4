import type { EntityType } from '../domain/chronicle-json.js';

const QUOTES = /["'`´‘’‚‛“”„‟«»‹›]/gu;
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);

/**
 * The form under which names compare equal: Unicode-normalised, lower-cased, quotes dropped,
 * whitespace collapsed ("«Azat» party" and "azat party" agree).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUOTES, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The words of a person's name without honorifics ("Mr. Sadykov" → ["sadykov"]). */
export function nameWords(name: string): string[] {
  return nameKey(name)
    .split(/[\s.]+/u)
    .filter((w) => w.length > 0 && !HONORIFICS.has(w));
}

/** True for a person's name of at least two words (given name and surname), which may link across documents. */
export function isFullPersonName(name: string): boolean {
  return nameWords(name).length >= 2;
}

/** The link key of a name: type-scoped so a person never links to a place of the same name. */
export function linkKey(type: EntityType, name: string): string {
  if (type === 'person') return `person:${nameWords(name).join(' ')}`;
  // "the OSCE" and "OSCE" are one organization.
  return `${type}:${nameKey(name).replace(/^the /u, '')}`;
}
