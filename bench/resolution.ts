/**
 * `npx tsx bench/resolution.ts [DOCUMENTS] [PROBES]`: cost of resolving one more document against
 * a store that already holds DOCUMENTS (default 100,000) generated reports about a population of
 * people, organizations and places written under varying spellings. Loads the store in bulk, then
 * ingests PROBES (default 200) new reports one by one and prints the time per document for
 * resolution alone (blocking-key look-up and scoring) and for the whole save (document, linking,
 * event merge), as JSON on the last line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Extraction } from '../src/domain/chronicle-json.js';
import type { SourceDocument } from '../src/domain/source-document.js';
import { nameKey } from '../src/link/name-key.js';
import { blockingKeys, placeGazetteer, profileDocumentEntities, resolveEntities } from '../src/link/resolution/index.js';
import { buildExtraction, type EntitySketch } from '../src/link/resolution/testing/build-extraction.js';
import { saveExtraction } from '../src/services/ingest.service.js';
import { openStore, type MentionRecord, type Store } from '../src/store/index.js';

const DOCUMENTS = Number(process.argv[2] ?? 100_000);
const PROBES = Number(process.argv[3] ?? 200);
const PEOPLE = Math.max(500, Math.round(DOCUMENTS * 0.3));
const ORGANIZATIONS = Math.max(50, Math.round(DOCUMENTS * 0.02));
const PLACES = Math.max(50, Math.round(DOCUMENTS * 0.015));

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20161216);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
/** Popular entities recur: a skewed pick over 0..n-1. */
const skewed = (n: number): number => Math.floor(n * rand() ** 2.2);

const GIVEN = ['Aidos', 'Bolat', 'Ermek', 'Moldir', 'Serik', 'Nurlan', 'Aigerim', 'Dana', 'Askar', 'Zhanna', 'Marat', 'Gulnara', 'Yerlan', 'Kairat', 'Saule', 'Timur', 'Asel', 'Daniyar', 'Aliya', 'Ruslan', 'Zarina', 'Arman', 'Madina', 'Rustem', 'Aizhan', 'Nurzhan', 'Bakhyt', 'Dinara', 'Galym', 'Ainur', 'Murat', 'Zhanar', 'Olzhas', 'Assel', 'Baurzhan', 'Kamila', 'Azamat', 'Laura', 'Yerzhan', 'Ayana'];
const ROOTS = ['Sadyk', 'Narymbay', 'Adil', 'Telibek', 'Mambetali', 'Ablyaz', 'Tokay', 'Nazarbay', 'Zhaksybek', 'Kozhakhmet', 'Baimukhamet', 'Dzhakish', 'Suleimen', 'Ospan', 'Kassym', 'Bekmurat', 'Yessen', 'Tulegen', 'Akhmet', 'Iskak', 'Omar', 'Sarsen', 'Bayan', 'Kuanysh', 'Mukhtar', 'Yerken', 'Zhumabek', 'Tasbolat', 'Amanzhol', 'Kalmakhan', 'Shalbay', 'Beisen', 'Turar', 'Abay', 'Kenzhe', 'Orynbay', 'Sagyn', 'Utep', 'Zhanbolat', 'Ryskul'];
const ORG_WORDS = ['Democratic', 'Choice', 'Freedom', 'Bureau', 'Human', 'Rights', 'Union', 'Alliance', 'Press', 'Watch', 'Justice', 'Steppe', 'Civic', 'Labour', 'Future', 'Voice', 'Open', 'Dialogue', 'Legal', 'Aid'];

/** A spelling a reporter might use: y/i, k/q, kh/h, ayev/aev swapped at random. */
function respell(name: string): string {
  let s = name;
  if (rand() < 0.3) s = s.replace(/y/g, 'i');
  if (rand() < 0.2) s = s.replace(/k(?!h)/g, 'q');
  if (rand() < 0.2) s = s.replace(/kh/g, 'h');
  if (rand() < 0.3) s = s.replace(/ayev/g, 'aev');
  return s;
}

interface Person {
  given: string;
  surname: string;
}
const people: Person[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const female = rand() < 0.4;
  const root = `${pick(ROOTS)}${i % 7 === 0 ? 'ba' : ''}${i % 11 === 0 ? 'ul' : ''}`;
  const suffix = /[aeiou]$/.test(root) ? 'yev' : 'ov';
  people.push({ given: pick(GIVEN), surname: `${root}${suffix}${female ? 'a' : ''}` });
}
const organizations = Array.from({ length: ORGANIZATIONS }, (_, i) => `${pick(ORG_WORDS)} ${pick(ORG_WORDS)} ${pick(ORG_WORDS)} ${i}`);
const places = Array.from({ length: PLACES }, (_, i) => `${pick(ROOTS)}${['abad', 'tobe', 'kol', 'su', 'tau'][i % 5] ?? ''}${i}`);

/** One generated report: three people (one arrested), an organization and a place; `identities` says who they really are. */
function generateReport(n: number, prefix: string): { doc: SourceDocument; extraction: Extraction; identities: string[] } {
  const chosen = new Set<number>();
  while (chosen.size < 3) chosen.add(skewed(people.length));
  const persons = [...chosen].map((i) => people[i] as Person);
  const orgIndex = skewed(organizations.length);
  const placeIndex = skewed(places.length);
  const org = organizations[orgIndex] ?? 'Union';
  const place = places[placeIndex] ?? 'Nowhere';
  const identities = [...[...chosen].map((i) => `person:${i}`), `org:${orgIndex}`, `place:${placeIndex}`];
  const names = persons.map((p) => (rand() < 0.8 ? `${respell(p.given)} ${respell(p.surname)}` : respell(p.surname)));
  const year = 2010 + Math.floor(rand() * 10);
  const text =
    `${names[0]} was arrested in ${place} in ${year}. ${names[1]} of the ${org} said the arrest was unlawful. ` +
    `${names[2]} attended the hearing.`;
  const id = `${prefix}${n}`;
  const entities: EntitySketch[] = [
    ...names.map((name) => ({ type: 'person' as const, name, attributes: { roles: [pick(['journalist', 'activist', 'lawyer', 'blogger'])] } })),
    { type: 'organization', name: org },
    { type: 'place', name: place },
  ];
  const extraction = buildExtraction(id, text, `${year}-06-01`, entities, [
    { type: 'arrest', subject: 0, place: 4, date: { from: String(year), text: `in ${year}` }, evidence: `${names[0]} was arrested` },
  ]);
  const original = new TextEncoder().encode(text);
  const doc: SourceDocument = {
    id,
    title: null,
    text,
    published: `${year}-06-01`,
    source: 'bench',
    url: null,
    language: 'en',
    original,
    sha256: '',
    mediaType: 'text/plain',
    origin: id,
  };
  return { doc, extraction, identities };
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Fills the store as ingesting DOCUMENTS reports would, but in bulk: entities are decided by the
 * generator's own identities (not by the resolver, which is what is measured afterwards), filed
 * under the resolver's blocking keys with its context features.
 */
async function bulkLoad(store: Store): Promise<void> {
  const entityOf = new Map<string, string>();
  // What each entity is already filed under, so only new keys and features are written.
  const keysOf = new Map<string, Set<string>>();
  const featuresOf = new Map<string, Set<string>>();
  const batch = 2000;
  const now = new Date().toISOString();
  const fresh = (known: Map<string, Set<string>>, id: string, values: string[]): string[] => {
    const set = known.get(id) ?? new Set<string>();
    known.set(id, set);
    const added = values.filter((v) => !set.has(v));
    for (const v of added) set.add(v);
    return added;
  };
  for (let start = 0; start < DOCUMENTS; start += batch) {
    await store.transaction(async (tx) => {
      const mentions: MentionRecord[] = [];
      const newKeys = new Map<string, string[]>();
      const newFeatures = new Map<string, string[]>();
      for (let n = start; n < Math.min(DOCUMENTS, start + batch); n++) {
        const { doc, extraction, identities } = generateReport(n, 'bulk-');
        const hash = await sha256(doc.original);
        await tx.documents.insert({ ...doc, sha256: hash, mediaType: doc.mediaType, ingestedAt: now });
        const profiles = profileDocumentEntities(extraction);
        const ids = new Map<string, string>();
        for (const [i, entity] of extraction.entities.entries()) {
          const profile = profiles[i];
          const identity = identities[i];
          if (!profile || identity === undefined) continue;
          let id = entityOf.get(identity);
          if (id === undefined) {
            id = `${doc.id}:${entity.id}`;
            entityOf.set(identity, id);
            await tx.entities.insert({ id, type: entity.type, name: entity.name, nameKey: nameKey(entity.name), attributes: entity.attributes, firstDocumentId: doc.id, ordinal: i, createdAt: now });
          }
          const keys = fresh(keysOf, id, blockingKeys(profile));
          if (keys.length > 0) {
            newKeys.set(id, [...(newKeys.get(id) ?? []), ...keys]);
            await tx.entities.addAliases(id, [{ alias: entity.name, aliasKey: nameKey(entity.name) }]);
          }
          const features = fresh(featuresOf, id, profile.context);
          if (features.length > 0) newFeatures.set(id, [...(newFeatures.get(id) ?? []), ...features]);
          const entityId = id;
          mentions.push(...entity.mentions.map((m) => ({ entityId, documentId: doc.id, ...m })));
          ids.set(entity.id, id);
        }
        for (const [ordinal, event] of extraction.events.entries()) {
          await tx.events.insert({
            id: `${doc.id}:${event.id}`, type: event.type, subjectId: ids.get(event.subject ?? '') ?? null, agentId: null, objectId: null,
            placeId: ids.get(event.place ?? '') ?? null, dateFrom: event.date?.from ?? null, dateTo: null, dateText: event.date?.text ?? null,
            duration: null, charge: null, penalty: null, modality: 'asserted', confidence: 0.8,
            evidence: event.evidence.map((e) => ({ documentId: doc.id, ...e })), firstDocumentId: doc.id, ordinal, createdAt: now,
          });
        }
      }
      await tx.entities.addMentions(mentions);
      for (const [id, keys] of newKeys) await tx.entities.addKeys(id, keys);
      for (const [id, features] of newFeatures) await tx.resolution.addFeatures(id, features);
    });
    process.stderr.write(`\rloaded ${Math.min(DOCUMENTS, start + batch)} / ${DOCUMENTS} documents`);
  }
  process.stderr.write('\n');
}

function stats(ms: number[]): { mean: number; p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { mean: round(ms.reduce((a, b) => a + b, 0) / ms.length), p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-resolution-'));
  const store = await openStore(join(dir, 'bench.db'));
  try {
    const loadStart = performance.now();
    await bulkLoad(store);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const gazetteerStart = performance.now();
    placeGazetteer().resolve('Kyiv');
    const gazetteerMs = performance.now() - gazetteerStart;

    const resolveMs: number[] = [];
    const saveMs: number[] = [];
    let linked = 0;
    let created = 0;
    for (let n = 0; n < PROBES; n++) {
      const { doc, extraction } = generateReport(n, 'probe-');
      doc.sha256 = await sha256(doc.original);
      // Resolution alone: candidates by blocking keys, then scoring.
      const t0 = performance.now();
      const decisions = await resolveEntities(profileDocumentEntities(extraction), {
        candidates: (type, keys, limit, features) => store.resolution.candidates(type, keys, limit, features),
      });
      resolveMs.push(performance.now() - t0);
      for (const d of decisions) {
        if (d.entityId === null) created++;
        else linked++;
      }
      // The whole save: document, linking with its writes, event merge.
      const t1 = performance.now();
      await saveExtraction(store, doc, extraction);
      saveMs.push(performance.now() - t1);
    }
    const counts = await store.entities.countByType();
    const result = {
      documents: DOCUMENTS,
      entities: counts,
      probes: PROBES,
      loadSeconds: Math.round(loadSeconds),
      gazetteerLoadMs: Math.round(gazetteerMs),
      resolveMsPerDocument: stats(resolveMs),
      saveMsPerDocument: stats(saveMs),
      probeEntitiesLinked: linked,
      probeEntitiesNew: created,
    };
    process.stderr.write(
      `resolution of one document against ${DOCUMENTS} stored: mean ${result.resolveMsPerDocument.mean} ms, p95 ${result.resolveMsPerDocument.p95} ms; ` +
        `whole save: mean ${result.saveMsPerDocument.mean} ms, p95 ${result.saveMsPerDocument.p95} ms\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
