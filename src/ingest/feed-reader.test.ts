import { describe, expect, it } from 'vitest';
import { readBytes } from './read-bytes.js';
import { readInput } from './read-input.js';
import { fixtureBytes, fixturePath, sha256Hex, utf8 } from './test-helpers.js';

/** The bytes of the n-th `<tag>…</tag>` element in a fixture, found without the reader. */
function elementBytes(file: string, tag: string, n: number): Buffer {
  const bytes = fixtureBytes(file);
  let start = -1;
  for (let i = 0; i < n; i++) start = bytes.indexOf(`<${tag}>`, start + 1);
  const end = bytes.indexOf(`</${tag}>`, start) + `</${tag}>`.length;
  return bytes.subarray(start, end);
}

describe('RSS reader', () => {
  it('reads one document per item with its own XML as original', async () => {
    const path = fixturePath('feed.rss');
    const { documents, errors } = await readInput(path);
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(2);
    const [first, second] = documents;
    expect(first).toMatchObject({
      id: 'herald-2019-0412',
      title: 'Activist sentenced to two years in Shymkent',
      published: '2019-04-12',
      source: 'Steppe Herald',
      url: 'https://herald.example.org/news/activist-sentenced',
      language: 'en',
      mediaType: 'application/rss+xml',
      origin: `${path}#item-1`,
    });
    // content:encoded wins over description; HTML entities inside CDATA are decoded.
    expect(first?.text).toBe(
      'Activist sentenced to two years in Shymkent\n\n' +
        'A court in Shymkent sentenced the activist Dana Bekova to two years in prison on Friday.\n\n' +
        'Her supporters said the charges were “fabricated”.',
    );
    expect(second).toMatchObject({ id: 'feed-2', title: 'Blogger released after 15 days & fined', published: '2019-04-15' });
    expect(second?.text).toBe(
      'Blogger released after 15 days & fined\n\nThe blogger was released on Monday.\n\nHe paid a fine of 50,000 tenge.',
    );
    for (const [i, doc] of documents.entries()) {
      const item = elementBytes('feed.rss', 'item', i + 1);
      expect(Buffer.from(doc.original).equals(item)).toBe(true);
      expect(doc.sha256).toBe(sha256Hex(item));
    }
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.example/"><title>RDF News</title></channel>
      <item rdf:about="https://x.example/a"><title>Arrest in Tbilisi</title><link>https://x.example/a</link>
      <description>Police arrested a blogger.</description><dc:date>2017-02-03T10:00:00+04:00</dc:date></item></rdf:RDF>`;
    const { documents, errors } = readBytes('news.rdf.xml', utf8(xml), 'feed');
    expect(errors).toEqual([]);
    expect(documents[0]).toMatchObject({
      id: 'x.example-a',
      title: 'Arrest in Tbilisi',
      text: 'Arrest in Tbilisi\n\nPolice arrested a blogger.',
      published: '2017-02-03',
      source: 'RDF News',
      url: 'https://x.example/a',
      mediaType: 'application/rdf+xml',
    });
  });

  it('numbers items whose guids repeat', () => {
    const item = '<item><guid>same</guid><title>T</title><description>D</description></item>';
    const { documents } = readBytes('dup.rss', utf8(`<rss><channel>${item}${item}</channel></rss>`), 'feed');
    expect(documents.map((d) => d.id)).toEqual(['same', 'dup-2']);
  });
});

describe('Atom reader', () => {
  it('reads html, xhtml and text content, the alternate link and the published date', async () => {
    const path = fixturePath('feed.atom');
    const { documents, errors } = await readInput(path);
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.text)).toEqual([
      'Lawyer disbarred in Minsk\n\nThe justice ministry disbarred the lawyer on Monday.',
      'Court hearing postponed\n\nThe hearing was postponed to 15 June.\n\nNo reason was given.',
      'Statement on arrests\n\nPlain summary, first paragraph.\n\nSecond paragraph <not markup>.',
    ]);
    expect(documents[0]).toMatchObject({
      id: 'monitor.example.net-2020-06-lawyer-disbarred',
      title: 'Lawyer disbarred in Minsk',
      // <published> in its own offset wins over <updated>.
      published: '2020-06-01',
      source: 'Human Rights Monitor',
      url: 'https://monitor.example.net/2020/06/lawyer-disbarred',
      language: 'ru',
      mediaType: 'application/atom+xml',
      origin: `${path}#item-1`,
    });
    expect(documents[1]).toMatchObject({ id: 'tag-monitor.example.net-2020-hearing', published: '2020-06-02' });
    expect(documents[2]).toMatchObject({ url: null, published: '2020-05-30' });
    for (const [i, doc] of documents.entries()) {
      expect(Buffer.from(doc.original).equals(elementBytes('feed.atom', 'entry', i + 1))).toBe(true);
    }
  });
});

describe('feed errors', () => {
  it.each([
    ['XML that is not a feed', '<?xml version="1.0"?><catalog><book>x</book></catalog>', 'not an RSS or Atom feed (root element <catalog>)'],
    ['a feed without items', '<rss version="2.0"><channel><title>Empty</title></channel></rss>', 'feed has no items'],
    ['an Atom feed without entries', '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', 'feed has no items'],
    ['plain text', 'no angle brackets here', 'not an RSS or Atom feed (no XML elements)'],
  ])('refuses %s', (_name, xml, reason) => {
    const { documents, errors } = readBytes('bad.xml', utf8(xml), 'feed');
    expect(documents).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([`bad.xml: ${reason}`]);
  });

  it('reports an empty item by number and keeps the others', () => {
    const xml = '<rss><channel><item><title>Good</title></item><item><link>x</link></item></channel></rss>';
    const { documents, errors } = readBytes('f.rss', utf8(xml), 'feed');
    expect(documents.map((d) => d.text)).toEqual(['Good']);
    expect(errors.map((e) => e.message)).toEqual(['f.rss#item-2: item has no title or text']);
  });
});

describe('Atom content by reference', () => {
  it('reads the summary when the content is only a src link', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>T</title>
      <content src="https://x.example/full" type="text/html"/><summary>The summary.</summary></entry></feed>`;
    expect(readBytes('f.atom', utf8(xml), 'feed').documents[0]?.text).toBe('T\n\nThe summary.');
  });
});
