import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExtraction } from '../link/resolution/testing/build-extraction.js';
import { fixtureReports } from '../link/resolution/testing/fixture-reports.js';
import type { Store } from '../store/index.js';
import { getCaseFile } from './case-file.service.js';
import { saveExtraction } from './ingest.service.js';
import { exportStore } from './export.service.js';
import { buildSourceDocument } from './testing/builders.js';
import { openTempStore } from './testing/scenario.js';
import type { ChronicleExport } from '../domain/chronicle-export.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/resolution/', import.meta.url));
const FILES: Record<string, string> = {
  '01-steppe-post': '01-steppe-post-sadykov.txt',
  '02-vestnik': '02-vestnik-sadykov-ru.txt',
  '03-azat-wire': '03-azat-wire-sadyqov.txt',
  '04-farm-news': '04-farm-news-bolat-sadykov.txt',
  '05-capital-daily': '05-capital-daily-tokayev.txt',
  '06-gazette': '06-gazette-tokayev-full.txt',
  '07-qazaq-times': '07-qazaq-times-toqaev.txt',
};

let store: Store;
let dispose: () => Promise<void>;

beforeEach(async () => {
  ({ store, dispose } = await openTempStore());
});
afterEach(async () => dispose());

/** Ingests the fixture reports (all, or those named) through saveExtraction. */
async function ingestFixtures(only?: string[]): Promise<void> {
  for (const extraction of fixtureReports()) {
    const id = extraction.document.id;
    if (only && !only.includes(id)) continue;
    const text = readFileSync(`${FIXTURES}${FILES[id] ?? ''}`, 'utf8');
    const doc = buildSourceDocument({ id, text, published: extraction.document.published, source: id });
    await saveExtraction(store, doc, extraction, { now: new Date('2026-01-01T00:00:00Z') });
  }
}

async function exported(): Promise<ChronicleExport> {
  let out = '';
  await exportStore(store, 'json', (chunk) => {
    out += chunk;
  });
  return JSON.parse(out) as ChronicleExport;
}

describe('linkExtraction through ingest', () => {
  it('exports one person with every spelling, his wife and a namesake apart', async () => {
    await ingestFixtures();
    const { entities } = await exported();
    const aidos = entities.filter((e) => e.type === 'person' && [e.name, ...e.aliases].includes('Aydos Sadyqov'));
    expect(aidos).toHaveLength(1);
    expect(aidos[0]?.aliases).toEqual(expect.arrayContaining(['Айдос Садыков', 'Sadyqov', 'Sadykov']));
    expect(new Set(aidos[0]?.mentions.map((m) => m.document))).toEqual(new Set(['01-steppe-post', '02-vestnik', '03-azat-wire']));
    const sadykovs = entities.filter((e) => e.type === 'person' && /Sadyk|Садык/u.test(e.name));
    expect(sadykovs.map((e) => e.name).sort()).toEqual(['Aidos Sadykov', 'Bolat Sadykov', 'Natalya Sadykova']);
    const tokayev = entities.filter((e) => e.type === 'person' && /Tok|Toq/u.test(e.name));
    expect(tokayev).toHaveLength(1);
    // The fullest Latin name wins over the titled short form seen first.
    expect(tokayev[0]?.name).toBe('Kassym-Jomart Tokayev');
    expect(tokayev[0]?.aliases).toEqual(expect.arrayContaining(['President Tokayev', 'Qasym-Zhomart Toqaev']));
  });

  it('merges the arrest reported by three outlets into one event with all evidence and the charge conflict', async () => {
    await ingestFixtures(['01-steppe-post', '02-vestnik', '03-azat-wire']);
    const { events } = await exported();
    const arrests = events.filter((e) => e.type === 'arrest');
    expect(arrests).toHaveLength(1);
    const arrest = arrests[0];
    expect(new Set(arrest?.evidence.map((e) => e.document))).toEqual(new Set(['01-steppe-post', '02-vestnik', '03-azat-wire']));
    // The day given by one outlet wins over the month the others give.
    expect(arrest?.date?.from).toBe('2016-03-12');
    const file = await getCaseFile(store, 'Aidos Sadykov');
    const event = file.timeline.find((e) => e.type === 'arrest');
    expect(event?.dates.map((d) => d.from)).toEqual(['2016-03-12', '2016-03']);
    const charge = event?.conflicts.find((c) => c.field === 'charge');
    expect(charge?.values.map((v) => v.value).sort()).toEqual(['hooliganism', 'inciting social discord', 'разжигание социальной розни']);
  });

  it('gives places country and coordinates, one place across exonyms', async () => {
    await ingestFixtures(['01-steppe-post', '02-vestnik', '03-azat-wire']);
    const { entities } = await exported();
    const kyiv = entities.filter((e) => e.type === 'place' && [e.name, ...e.aliases].some((n) => ['Kiev', 'Kyiv', 'Киеве'].includes(n)));
    expect(kyiv).toHaveLength(1);
    expect(kyiv[0]?.attributes['geo']).toMatchObject({ name: 'Kyiv', countryCode: 'UA' });
    const dvk = entities.filter((e) => e.type === 'organization');
    expect(dvk).toHaveLength(1);
    expect(dvk[0]?.aliases.sort()).toEqual(['DVK', 'ДВК']);
  });

  it('puts a surname the tagger left apart into the person the document names in full', async () => {
    const text = 'Aidos Sadykov and his wife Natalya Sadykova left Aktobe. Sadykov said they had no choice.';
    const extraction = buildExtraction('short-names', text, '2014-06-01', [
      { type: 'person', name: 'Aidos Sadykov' },
      { type: 'person', name: 'Natalya Sadykova' },
      { type: 'person', name: 'Sadykov' },
    ]);
    await saveExtraction(store, buildSourceDocument({ id: 'short-names', text }), extraction);
    const people = await store.entities.listWithEventCounts('person');
    expect(people.map((p) => p.name).sort()).toEqual(['Aidos Sadykov', 'Natalya Sadykova']);
    const aidos = people.find((p) => p.name === 'Aidos Sadykov');
    const mentions = await store.entities.mentionsOf([aidos?.id ?? '']);
    expect(mentions.map((m) => m.text)).toEqual(['Aidos Sadykov', 'Sadykov']);
  });

  it('marks where a person lives now as sensitive, with its source', async () => {
    const text = 'Aidos Sadykov has lived in Kyiv since 2014. He fled Aktobe after his release.';
    const extraction = buildExtraction('residence', text, '2016-12-16', [
      { type: 'person', name: 'Aidos Sadykov', attributes: { roles: ['journalist'], residence: 'Kyiv' } },
      { type: 'place', name: 'Kyiv' },
    ], [{ type: 'exile', subject: 0, place: 1, date: { from: '2014', text: 'since 2014' }, evidence: 'has lived in Kyiv since 2014' }]);
    await saveExtraction(store, buildSourceDocument({ id: 'residence', text }), extraction);
    const file = await getCaseFile(store, 'Aidos Sadykov');
    const residence = file.attributes.filter((a) => a.key === 'residence');
    expect(residence.length).toBeGreaterThan(0);
    expect(residence.every((a) => a.sensitive && a.documents.includes('residence'))).toBe(true);
    expect(file.attributes.find((a) => a.key === 'roles')?.sensitive).toBe(false);
  });

  it('assembles the case file: names with sources, facts, connections, why linked', async () => {
    await ingestFixtures();
    const file = await getCaseFile(store, 'Aidos Sadykov');
    const cyrillic = file.names.find((n) => n.name === 'Айдос Садыков');
    expect(cyrillic?.documents).toEqual(['02-vestnik']);
    const roles = file.attributes.filter((a) => a.key === 'roles').map((a) => a.value);
    expect(roles).toEqual(expect.arrayContaining(['journalist', 'civic activist', 'blogger']));
    const origin = file.attributes.filter((a) => a.key === 'from');
    expect(origin).toHaveLength(1);
    expect(origin[0]?.documents.sort()).toEqual(['01-steppe-post', '02-vestnik', '03-azat-wire']);
    const journalist = file.attributes.find((a) => a.key === 'roles' && a.value === 'journalist');
    expect(journalist?.documents.sort()).toEqual(['01-steppe-post', '02-vestnik', '03-azat-wire']);
    expect(file.connections.map((c) => c.name)).toEqual(expect.arrayContaining(['Natalya Sadykova', 'Democratic Choice of Kazakhstan', 'Mukhtar Ablyazov']));
    expect(file.connections.some((c) => c.name === 'Bolat Sadykov')).toBe(false);
    const links = file.resolution.filter((r) => r.action === 'link');
    expect(links.map((l) => [l.documentId, l.rule])).toEqual([['02-vestnik', 'full-name'], ['03-azat-wire', 'full-name']]);
  });
});
