import type { EntityAttributes } from '../domain/chronicle-json.js';

/** What a new document says about a known entity, added to what the store knows: lists are united, other facts kept. */
export function mergeAttributes(stored: EntityAttributes, incoming: EntityAttributes): EntityAttributes {
  // The result must not depend on the order documents arrive in (workers store them in any order), so
  // lists are kept sorted and of two differing single values the first in sort order stays; every value
  // remains visible with its source in the case file.
  const merged: EntityAttributes = { ...stored };
  for (const [key, value] of Object.entries(incoming)) {
    const current = merged[key];
    if (current === undefined) merged[key] = Array.isArray(value) ? [...new Set(value)].sort() : value;
    else if (Array.isArray(current) && Array.isArray(value)) merged[key] = [...new Set([...current, ...value])].sort();
    else if (typeof current === 'string' && typeof value === 'string' && value < current) merged[key] = value;
  }
  return merged;
}
