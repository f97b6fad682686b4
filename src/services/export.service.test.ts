import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChronicleExport } from '../domain/chronicle-export.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { CSV_COLUMNS, exportStore, type ExportFormat } from './export.service.js';
import { saveExtraction } from './ingest.service.js';
import { detentionReport, exileReport, openTempStore, prisonReport } from './testing/scenario.js';

/** Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('exportStore', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTempStore());
    for (const r of [exileReport(), prisonReport(), detentionReport()]) await saveExtraction(store, r.doc, r.extraction);
  });
  afterAll(async () => {
    await dispose();
  });

  async function run(format: ExportFormat, options = {}): Promise<{ text: string; chunks: number }> {
    let text = '';
    let chunks = 0;
    await exportStore(
      store,
      format,
      (chunk) => {
        text += chunk;
        chunks++;
      },
      options,
    );
    return { text, chunks };
  }

  it('writes the store as Chronicle JSON export form, streamed in pieces', async () => {
    const { text, chunks } = await run('json', { pageSize: 2 });
    expect(chunks).toBeGreaterThan(10);
    const data = JSON.parse(text) as ChronicleExport;
    expect(Object.keys(data)).toEqual(['documents', 'entities', 'events']);
    expect(data.documents.map((d) => d.id)).toEqual(['kyiv-post', 'rfe', 'almaty']);
    expect(data.documents[0]).toMatchObject({ title: 'Kazakh activists in Kyiv', language: 'en', sensitivity: 'restricted' });
    expect(data.documents[0]).not.toHaveProperty('text');

    const sadykov = data.entities.find((e) => e.name === 'Aidos Sadykov');
    expect(sadykov).toMatchObject({
      id: 'kyiv-post:e1',
      type: 'person',
      aliases: ['Sadykov'],
      status: 'suggested',
      sensitivity: 'restricted',
    });
    expect(new Set(sadykov?.mentions.map((m) => m.document))).toEqual(new Set(['kyiv-post', 'rfe']));
    for (const m of sadykov?.mentions ?? []) expect(Object.keys(m)).toEqual(['document', 'start', 'end', 'text']);
    expect(data.entities.filter((e) => e.name === 'Ivanov')).toHaveLength(2);

    expect(data.events.map((e) => e.id)).toEqual(['kyiv-post:v1', 'kyiv-post:v2', 'rfe:v1', 'rfe:v2', 'almaty:v1']);
    const arrest = data.events[2];
    expect(arrest).toMatchObject({
      type: 'arrest',
      subject: 'kyiv-post:e1',
      agent: 'rfe:e2',
      object: null,
      place: null,
      date: { from: '2010', text: 'in 2010' },
      modality: 'asserted',
      status: 'suggested',
      sensitivity: 'restricted',
    });
    expect(arrest?.evidence).toEqual([
      { document: 'rfe', start: 0, end: 44, text: 'Kazakh police arrested Aidos Sadykov in 2010' },
    ]);
    expect(data.events[3]?.date).toBeNull();
  });

  it('is deterministic and can include document text', async () => {
    expect((await run('json')).text).toBe((await run('json', { pageSize: 1 })).text);
    const data = JSON.parse((await run('json', { includeText: true })).text) as ChronicleExport;
    expect(data.documents[2]?.text).toBe('Ivanov was detained for 15 days, police in Almaty said.');
  });

  it('writes one CSV row per event with names, not ids, quoted per RFC 4180', async () => {
    const { text } = await run('csv');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]))]));
    expect(byId.get('rfe:v1')).toEqual({
      id: 'rfe:v1',
      type: 'arrest',
      subject: 'Aidos Sadykov',
      agent: 'Kazakh police',
      place: '',
      date_from: '2010',
      date_to: '',
      duration: '',
      charge: '',
      document_id: 'rfe',
      document_title: 'Journalist, "jailed" for two years',
      evidence: 'Kazakh police arrested Aidos Sadykov in 2010',
    });
    expect(text).toContain('"Journalist, ""jailed"" for two years"');
    expect(byId.get('kyiv-post:v2')?.place).toBe('Kyiv');
    expect(byId.get('almaty:v1')).toMatchObject({ subject: 'Ivanov', duration: 'P15D', document_title: '' });
  });

  it('writes one event per JSON line', async () => {
    const lines = (await run('jsonl')).text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    const events = lines.map((l) => JSON.parse(l) as { id: string; evidence: Array<{ document: string }> });
    expect(events.map((e) => e.id)).toEqual(['kyiv-post:v1', 'kyiv-post:v2', 'rfe:v1', 'rfe:v2', 'almaty:v1']);
    expect(events[4]?.evidence[0]?.document).toBe('almaty');
  });

  it('writes valid, empty output for an empty store', async () => {
    const empty = await openTempStore();
    try {
      let json = '';
      await exportStore(empty.store, 'json', (c) => (json += c));
      expect(JSON.parse(json)).toEqual({ documents: [], entities: [], events: [] });
      let csv = '';
      await exportStore(empty.store, 'csv', (c) => (csv += c));
      expect(csv).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    } finally {
      await empty.dispose();
    }
  });

  it('refuses an unknown format', async () => {
    await expect(run('xml' as ExportFormat)).rejects.toThrow(ValidationError);
  });
});
