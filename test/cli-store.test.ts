import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChronicleExport, ExportEntity, ExportEvent } from '../src/domain/chronicle-export.js';
import { runCli } from './support/run-cli.js';

const seed = join(import.meta.dirname, '../../shared/corpus/000_bcfc9d10bd1be20d.txt');
const samples = join(import.meta.dirname, '../samples');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'chronicle-cli-'));
}

// Each test spawns the CLI several times; on a loaded two-core machine a run can take tens of seconds.
describe('chronicle ingest and queries', { timeout: 300_000 }, () => {
  it('ingests a folder, reports bad files by name, skips the same bytes the second time', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'reports'));
    writeFileSync(join(cwd, 'reports', 'a.txt'), 'Police in Baku detained the journalist Ilgar Mammadli on Monday.\n');
    writeFileSync(join(cwd, 'reports', 'empty.txt'), '   \n');
    writeFileSync(join(cwd, 'reports', 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const first = await runCli(['ingest', 'reports', '--db', 'cases.db', '--published', '2020-03-10'], { cwd });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/empty\.txt: .*(empty|whitespace)/i);
    expect(first.stderr).toMatch(/latin1\.txt: .*UTF-8/i);
    expect(first.stderr).toContain('1 added');
    expect(existsSync(join(cwd, 'cases.db'))).toBe(true);

    const again = await runCli(['ingest', 'reports/a.txt', '--db', 'cases.db'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already present');
    expect(again.stderr).toContain('0 added, 1 already present');
  });

  it('uses CHRONICLE_DB when --db is absent', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'r.txt'), 'Roman Protasevich was arrested in Minsk.\n');
    const run = await runCli(['ingest', 'r.txt'], { cwd, env: { CHRONICLE_DB: join(cwd, 'env.db') } });
    expect(run.code).toBe(0);
    expect(existsSync(join(cwd, 'env.db'))).toBe(true);
    expect(existsSync(join(cwd, 'chronicle.db'))).toBe(false);
  });

  it('exports the samples as JSON, CSV and JSONL with evidence tied to documents', async () => {
    const cwd = tempDir();
    expect((await runCli(['ingest', samples, '--db', 's.db'], { cwd })).code).toBe(0);
    const json = await runCli(['export', '--format', 'json', '--db', 's.db'], { cwd });
    const store = JSON.parse(json.stdout) as ChronicleExport;
    expect(store.documents.length).toBeGreaterThanOrEqual(6);
    const docIds = new Set(store.documents.map((d) => d.id));
    expect(store.events.length).toBeGreaterThan(0);
    for (const e of store.events) {
      expect(['suggested', 'confirmed', 'rejected']).toContain(e.status);
      for (const span of e.evidence) expect(docIds.has(span.document)).toBe(true);
    }
    const csv = await runCli(['export', '--format', 'csv', '--db', 's.db'], { cwd });
    expect(csv.stdout.split(/\r?\n/)[0]).toBe(
      'id,type,subject,agent,place,date_from,date_to,duration,charge,document_id,document_title,evidence',
    );
    const jsonl = await runCli(['export', '--format', 'jsonl', '--db', 's.db'], { cwd });
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(store.events.length);
    const bad = await runCli(['export', '--format', 'xml', '--db', 's.db'], { cwd });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--format xml');
  });

  it('answers a phrase search and rejects a malformed query clearly', async () => {
    const cwd = tempDir();
    await runCli(['ingest', samples, '--db', 's.db'], { cwd });
    const hit = await runCli(['search', '"strict-regime penal colony"', '--db', 's.db'], { cwd });
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain('Poczobut');
    const bad = await runCli(['search', '"unclosed', '--db', 's.db'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^chronicle: /);
  });

  it.runIf(existsSync(seed))('end to end: the seed article gives Aidos Sadykov his imprisonment from 2010', async () => {
    const cwd = tempDir();
    const ingest = await runCli(['ingest', seed, '--db', 'seed.db', '--published', '2016-12-16', '--source', 'Kyiv Post'], { cwd });
    expect(ingest.code).toBe(0);
    const run = await runCli(['person', 'Aidos Sadykov', '--json', '--db', 'seed.db'], { cwd });
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout) as { person: ExportEntity; events: ExportEvent[] };
    expect(found.person.name).toBe('Aidos Sadykov');
    expect(found.person.aliases).toContain('Sadykov');
    const prison = found.events.find((e) => e.type === 'imprisonment' && e.subject === found.person.id);
    expect(prison?.date?.from).toBe('2010');
    expect(prison?.evidence.some((s) => s.text.includes('spent two years in prison'))).toBe(true);

    const missing = await runCli(['person', 'Nobody Atall', '--db', 'seed.db'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('person "Nobody Atall" not found');
  });
});
