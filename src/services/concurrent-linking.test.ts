import { afterAll, describe, expect, it } from 'vitest';
import { nameKey } from '../link/name-key.js';
import type { Store } from '../store/index.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres/testing/test-database.js';
import { ingestDocument } from './ingest.service.js';
import { buildSourceDocument } from './testing/builders.js';

const databases: TestDatabase[] = [];
const probe = await createTestDatabase();
if (probe) databases.push(probe);

afterAll(async () => {
  for (const db of databases) await db.drop();
});

/**
 * A store whose concurrent transactions wait at their first candidate read until `others` other
 * transactions have read too (or a few seconds have passed, when one of them is rightly held back):
 * every writer then looks up the person before any has written it.
 */
function meetingAtFirstRead(store: Store, gate: { arrived: number; open: Promise<void>; arrive: () => void }): Store {
  return {
    ...store,
    concurrentTransaction: (fn) =>
      store.concurrentTransaction((tx) => {
        let first = true;
        const resolution = Object.assign(Object.create(tx.resolution) as Store['resolution'], {
          candidatesMany: async (requests: Parameters<Store['resolution']['candidatesMany']>[0]) => {
            if (first) {
              first = false;
              gate.arrive();
              await Promise.race([gate.open, new Promise((resolve) => setTimeout(resolve, 3000))]);
            }
            return tx.resolution.candidatesMany(requests);
          },
        });
        return fn({ ...tx, resolution });
      }),
  };
}

describe.skipIf(!probe)('concurrent ingest on PostgreSQL', () => {
  it('files a person two writers find missing at the same moment once, and links both reports to it', async () => {
    const url = probe?.url as string;
    const writers = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    try {
      let release = (): void => undefined;
      const gate = {
        arrived: 0,
        open: new Promise<void>((resolve) => (release = resolve)),
        arrive() {
          if (++gate.arrived === writers.length) release();
        },
      };
      const reports = [
        'Police in Almaty detained the journalist Kairat Zhumabekov on Monday, his lawyer said.',
        'The blogger Kairat Zhumabekov was detained in Almaty on Tuesday, a rights group said.',
      ].map((text) => buildSourceDocument({ text }));
      const outcomes = await Promise.all(writers.map((store, i) => ingestDocument(meetingAtFirstRead(store, gate), reports[i] as (typeof reports)[number])));
      expect(outcomes.map((o) => o.status)).toEqual(['added', 'added']);
      // Both writers read before either wrote: without claims each would have created him.
      expect(gate.arrived).toBe(2);

      const reader = writers[0] as Store;
      const people = await reader.entities.findByName('person', nameKey('Kairat Zhumabekov'));
      expect(people.map((p) => p.name)).toEqual(['Kairat Zhumabekov']);
      const mentions = await reader.entities.mentionsOf(people.map((p) => p.id));
      expect(new Set(mentions.map((m) => m.documentId))).toEqual(new Set(outcomes.map((o) => o.documentId)));
    } finally {
      for (const store of writers) await store.close();
    }
  });
});
