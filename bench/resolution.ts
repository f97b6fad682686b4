/**
 * `npx tsx bench/resolution.ts [DOCUMENTS] [PROBES]`: cost of resolving one more document against
 * a store that already holds DOCUMENTS (default 100,000) generated reports about a population of
 * people, organizations and places written under varying spellings. Loads the store in bulk, then
 * ingests PROBES (default 200) new reports one by one and prints the time per document for
 * resolution alone (blocking-key look-up and scoring) and for the whole save (document, linking,
 * event merge), as JSON on the last line. BENCH_DB=path keeps the filled store for later runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import type { Extraction } from '../src/domain/chronicle-json.js';
import type { SourceDocument } from '../src/domain/source-document.js';
import { nameKey } from '../src/link/name-key.js';
import { blockingKeys, placeGazetteer, profileDocumentEntities, resolveEntities } from '../src/link/resolution/index.js';
import { buildExtraction, type EntitySketch } from '../src/link/resolution/testing/build-extraction.js';
import { saveExtraction } from '../src/services/ingest.service.js';
import { openStore } from '../src/store/index.js';

const DOCUMENTS = Number(process.argv[2] ?? 100_000);
/** Tells this run's probe reports from earlier runs' in a kept store. */
const RUN = Date.now().toString(36);
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

const MALE = ['Aidos', 'Bolat', 'Ermek', 'Serik', 'Nurlan', 'Askar', 'Marat', 'Yerlan', 'Kairat', 'Timur', 'Daniyar', 'Ruslan', 'Arman', 'Rustem', 'Nurzhan', 'Galym', 'Murat', 'Olzhas', 'Baurzhan', 'Azamat', 'Yerzhan'];
const FEMALE = ['Moldir', 'Aigerim', 'Dana', 'Zhanna', 'Gulnara', 'Saule', 'Asel', 'Aliya', 'Zarina', 'Madina', 'Aizhan', 'Dinara', 'Ainur', 'Zhanar', 'Assel', 'Kamila', 'Laura', 'Ayana', 'Natalya'];
/** Middle syllables that make surnames as varied as real ones (few namesakes). */
const SYLLABLES = ['', '', 'ba', 'bek', 'zhan', 'tay', 'kul', 'bay', 'gal', 'mur', 'sar', 'ten', 'zhol', 'khan', 'tur', 'dau', 'ken', 'nur', 'sul', 'tas', 'ul', 'er', 'as', 'im'];
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
  const root = `${pick(ROOTS)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
  const suffix = /[aeiou]$/.test(root) ? 'yev' : 'ov';
  people.push({ given: pick(female ? FEMALE : MALE), surname: `${root}${suffix}${female ? 'a' : ''}` });
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
    `${prefix.startsWith('probe') ? `(${prefix}) ` : ''}${names[0]} was arrested in ${place} in ${year}. ${names[1]} of the ${org} said the arrest was unlawful. ` +
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

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Fills the store file as ingesting DOCUMENTS reports would, with plain SQL for speed (the bench
 * measures the next document, not the bulk): entities follow the generator's own identities
 * (not the resolver), filed under the resolver's blocking keys with its context features.
 */
function bulkLoad(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const insert = {
    document: db.prepare(
      'insert into documents (id, seq, sha256, title, published, language, source, url, text, original, media_type, origin, ingested_at) values (?, ?, ?, null, ?, ?, ?, null, ?, ?, ?, ?, ?)',
    ),
    entity: db.prepare(
      'insert into entities (id, type, name, name_key, attributes, first_document_id, ordinal, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    alias: db.prepare('insert or ignore into entity_aliases (entity_id, alias, alias_key) values (?, ?, ?)'),
    key: db.prepare('insert or ignore into entity_keys (key, entity_id) values (?, ?)'),
    feature: db.prepare('insert or ignore into entity_features (entity_id, feature) values (?, ?)'),
    mention: db.prepare('insert into mentions (entity_id, document_id, start, "end", text) values (?, ?, ?, ?, ?)'),
    event: db.prepare(
      "insert into events (id, type, subject_id, place_id, date_from, date_text, modality, confidence, first_document_id, ordinal, created_at) values (?, ?, ?, ?, ?, ?, 'asserted', 0.8, ?, ?, ?)",
    ),
    evidence: db.prepare('insert into evidence (seq, event_id, document_id, start, "end", text) values (?, ?, ?, ?, ?, ?)'),
    report: db.prepare('insert into event_reports (event_id, document_id, report) values (?, ?, ?)'),
  };
  const entityOf = new Map<string, string>();
  let evidenceSeq = 0;
  const load = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const { doc, extraction, identities } = generateReport(n, 'bulk-');
      const hash = createHash('sha256').update(doc.original).digest('hex');
      insert.document.run(doc.id, n + 1, hash, doc.published, doc.language, doc.source, doc.text, Buffer.from(doc.original), doc.mediaType, doc.origin, now);
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
          // The generator's identity rides along, so the probes can check the resolver's links.
          insert.entity.run(id, entity.type, entity.name, nameKey(entity.name), JSON.stringify({ ...entity.attributes, benchIdentity: identity }), doc.id, i, now);
        } else {
          insert.alias.run(id, entity.name, nameKey(entity.name));
        }
        for (const key of blockingKeys(profile)) insert.key.run(key, id);
        for (const feature of profile.context) insert.feature.run(id, feature);
        for (const m of entity.mentions) insert.mention.run(id, doc.id, m.start, m.end, m.text);
        ids.set(entity.id, id);
      }
      for (const [ordinal, event] of extraction.events.entries()) {
        const eventId = `${doc.id}:${event.id}`;
        const subjectId = ids.get(event.subject ?? '') ?? null;
        const placeId = ids.get(event.place ?? '') ?? null;
        insert.event.run(eventId, event.type, subjectId, placeId, event.date?.from ?? null, event.date?.text ?? null, doc.id, ordinal, now);
        for (const e of event.evidence) insert.evidence.run(++evidenceSeq, eventId, doc.id, e.start, e.end, e.text);
        insert.report.run(eventId, doc.id, JSON.stringify({ ...event, documentId: doc.id, subjectId, placeId, agentId: null, objectId: null }));
      }
    }
  });
  const batch = 5000;
  for (let start = 0; start < DOCUMENTS; start += batch) {
    load(start, Math.min(DOCUMENTS, start + batch));
    process.stderr.write(`\rloaded ${Math.min(DOCUMENTS, start + batch)} / ${DOCUMENTS} documents`);
  }
  process.stderr.write('\n');
  db.close();
}

function stats(ms: number[]): { mean: number; p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { mean: round(ms.reduce((a, b) => a + b, 0) / ms.length), p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}

async function main(): Promise<void> {
  // BENCH_DB keeps the filled store for another run (probes then add to it under a new run id).
  const kept = process.env['BENCH_DB'];
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'chronicle-bench-resolution-'));
  const path = kept ?? join(dir ?? '.', 'bench.db');
  const loadStart = performance.now();
  if (!kept || !existsSync(path)) {
    // Create the schema through the store, fill it in bulk, then measure through the store.
    await (await openStore(path)).close();
    bulkLoad(path);
  }
  const store = await openStore(path);
  try {
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const gazetteerStart = performance.now();
    placeGazetteer().resolve('Kyiv');
    const gazetteerMs = performance.now() - gazetteerStart;

    const resolveMs: number[] = [];
    // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
    const resolveCpuMs: number[] = [];
    const saveMs: number[] = [];
    let linked = 0;
    let linkedRight = 0;
    let linkedUnchecked = 0;
    let created = 0;
    for (let n = 0; n < PROBES; n++) {
      const { doc, extraction, identities } = generateReport(n, `probe-${RUN}-`);
      doc.sha256 = sha256(doc.original);
      // Resolution alone: candidates by blocking keys, then scoring.
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const decisions = await resolveEntities(profileDocumentEntities(extraction), {
        candidates: (type, keys, limit, features) => store.resolution.candidates(type, keys, limit, features),
      });
      resolveMs.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      resolveCpuMs.push((cpu.user + cpu.system) / 1000);
      for (const d of decisions) {
        if (d.entityId === null) {
          created++;
          continue;
        }
        linked++;
        const identity = (await store.entities.get(d.entityId))?.attributes['benchIdentity'];
        // Entities an earlier probe created have no identity to check against.
        if (identity === undefined) linkedUnchecked++;
        else if (identity === identities[d.index]) linkedRight++;
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
      resolveCpuMsPerDocument: stats(resolveCpuMs),
      saveMsPerDocument: stats(saveMs),
      probeEntitiesLinked: linked,
      /** Links to the entity the generator meant (checked against its identities). */
      linkPrecision: linked > linkedUnchecked ? Math.round((linkedRight / (linked - linkedUnchecked)) * 1000) / 1000 : null,
      probeEntitiesLinkedToProbeEntities: linkedUnchecked,
      probeEntitiesNew: created,
    };
    process.stderr.write(
      `resolution of one document against ${DOCUMENTS} stored: mean ${result.resolveMsPerDocument.mean} ms, p95 ${result.resolveMsPerDocument.p95} ms ` +
        `(CPU mean ${result.resolveCpuMsPerDocument.mean} ms, p95 ${result.resolveCpuMsPerDocument.p95} ms); ` +
        `whole save: mean ${result.saveMsPerDocument.mean} ms, p95 ${result.saveMsPerDocument.p95} ms\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
