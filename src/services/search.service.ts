import { ValidationError } from '../errors.js';
import type { SearchHit, Store } from '../store/index.js';

/**
 * Ranked full-text hits over document titles and text and over event evidence. Queries take
 * words, "quoted phrases", `prefix*`, `OR` and `-excluded`; a malformed one is a ValidationError.
 */
export async function search(store: Store, query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
    throw new ValidationError(`search limit must be a positive whole number, not ${options.limit}`);
  }
  return store.search.search(query, options);
}
