import { resolveDbLocation } from '../env.js';
import { openStore, type Store } from '../store/index.js';

/** Opens the store named by `--db` (or the environment), runs `fn`, and always closes it. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
