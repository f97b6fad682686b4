import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { detectKind } from './input-kind.js';
import { readBytes } from './read-bytes.js';
import { describeFsError, readInput } from './read-input.js';
import { fixturePath, utf8 } from './test-helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronicle-ingest-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function onlyError(path: string, options = {}): Promise<string> {
  const { documents, errors } = await readInput(path, options);
  expect(documents).toEqual([]);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toBeInstanceOf(BadInputError);
  return errors[0]?.message ?? '';
}

describe('readInput errors: one clear line naming the file', () => {
  it('a missing file', async () => {
    const path = join(dir, 'missing.txt');
    expect(await onlyError(path)).toBe(`${path}: no such file or directory`);
  });

  it('a directory where a file was expected', async () => {
    expect(await onlyError(dir)).toBe(`${dir}: is a directory, expected a file`);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const path = await fileWith('locked.txt', 'secret');
    await chmod(path, 0o000);
    expect(await onlyError(path)).toBe(`${path}: permission denied`);
  });

  it('maps file-system error codes to reasons', () => {
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('cannot be read (EIO)');
  });

  it('an unsupported extension', async () => {
    const path = await fileWith('report.pdf', '%PDF-1.4');
    expect(await onlyError(path)).toMatch(new RegExp(`^${path}: unsupported file type \\(expected \\.txt .*\\.jsonl`));
  });

  it('bytes that are not UTF-8', async () => {
    const path = await fileWith('latin1.txt', Uint8Array.from([0x41, 0xe9, 0x74, 0xe9]));
    expect(await onlyError(path)).toBe(`${path}: not UTF-8 text`);
  });

  it('text that names its other encoding, UTF-16, and binary data', () => {
    const cp1251 = Uint8Array.from([...utf8('<?xml version="1.0" encoding="windows-1251"?><rss>'), 0xcf, 0xf0, 0xe8]);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    const binary = Uint8Array.from([0x41, 0x00, 0x42]);
    expect(readBytes('f.xml', cp1251, 'feed').errors[0]?.message).toBe(
      'f.xml: not UTF-8 text (it declares windows-1251; convert it to UTF-8, e.g. with iconv)',
    );
    expect(readBytes('u.txt', utf16, 'text').errors[0]?.message).toBe('u.txt: not UTF-8 text (it is UTF-16; save it as UTF-8)');
    expect(readBytes('b.txt', binary, 'text').errors[0]?.message).toBe('b.txt: contains NUL bytes: binary data, not text');
  });

  it('an empty file and a whitespace-only file', async () => {
    const empty = await fileWith('empty.txt', '');
    const blank = await fileWith('blank.html', ' \n\t\r\n ');
    expect(await onlyError(empty)).toBe(`${empty}: empty file`);
    expect(await onlyError(blank)).toBe(`${blank}: contains only whitespace`);
  });

  it('a file over maxBytes, refused before it is read', async () => {
    const path = await fileWith('big.txt', 'x'.repeat(2048));
    expect(await onlyError(path, { maxBytes: 1024 })).toBe(`${path}: is 2 KB, over the 1 KB limit`);
  });

  it('an .html file without HTML, an .xml file that is not a feed', async () => {
    const html = await fileWith('plain.html', 'Only words here.');
    const xml = await fileWith('data.xml', '<?xml version="1.0"?><config><a>1</a></config>');
    expect(await onlyError(html)).toBe(`${html}: not HTML: no HTML tags found`);
    expect(await onlyError(xml)).toBe(`${xml}: not an RSS or Atom feed (root element <config>)`);
  });

  it('a published option that is not a date', async () => {
    expect(await onlyError(fixturePath('report.txt'), { published: 'last week' })).toMatch(
      /report\.txt: published date "last week" is not a date/,
    );
  });
});

describe('readInput options', () => {
  it('explicit options win over the file metadata and fill in what it lacks', async () => {
    const { documents } = await readInput(fixturePath('article.html'), {
      published: '16 Dec 2016',
      source: 'Kyiv Post',
      url: 'https://kyivpost.example/a',
    });
    expect(documents[0]).toMatchObject({ published: '2016-12-16', source: 'Kyiv Post', url: 'https://kyivpost.example/a' });
    const text = await readInput(fixturePath('report.txt'), { source: 'Kyiv Post', published: null, url: '' });
    expect(text.documents[0]).toMatchObject({ published: null, source: 'Kyiv Post', url: null });
  });

  it('reads stdin through the given reader and sniffs its kind', async () => {
    const feed = await readInput('-', { stdin: async () => Buffer.from('<rss><channel><item><title>T</title></item></channel></rss>') });
    expect(feed.documents[0]).toMatchObject({ origin: '-#item-1', text: 'T', mediaType: 'application/rss+xml' });
    const text = await readInput('-', { stdin: async () => Buffer.from('Headline\n\nBody.') });
    expect(text.documents[0]).toMatchObject({ origin: '-', title: 'Headline', mediaType: 'text/plain' });
  });

  it('sniffs a file without extension', async () => {
    const path = await fileWith('REPORT', '<!doctype html><html><body><p>Sniffed page.</p></body></html>');
    const { documents } = await readInput(path);
    expect(documents[0]).toMatchObject({ id: 'REPORT', text: 'Sniffed page.', mediaType: 'text/html' });
  });

  it('readBytes applies maxBytes to in-memory input too', () => {
    const { errors } = readBytes('upload.txt', utf8('abcdef'), 'text', { maxBytes: 3 });
    expect(errors.map((e) => e.message)).toEqual(['upload.txt: is 6 bytes, over the 3 bytes limit']);
  });
});

describe('detectKind', () => {
  it.each([
    ['a.txt', 'text'],
    ['a.TEXT', 'text'],
    ['a.md', 'text'],
    ['a.htm', 'html'],
    ['a.HTML', 'html'],
    ['a.xml', 'feed'],
    ['a.rss', 'feed'],
    ['a.atom', 'feed'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson', 'jsonl'],
    ['a.pdf', null],
  ])('by extension: %s → %s', (name, kind) => {
    expect(detectKind(name, utf8('whatever'))).toBe(kind);
  });

  it.each([
    ['\uFEFF  {"text":"x"}', 'jsonl'],
    ['<?xml version="1.0"?>\n<rss version="2.0">', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['<!DOCTYPE html><html>', 'html'],
    ['<p>fragment</p>', 'html'],
    ['Plain words.', 'text'],
  ])('by content for stdin: %j → %s', (content, kind) => {
    expect(detectKind('-', utf8(content))).toBe(kind);
  });
});

describe('readInput from a failing stdin', () => {
  it('reports the failure as bad input on -', async () => {
    const { errors } = await readInput('-', {
      stdin: () => Promise.reject(Object.assign(new Error('closed'), { code: 'EPIPE' })),
    });
    expect(errors.map((e) => e.message)).toEqual(['-: cannot be read (EPIPE)']);
  });
});
