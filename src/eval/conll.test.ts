import { describe, expect, it } from 'vitest';
import type { ExtractedEntity, Extraction } from '../domain/chronicle-json.js';
import type { ExtractInput } from '../pipeline/extract.js';
import { chunksOf, readConll, scoreConll } from './conll.js';

const CONLL = [
  '-DOCSTART- -X- O O',
  '',
  'Peter NNP I-NP I-PER',
  'Blackburn NNP I-NP I-PER',
  'visited VBD I-VP O',
  'Bonn NNP I-NP I-LOC',
  'for IN I-PP O',
  'the DT I-NP O',
  'European NNP I-NP I-MISC',
  'Cup NNP I-NP I-MISC',
  '.  . O O',
  '',
  'EU NNP I-NP I-ORG',
  'rejects VBZ I-VP O',
  'it PRP I-NP O',
  '',
].join('\n');

/** An extractor that finds the given names wherever they occur in the text. */
function finding(names: [string, ExtractedEntity['type']][]): (input: ExtractInput) => Extraction {
  return (input) => ({
    document: { id: input.id, title: null, published: input.published, language: 'en', source: null, url: null, sha256: '' },
    entities: names.map(([name, type], i) => {
      const start = input.text.indexOf(name);
      return { id: `e${i + 1}`, type, name, aliases: [], mentions: [{ start, end: start + name.length, text: name }], attributes: {} };
    }),
    timexes: [],
    events: [],
  });
}

describe('readConll', () => {
  it('rebuilds the text with single spaces and a newline per sentence', () => {
    const [doc] = readConll(CONLL);
    expect(doc?.text).toBe('Peter Blackburn visited Bonn for the European Cup .\nEU rejects it');
    expect(doc?.tokens).toHaveLength(12);
  });

  it('reads tab-separated idx token tag files', () => {
    const docs = readConll('0\t-DOCSTART-\tO\n\n0\tParis\tB-LOC\n1\tis\tO\n\n0\t-DOCSTART-\tO\n\n0\tIBM\tB-ORG\n');
    expect(docs.map((d) => d.text)).toEqual(['Paris is', 'IBM']);
  });

  it('names the line of a malformed row', () => {
    expect(() => readConll('Paris\n', 'x.conll')).toThrow(/x\.conll:1/);
  });
});

describe('chunksOf', () => {
  it('reads IOB1 and IOB2 alike', () => {
    expect(chunksOf(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
    expect(chunksOf(['B-ORG', 'I-ORG', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 2, end: 3, type: 'LOC' },
    ]);
  });
});

describe('scoreConll', () => {
  it('scores exact chunks, ignoring predictions that overlap gold MISC', () => {
    const report = scoreConll(
      CONLL,
      finding([
        ['Peter Blackburn', 'person'],
        ['Bonn', 'organization'],
        ['European', 'place'],
        ['EU', 'organization'],
      ]),
    );
    // Gold: PER Peter Blackburn, LOC Bonn, ORG EU. "European" overlaps MISC and is ignored.
    expect(report.metrics['precision']).toBeCloseTo(2 / 3);
    expect(report.metrics['recall']).toBeCloseTo(2 / 3);
    expect(report.metrics['PER_f1']).toBe(1);
    expect(report.metrics['LOC_f1']).toBe(0);
    expect(report.metrics['ORG_precision']).toBeCloseTo(0.5);
    expect(report.metrics['gold_chunks']).toBe(3);
    expect(report.lines[0]).toMatch(/^all/);
  });

  it('counts a partial name as wrong', () => {
    const report = scoreConll(CONLL, finding([['Blackburn', 'person']]));
    expect(report.metrics['precision']).toBe(0);
    expect(report.metrics['recall']).toBe(0);
  });
});
