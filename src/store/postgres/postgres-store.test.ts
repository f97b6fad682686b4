import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { useFieldKey } from '../../protect/field-encryption.js';
import { markSensitivity } from '../../protect/sensitivity.js';
import { buildSourceDocument } from '../../services/testing/builders.js';
import { execRaw, securityDb } from '../security-schema.js';
import { JobQueue } from './job-queue.js';
import { openStore } from '../index.js';
import { LATEST_VERSION } from '../migrations/index.js';
import { describeSealingContract } from '../sealing-contract.js';
import { describeStoreContract, type StoreFactory } from '../store-contract.js';
import { buildNewDocument } from '../testing/builders.js';
import { openPostgresStore } from './index.js';
import { toTsQuery } from './postgres-search.js';
import { parseSearchQuery } from '../search-query.js';
import { createTestDatabase, emptySchema } from './testing/test-database.js';
import type { Store } from '../types.js';

const database = await createTestDatabase();
afterAll(async () => {
  await database?.drop();
});

if (database) {
  // One migrated schema, emptied after each case: migrating afresh for every case is slow.
  const schema = database.schemaName();
  let shared: Store | null = null;
  afterAll(async () => {
    await shared?.close();
  });
  const postgresFactory: StoreFactory = async () => {
    shared ??= await openPostgresStore(database.url, { schema, maxConnections: 4 });
    return { store: shared, dispose: () => emptySchema(database.url, schema) };
  };
  describeStoreContract('postgres', postgresFactory);
  describeSealingContract('postgres', postgresFactory);
}

describe.skipIf(!database)('PostgreSQL store', () => {
  const url = (): string => database?.url ?? '';

  it('is chosen by openStore for a postgres:// location, without the password in its location', async () => {
    const withPassword = new URL(url());
    withPassword.password = 'unused';
    const store = await openStore(withPassword.toString());
    expect(store.dialect).toBe('postgres');
    expect(store.location).not.toContain('unused');
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    await store.close();
  });

  it('migrates once when several processes open the same database at once', async () => {
    const schema = database?.schemaName() ?? '';
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url(), { schema, maxConnections: 2 })));
    for (const s of stores) expect(await s.schemaVersion()).toBe(LATEST_VERSION);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('serialises writing transactions so read-then-write keys never collide', async () => {
    const store = await openPostgresStore(url(), { schema: database?.schemaName() ?? '', maxConnections: 8 });
    // Document inserts compute max(seq) + 1: concurrent transactions would clash without the lock.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.documents.insert(buildNewDocument({ id: `c${i}` }));
        }),
      ),
    );
    expect(await store.documents.count()).toBe(12);
    await store.close();
  });

  it('matches diacritic-free words, hyphenated names and prefixes of phrases', async () => {
    const store = await openPostgresStore(url(), { schema: database?.schemaName() ?? '' });
    await store.documents.insert(
      buildNewDocument({ id: 'aj', title: null, text: 'Speaking to al-Jazeera, the lawyer said the trial was postponed.' }),
    );
    expect((await store.search.search('al-Jazeera')).map((h) => h.documentId)).toContain('aj');
    expect((await store.search.search('"trial was post"*')).map((h) => h.documentId)).toContain('aj');
    await store.documents.insert(
      buildNewDocument({ id: 'accents', title: 'Café owner detained', text: 'Police detained Aydos Sadıqov and Léa Crémieux in Kraków.' }),
    );
    // Diacritics fold both ways, as with FTS5's remove_diacritics.
    expect((await store.search.search('cafe Krakow')).map((h) => h.documentId)).toContain('accents');
    expect((await store.search.search('"lea cremieux"')).map((h) => h.documentId)).toContain('accents');
    expect((await store.search.search('Kraków')).map((h) => h.documentId)).toContain('accents');
    const hit = (await store.search.search('lawyer')).find((h) => h.kind === 'document');
    expect(hit && hit.snippet.slice(hit.highlights[0]?.start, hit.highlights[0]?.end)).toBe('lawyer');
    await store.close();
  });
});

describe.skipIf(!database)('PostgreSQL ingest queue and sealing', () => {
  it('empties the finished job that carried a document marked confidential', async () => {
    useFieldKey(randomBytes(32));
    const url = database?.url ?? '';
    const queue = await JobQueue.open(url);
    const store = await openPostgresStore(url, { maxConnections: 2 });
    try {
      const doc = buildSourceDocument({ id: 'queued-secret', text: 'The quillfeather ledger was seized.' });
      await queue.enqueue(doc);
      await store.documents.insert({ ...doc, ingestedAt: '2026-01-01T00:00:00.000Z' });
      await execRaw(store, `update ingest_jobs set status = 'done' where sha256 = '${doc.sha256}'`);
      await markSensitivity(store, 'queued-secret', 'confidential', { actor: 'test' });
      const rows = await securityDb(store)
        .withTables<{ ingest_jobs: { sha256: string; document: unknown; original: Uint8Array } }>()
        .selectFrom('ingest_jobs')
        .select(['document', 'original'])
        .where('sha256', '=', doc.sha256)
        .execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows[0]?.document)).not.toContain('quillfeather');
      expect(rows[0]?.original.length).toBe(0);
    } finally {
      useFieldKey(null);
      await store.close();
      await queue.close();
    }
  });
});

describe('tsquery rendering', () => {
  it('renders phrases, OR, exclusions and prefixes', () => {
    expect(toTsQuery(parseSearchQuery('"refugee status" kyiv* OR kiev -moscow'))).toBe(
      "('refugee' <-> 'status') & ('kyiv':* | 'kiev') & !'moscow'",
    );
  });
});
