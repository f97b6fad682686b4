import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { readBytes, readJsonLine } from './read-bytes.js';
import { readInput } from './read-input.js';
import { fixtureBytes, fixturePath, sha256Hex, utf8 } from './test-helpers.js';

describe('JSONL reader', () => {
  it('reads one document per line, blank lines skipped, the line as original', async () => {
    const path = fixturePath('reports.jsonl');
    const { documents, errors } = await readInput(path);
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual(['r-1', 'reports-2', '7']);
    expect(documents[0]).toMatchObject({
      title: 'Editor detained',
      text: 'Editor detained\n\nPolice detained the editor on 3 May.',
      published: '2021-05-04',
      source: 'Tashkent Times',
      url: 'https://tt.example.com/r1',
      mediaType: 'application/json',
      origin: `${path}:1`,
    });
    // No title given: the first line reads as a headline.
    expect(documents[1]).toMatchObject({ title: 'Protesters fined in Bishkek', published: null, origin: `${path}:2` });
    // HTML is reduced like a page; its meta tags fill what the line does not say.
    expect(documents[2]).toMatchObject({
      title: 'Journalist beaten',
      text: 'Journalist beaten\n\nA journalist was beaten in Baku.',
      published: '2021-06-01',
      source: 'Baku Daily',
      origin: `${path}:4`,
    });
    const lines = fixtureBytes('reports.jsonl').toString('utf8').split('\n');
    for (const [doc, lineIndex] of [[documents[0], 0], [documents[1], 1], [documents[2], 3]] as const) {
      expect(new TextDecoder().decode(doc?.original)).toBe(lines[lineIndex]);
      expect(doc?.sha256).toBe(sha256Hex(utf8(lines[lineIndex] ?? '')));
    }
  });

  it('keeps the good lines when one is bad, naming file:LINE', () => {
    const content = ['{"text":"One."}', '{"text": oops}', '{"text":"Three."}'].join('\n');
    const { documents, errors } = readBytes('in.jsonl', utf8(content), 'jsonl');
    expect(documents.map((d) => d.id)).toEqual(['in-1', 'in-3']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.origin).toBe('in.jsonl:2');
    expect(errors[0]?.message).toMatch(/^in\.jsonl:2: not JSON \(/);
  });

  it('drops the CR of CRLF line endings from the record', () => {
    const { documents } = readBytes('w.jsonl', utf8('{"text":"A."}\r\n{"text":"B."}\r\n'), 'jsonl');
    expect(documents.map((d) => new TextDecoder().decode(d.original))).toEqual(['{"text":"A."}', '{"text":"B."}']);
  });

  it.each([
    ['[1,2]', 'not a JSON object'],
    ['"text"', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['{"title":"No body"}', 'no "text" or "html" field'],
    ['{"text":42}', '"text" is not a string'],
    ['{"html":["<p>x</p>"]}', '"html" is not a string'],
    ['{"text":"   "}', 'text is empty'],
    ['{"text":"ok","title":5}', '"title" is not a string'],
    ['{"text":"ok","id":{}}', '"id" is not a string'],
    ['{"text":"ok","published":"someday"}', 'published "someday" is not a date'],
    ['{"html":"<script>x()</script>"}', 'HTML has no readable text'],
  ])('refuses the line %s', (line, reason) => {
    const content = `{"text":"Fine."}\n${line}\n`;
    const { documents, errors } = readBytes('l.jsonl', utf8(content), 'jsonl');
    expect(documents).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual([`l.jsonl:2: ${reason}`]);
  });

  it('refuses a repeated id', () => {
    const { documents, errors } = readBytes('d.jsonl', utf8('{"id":"a","text":"x"}\n{"id":"a","text":"y"}'), 'jsonl');
    expect(documents).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual(['d.jsonl:2: duplicate id "a" (first on line 1)']);
  });

  it('gives one error for a file where no line is JSON', () => {
    const { documents, errors } = readBytes('x.jsonl', utf8('<html>\n<body>\n</body>\n</html>'), 'jsonl');
    expect(documents).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^x\.jsonl: not JSON Lines \(line 1: /);
  });
});

describe('readJsonLine', () => {
  it('reads one streamed record, the id from the hash when none is given', () => {
    const line = '{"text":"Headline\\n\\nBody.","published":"2020-01-02T03:04:05+06:00"}';
    const doc = readJsonLine('stdin:4', line, { source: 'Given' });
    expect(doc).toMatchObject({ id: sha256Hex(utf8(line)).slice(0, 16), title: 'Headline', published: '2020-01-02', source: 'Given' });
  });

  it('throws BadInputError naming the line', () => {
    expect(() => readJsonLine('stdin:2', '{"text": 1}')).toThrow(new BadInputError('stdin:2', '"text" is not a string'));
  });
});
