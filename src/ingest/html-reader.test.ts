import { describe, expect, it } from 'vitest';
import { readBytes } from './read-bytes.js';
import { readInput } from './read-input.js';
import { fixtureBytes, fixturePath, sha256Hex, utf8 } from './test-helpers.js';

const ARTICLE_TEXT = [
  'Journalist detained in Almaty after covering protest',
  'Police in Almaty detained the journalist Marat Sultanov on Thursday, hours after he filmed a rally outside the city akimat.',
  'Sultanov, who writes for an independent news site, was taken to a police station and questioned for six hours, his lawyer said.',
  '"He was not told why he was held," the lawyer, Aigerim Nurlanova, said.\nShe said she would appeal.',
  'Rights groups condemned the detention. In a statement, the group said the arrest was part of a wider pattern of pressure on the press ahead of the election.',
  'Three journalists were fined in February.',
  'Two websites were blocked in January.',
  'The police did not respond to a request for comment on Friday.',
].join('\n\n');

describe('html reader', () => {
  it('reads the article text, headline first, and the metadata from the head', async () => {
    const { documents, errors } = await readInput(fixturePath('article.html'));
    expect(errors).toEqual([]);
    const doc = documents[0]!;
    expect(doc.text).toBe(ARTICLE_TEXT);
    expect(doc).toMatchObject({
      id: 'article',
      title: 'Journalist detained in Almaty after covering protest',
      // article:published_time, in the page's own offset (UTC would be the 23rd).
      published: '2019-03-22',
      source: 'Steppe Herald',
      // The canonical link, resolved against og:url.
      url: 'https://herald.example.org/news/2019/03/journalist-detained?ref=canonical',
      language: 'en',
      mediaType: 'text/html',
    });
    expect(doc.sha256).toBe(sha256Hex(fixtureBytes('article.html')));
    expect(doc.text).not.toMatch(/LEAK|Home|rights reserved|tracker/);
  });

  it('keeps menus, sidebars, comments and banners out of a cluttered page', async () => {
    const doc = (await readInput(fixturePath('cluttered.html'))).documents[0]!;
    // Readability's title drops the outlet suffix of <title>.
    expect(doc.title).toBe("Court jails blogger for 'extremism'");
    expect(doc.published).toBe('2022-10-05');
    expect(doc.language).toBe('ru');
    expect(doc.text.startsWith(
      "Court jails blogger for 'extremism'\n\nA court in Aktau on Tuesday sentenced the blogger Yerlan Abenov",
    )).toBe(true);
    expect(doc.text).toContain('\n\nHuman rights groups have counted at least 14 criminal cases');
    expect(doc.text).not.toMatch(/cookies|Politics|Search|Most read|Kaspiy|Shame on them|About|Facebook|© Caspian/);
  });

  it('falls back to JSON-LD in an @graph for headline, date and publisher', () => {
    const html = `<html><head><script type="application/ld+json">
      {"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"Trial opens in Osh",
      "datePublished":"2018-07-09T09:00:00+06:00","publisher":{"name":"Osh News"},"url":"https://osh.example/t"}]}
      </script></head><body><article><p>The trial of four activists opened in Osh on Monday.</p></article></body></html>`;
    const doc = readBytes('t.html', utf8(html), 'html').documents[0]!;
    expect(doc).toMatchObject({ title: 'Trial opens in Osh', published: '2018-07-09', source: 'Osh News', url: 'https://osh.example/t' });
    expect(doc.text).toBe('Trial opens in Osh\n\nThe trial of four activists opened in Osh on Monday.');
  });

  it('reads a bare fragment without head or title', () => {
    const doc = readBytes('f.html', utf8('<p>First paragraph.</p><p>Second one.</p>'), 'html').documents[0]!;
    expect(doc.title).toBeNull();
    expect(doc.text).toBe('First paragraph.\n\nSecond one.');
  });

  it.each([
    ['text without markup', 'Just some words, no tags at all.', 'not HTML: no HTML tags found'],
    ['a page with nothing readable', '<html><head><title>Empty</title><script>x()</script></head><body> </body></html>', 'HTML has no readable text'],
  ])('refuses %s', (_name, html, reason) => {
    const { documents, errors } = readBytes('bad.html', utf8(html), 'html');
    expect(documents).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([`bad.html: ${reason}`]);
  });
});
