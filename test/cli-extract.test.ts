import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/domain/chronicle-json.js';
import { runCli } from './support/run-cli.js';

const seed = join(import.meta.dirname, '../../shared/corpus/000_bcfc9d10bd1be20d.txt');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'chronicle-cli-'));
}

// Each test spawns the CLI; on a loaded two-core machine a run can take tens of seconds.
describe('chronicle extract', { timeout: 240_000 }, () => {
  it('prints Chronicle JSON for one file with exact offsets', async () => {
    const cwd = tempDir();
    const text = 'Police in Minsk detained the journalist Roman Protasevich on Sunday.\n';
    writeFileSync(join(cwd, 'report.txt'), text);
    const run = await runCli(['extract', 'report.txt', '--published', '2021-05-24', '--json'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const x = JSON.parse(run.stdout) as Extraction;
    expect(x.document).toMatchObject({ id: 'report', published: '2021-05-24', language: 'en' });
    expect(x.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const t of x.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const v of x.events) for (const s of v.evidence) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('rejects a malformed --published date with a clear message', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'report.txt'), 'Some text.');
    const run = await runCli(['extract', 'report.txt', '--published', '16/12/2016'], { cwd });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--published 16/12/2016');
  });

  it('streams JSONL: one extraction per good line, one error per bad line', async () => {
    const cwd = tempDir();
    const input = [
      JSON.stringify({ id: 'a', text: 'He was arrested in Baku last week.', published: '2020-03-10' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 'Nothing happened.', published: null }),
      JSON.stringify({ id: 'c', text: 42 }),
    ].join('\n');
    const run = await runCli(['extract', '--jsonl'], { cwd, input });
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Extraction);
    expect(lines.map((x) => x.document.id)).toEqual(['a', 'b']);
    expect(lines[1]?.document.published).toBeNull();
    expect(run.stderr).toContain('stdin:2: not valid JSON');
    expect(run.stderr).toContain('stdin:4: "text" must be a string');
    expect(run.code).toBe(1);
  });

  it.runIf(existsSync(seed))('reads the seed article with its file stem as id', async () => {
    const run = await runCli(['extract', seed, '--published', '2016-12-16', '--json'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    const x = JSON.parse(run.stdout) as Extraction;
    expect(x.document.id).toBe('000_bcfc9d10bd1be20d');
    expect(x.document.title).toBe('Kazakh Opposition Activists Flock To Kyiv');
  });
});
