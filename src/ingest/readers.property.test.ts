import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { normalizeDate } from './normalize-date.js';
import { readBytes, UNEXPECTED_FAILURE } from './read-bytes.js';
import { sha256Hex, utf8 } from './test-helpers.js';
import type { InputKind } from './types.js';

const KINDS: InputKind[] = ['text', 'html', 'feed', 'jsonl'];
const DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Every outcome of readBytes: no exception, only BadInputErrors, documents that keep their invariants. */
function checkRead(origin: string, bytes: Uint8Array, kind: InputKind): void {
  const result = readBytes(origin, bytes, kind);
  for (const error of result.errors) {
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.origin.startsWith(origin)).toBe(true);
    expect(error.message).not.toContain('\n');
    // That fallback exists for the field; here it would mean a reader bug.
    expect(error.reason.startsWith(UNEXPECTED_FAILURE)).toBe(false);
  }
  for (const doc of result.documents) {
    expect(doc.sha256).toBe(sha256Hex(doc.original));
    expect(doc.text.trim()).not.toBe('');
    expect(doc.id).not.toBe('');
    expect(doc.origin.startsWith(origin)).toBe(true);
    if (doc.published !== null) expect(doc.published).toMatch(DATE_RE);
  }
}

/** Strings stitched from pieces of a format, so that generated input gets past the first checks. */
function stitched(pieces: string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((p) => p.join(''));
}

const HTML_PIECES = [
  '<!DOCTYPE html>', '<html lang="en">', '<head>', '</head>', '<body>', '</body>', '<p>', '</p>', '<div>', '</div>',
  '<br>', '<h1>', '</h1>', '<article>', '</article>', '<script>', '</script>', '<style>', '</style>', '<!--', '-->',
  '<meta property="og:title" content="', '<meta property="article:published_time" content="2016-12-16T23:00:00-05:00">',
  '<link rel="canonical" href="', '">', '"', '<script type="application/ld+json">',
  '{"@type":"NewsArticle","headline":"H","datePublished":"', '{"@graph":[', ']}', '&amp;', '&#8217;', '&#x', ';',
  '<table><tr><td>', '</td></tr></table>', '<li>', 'Police detained ', 'the activist. ', '\n', '\u00a0', '\u0001',
];

const FEED_PIECES = [
  '<?xml version="1.0"?>', '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<item/>',
  '<title>', '</title>', '<description>', '</description>', '<content:encoded>', '</content:encoded>',
  '<![CDATA[', ']]>', '<guid>', '</guid>', '<pubDate>', 'Fri, 16 Dec 2016 23:30:00 -0500', '</pubDate>',
  '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<content type="xhtml">',
  '<content type="html">', '</content>', '<summary>', '</summary>', '<link href="https://x.example/a"/>',
  '<link>', '</link>', '<id>', '</id>', '<published>', '2020-06-01T01:30:00+03:00', '</published>',
  '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]>', '&a;', '&amp;', '&lt;p&gt;', '&#8217;', '<rdf:RDF>', '</rdf:RDF>',
  '<', '>', '/', '"', 'text ', '\n',
];

const jsonlLine = fc.oneof(
  fc.json(),
  fc
    .record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.anything()),
        title: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        text: fc.oneof(fc.string(), fc.constant('  '), fc.integer()),
        html: fc.oneof(stitched(HTML_PIECES), fc.boolean()),
        published: fc.oneof(fc.string(), fc.constantFrom('2021-05-04', 'Fri, 16 Dec 2016', 'soon')),
        source: fc.string(),
        url: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((record) => JSON.stringify(record)),
  fc.string(),
);

describe('readers never throw on any input, and never hang', () => {
  for (const kind of KINDS) {
    it(`${kind}: random bytes`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkRead(`in.${kind}`, bytes, kind)),
        { numRuns: 150 },
      );
    });

    it(`${kind}: random Unicode text`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkRead(`in.${kind}`, utf8(text), kind)),
        { numRuns: 150 },
      );
    });
  }

  it('html: stitched markup', () => {
    fc.assert(fc.property(stitched(HTML_PIECES), (html) => checkRead('page.html', utf8(html), 'html')), { numRuns: 200 });
  });

  it('feed: stitched RSS and Atom', () => {
    fc.assert(fc.property(stitched(FEED_PIECES), (xml) => checkRead('news.rss', utf8(xml), 'feed')), { numRuns: 300 });
  });

  it('jsonl: lines of JSON, records and noise', () => {
    fc.assert(
      fc.property(fc.array(jsonlLine, { maxLength: 8 }), (lines) => checkRead('-', utf8(lines.join('\n')), 'jsonl')),
      { numRuns: 150 },
    );
  });

  it('normalizeDate: any string gives null or an ISO date', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => {
        const date = normalizeDate(raw);
        if (date !== null) expect(date).toMatch(DATE_RE);
      }),
      { numRuns: 500 },
    );
  });
});
