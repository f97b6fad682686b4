import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../domain/chronicle-json.js';
import { BadInputError } from '../errors.js';
import type { ExtractInput } from '../pipeline/extract.js';
import { segment } from '../pipeline/segment.js';
import { tagTimexes } from '../pipeline/timex/index.js';
import { readTimeml, readTimemlDir, scoreTimeml, scoreTimexes } from './timeml.js';

const FIXTURES = new URL('../../test/fixtures/timeml/', import.meta.url).pathname;
const PYTHON_TOOL = '/work/shared/tools/timeml.py';

/** The pipeline cut down to what TimeML scores: segmentation and timexes. */
function extractTimexes(input: ExtractInput): Extraction {
  return {
    document: {
      id: input.id, title: null, published: input.published, language: 'en', source: null, url: null, sha256: '',
    },
    entities: [],
    timexes: tagTimexes(segment(input.text), input.published),
    events: [],
  };
}

function writeTml(dir: string, name: string, body: string, dct = '2016-12-16T09:00:00'): string {
  const path = join(dir, name);
  writeFileSync(path, `<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="${dct}">x</TIMEX3></DCT>\n<TEXT>${body}</TEXT>\n</TimeML>\n`);
  return path;
}

describe('readTimeml', () => {
  it('rebuilds the plain text with gold offsets, entities unescaped and leading space trimmed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeml-'));
    const path = writeTml(dir, 'a.tml', '\n  Fish &amp; chips on <TIMEX3 tid="t1" type="DATE" value="2016-12-12">Monday</TIMEX3> <EVENT eid="e1">cost</EVENT> less.\n');
    const doc = readTimeml(path);
    expect(doc).toMatchObject({ id: 'a', published: '2016-12-16', text: 'Fish & chips on Monday cost less.' });
    expect(doc.timexes).toEqual([{ start: 16, end: 22, type: 'DATE', value: '2016-12-12' }]);
    expect(doc.text.slice(16, 22)).toBe('Monday');
  });

  it('names the file when the creation time is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeml-'));
    const path = join(dir, 'bad.tml');
    writeFileSync(path, '<TimeML><TEXT>nothing</TEXT></TimeML>');
    expect(() => readTimeml(path)).toThrow(BadInputError);
    expect(() => readTimeml(path)).toThrow(/bad\.tml/);
  });
});

describe('scoreTimexes', () => {
  it('computes strict and relaxed F1, type and value accuracy as TempEval-3 does', () => {
    const doc = {
      id: 'd', text: '', published: '2016-12-16',
      timexes: [
        { start: 0, end: 10, type: 'DATE', value: '2016' },
        { start: 20, end: 30, type: 'DURATION', value: 'P2Y' },
        { start: 40, end: 50, type: 'DATE', value: '2016-W49' },
        { start: 60, end: 70, type: 'DATE', value: 'PAST_REF' },
      ],
    };
    const predicted = [
      { start: 0, end: 10, type: 'DATE', value: '2016' }, // exact, right value
      { start: 22, end: 30, type: 'DURATION', value: 'P2Y' }, // overlap, right value
      { start: 40, end: 50, type: 'DATE', value: '2016-12' }, // exact, wrong value
      { start: 80, end: 85, type: 'DATE', value: '2015' }, // spurious
    ];
    const { metrics } = scoreTimexes([doc], new Map([['d', predicted]]));
    // P = R = 2/4 strict, 3/4 relaxed; 2 of 3 relaxed matches have the right value.
    expect(metrics).toEqual({
      strict_f1: 0.5, relaxed_f1: 0.75, type_acc: 1, value_acc: 0.6667, value_f1: 0.5, gold: 4, pred: 4,
    });
  });

  it('prefers an exact prediction over an earlier overlapping one', () => {
    const doc = { id: 'd', text: '', published: '2016-12-16', timexes: [{ start: 5, end: 15, type: 'DATE', value: '2016' }] };
    const predicted = [
      { start: 0, end: 8, type: 'DATE', value: '2015' },
      { start: 5, end: 15, type: 'DATE', value: '2016' },
    ];
    const { metrics } = scoreTimexes([doc], new Map([['d', predicted]]));
    expect(metrics.strict_f1).toBeCloseTo(0.6667, 4);
    expect(metrics.value_acc).toBe(1);
  });
});

describe('scoreTimeml on the annotated reports', () => {
  it('has at least 12 reports and 150 gold timexes', () => {
    const docs = readTimemlDir(FIXTURES);
    expect(docs.length).toBeGreaterThanOrEqual(12);
    expect(docs.reduce((n, d) => n + d.timexes.length, 0)).toBeGreaterThanOrEqual(150);
    for (const d of docs) for (const t of d.timexes) expect(t.end).toBeGreaterThan(t.start);
  });

  it('keeps the tagger above 0.85 value F1', () => {
    const report = scoreTimeml(FIXTURES, extractTimexes);
    expect(report.metrics.value_f1).toBeGreaterThanOrEqual(0.85);
    expect(report.lines[0]).toMatch(/^strict_f1=/);
  });

  it.skipIf(!existsSync(PYTHON_TOOL))('agrees with timeml.py on the same predictions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeml-'));
    const predictions = join(dir, 'pred.jsonl');
    const docs = readTimemlDir(FIXTURES);
    writeFileSync(predictions, docs.map((d) => JSON.stringify(extractTimexes(d))).join('\n') + '\n');
    const python = JSON.parse(execFileSync('python3', [PYTHON_TOOL, 'score', FIXTURES, predictions], { encoding: 'utf8' })) as Record<string, number>;
    expect(scoreTimeml(FIXTURES, extractTimexes).metrics).toEqual(python);
    expect(readdirSync(FIXTURES).filter((f) => f.endsWith('.tml')).length).toBe(docs.length);
  });
});
