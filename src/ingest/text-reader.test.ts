import { describe, expect, it } from 'vitest';
import { readBytes } from './read-bytes.js';
import { readInput } from './read-input.js';
import { fixtureBytes, fixturePath, sha256Hex, utf8 } from './test-helpers.js';
import { guessTitle } from './text-reader.js';

describe('text reader', () => {
  it('keeps the file text as is, with the stem as id and the headline as title', async () => {
    const path = fixturePath('report.txt');
    const { documents, errors } = await readInput(path);
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(1);
    const doc = documents[0]!;
    expect(doc.id).toBe('report');
    expect(doc.title).toBe('Two activists detained in Aktobe');
    expect(doc.text).toBe(fixtureBytes('report.txt').toString('utf8'));
    expect(doc.sha256).toBe(sha256Hex(fixtureBytes('report.txt')));
    expect(Buffer.from(doc.original).equals(fixtureBytes('report.txt'))).toBe(true);
    expect(doc).toMatchObject({ published: null, source: null, url: null, language: 'en', mediaType: 'text/plain', origin: path });
  });

  it('takes the id from a stem such as the corpus file names', () => {
    const { documents } = readBytes('corpus/000_bcfc9d10bd1be20d.txt', utf8('Headline\n\nBody.'), 'text');
    expect(documents[0]?.id).toBe('000_bcfc9d10bd1be20d');
  });

  it('strips a byte-order mark but hashes the bytes as received, and keeps CRLF so offsets match', () => {
    const bytes = utf8('\uFEFFHeadline\r\n\r\nBody text.\r\n');
    const doc = readBytes('a.txt', bytes, 'text').documents[0]!;
    expect(doc.text).toBe('Headline\r\n\r\nBody text.\r\n');
    expect(doc.title).toBe('Headline');
    expect(doc.sha256).toBe(sha256Hex(bytes));
  });

  it('marks Markdown by media type and drops the heading marker from the title', () => {
    const doc = readBytes('notes.md', utf8('# Arrests in Nukus\n\nText.'), 'text').documents[0]!;
    expect(doc.mediaType).toBe('text/markdown');
    expect(doc.title).toBe('Arrests in Nukus');
    expect(doc.text).toBe('# Arrests in Nukus\n\nText.');
  });

  it('uses a hash prefix as id for stdin', () => {
    const bytes = utf8('Some report.');
    const doc = readBytes('-', bytes, 'text').documents[0]!;
    expect(doc.id).toBe(sha256Hex(bytes).slice(0, 16));
  });
});

describe('guessTitle', () => {
  it.each([
    ['Kazakh Opposition Activists Flock To Kyiv\n\nBody.', 'Kazakh Opposition Activists Flock To Kyiv'],
    ['\n\n  Is the ban legal?\nBody', 'Is the ban legal?'],
    ['Police detained him on Monday.\nMore.', null],
    ['In a statement, the group said:\nMore.', null],
    [`${'word '.repeat(40)}\nMore`, null],
    ['   ', null],
  ])('%j → %j', (text, title) => {
    expect(guessTitle(text)).toBe(title);
  });
});
