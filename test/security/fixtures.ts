import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sensitivity } from '../../src/domain/chronicle-json.js';
import type { FastifyInstance } from 'fastify';
import { addAccount, SESSION_COOKIE } from '../../src/auth/index.js';
import type { Role } from '../../src/auth/roles.js';
import { markSensitivity } from '../../src/protect/sensitivity.js';
import { useFieldKey } from '../../src/protect/field-encryption.js';
import { saveExtraction } from '../../src/services/ingest.service.js';
import { detentionReport, exileReport, prisonReport } from '../../src/services/testing/scenario.js';
import { openReviewableStore, type ReviewableStore } from '../../src/store/reviewable-store.js';

/** One record of each kind at each sensitivity level, with a word found only in its text. */
export interface LevelRecords {
  document: string;
  entity: string;
  event: string;
  /** A word that appears in this level's document text and nowhere else. */
  word: string;
  /** The name of the level's person. */
  person: string;
}

/** A store with three reports (public, restricted, confidential), their records marked alike, and accounts. */
export interface SecurityFixture {
  deps: ReviewableStore;
  levels: Record<Sensitivity, LevelRecords>;
  passwords: Record<Role, string>;
  dispose(): Promise<void>;
}

const FIXTURE_KEY = randomBytes(32);

/** Builds the fixture in a temp folder. With `accounts: false` the store stays in single-user mode. */
export async function buildSecurityFixture(options: { accounts?: boolean } = {}): Promise<SecurityFixture> {
  // Confidential records are encrypted at rest: the process (and the app it serves) holds the key.
  useFieldKey(FIXTURE_KEY);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-security-'));
  const deps = await openReviewableStore(join(dir, 'store.db'));
  const { store } = deps;
  const plan: Array<[Sensitivity, ReturnType<typeof exileReport>, string, string]> = [
    ['public', exileReport(), 'refugee', 'Aidos Sadykov'],
    ['restricted', detentionReport(), 'Almaty', 'Ivanov'],
    ['confidential', prisonReport(), 'absurd', 'Ivanov'],
  ];
  const levels = {} as Record<Sensitivity, LevelRecords>;
  const actor = { actor: 'fixture' };
  for (const [level, report, word, person] of plan) {
    await saveExtraction(store, report.doc, report.extraction);
    await markSensitivity(store, report.doc.id, level, actor);
    levels[level] = { document: report.doc.id, entity: '', event: '', word, person };
  }
  // Entities and events take the level of the report that first named them.
  for await (const entity of store.entities.iterate()) {
    const doc = (await store.entities.mentionsOf([entity.id]))[0]?.documentId;
    const level = (Object.keys(levels) as Sensitivity[]).find((l) => levels[l].document === doc) ?? 'restricted';
    await markSensitivity(store, entity.id, level, actor);
    if (entity.type === 'person' && levels[level].entity === '') levels[level].entity = entity.id;
  }
  for await (const event of store.events.iterate()) {
    const level = (Object.keys(levels) as Sensitivity[]).find((l) => levels[l].document === event.firstDocumentId) ?? 'restricted';
    await markSensitivity(store, event.id, level, actor);
    if (levels[level].event === '') levels[level].event = event.id;
  }
  const passwords = { admin: 'admin-secret-1', editor: 'editor-secret-1', contributor: 'contrib-secret-1', viewer: 'viewer-secret-1' };
  if (options.accounts !== false) {
    for (const role of ['admin', 'editor', 'contributor', 'viewer'] as const) {
      await addAccount(store, role, passwords[role], role, actor);
    }
  }
  return {
    deps,
    levels,
    passwords,
    async dispose() {
      await deps.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs every fixture account in through the API; the session cookie of each role, ready for a request header. */
export async function loginEveryRole(app: FastifyInstance, fx: SecurityFixture): Promise<Map<Role, string>> {
  const cookies = new Map<Role, string>();
  for (const role of ['admin', 'editor', 'contributor', 'viewer'] as const) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: role, password: fx.passwords[role] } });
    if (response.statusCode !== 200) throw new Error(`login as ${role}: ${response.statusCode} ${response.body}`);
    const token = /chronicle_session=([^;]+)/.exec(String(response.headers['set-cookie']))?.[1] as string;
    cookies.set(role, `${SESSION_COOKIE}=${token}`);
  }
  return cookies;
}
