import type { DomDocument } from './dom.js';
import { absoluteUrl, blankToNull, primaryLanguage } from './document-builder.js';
import { collapseWhitespace } from './html-to-text.js';
import { normalizeDate } from './normalize-date.js';

/** What a page says about itself in its head: meta tags, canonical link and JSON-LD. */
export interface HtmlMetadata {
  /** From og:title, JSON-LD headline or twitter:title: the headline as the outlet states it. */
  title: string | null;
  /** From <title> or the first <h1>, often with the outlet's name appended; a last resort. */
  pageTitle: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
}

// schema.org types that describe a report; "NewsArticle" and its kin.
const ARTICLE_TYPE_RE = /(?:Article|BlogPosting|Report)$/;

/** Reads the page's own metadata; call before Readability, which removes scripts and meta tags. */
export function readHtmlMetadata(document: DomDocument): HtmlMetadata {
  const article = readJsonLdArticle(document);
  const title = meta(document, 'og:title') ?? article?.headline ?? meta(document, 'twitter:title');
  const pageTitle = textOf(document, 'title') ?? textOf(document, 'h1');
  const publishedRaw = [
    meta(document, 'article:published_time'),
    article?.datePublished ?? null,
    meta(document, 'datePublished'),
    meta(document, 'pubdate'),
    meta(document, 'publish-date'),
    meta(document, 'date'),
    meta(document, 'dc.date'),
    meta(document, 'dcterms.created'),
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  const published = publishedRaw.map((raw) => (raw === null ? null : normalizeDate(raw))).find((d) => d) ?? null;
  const ogUrl = absoluteUrl(meta(document, 'og:url'));
  const canonical = absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), ogUrl);
  return {
    title: title === null ? null : collapseWhitespace(title) || null,
    pageTitle: pageTitle === null ? null : collapseWhitespace(pageTitle) || null,
    published,
    source: meta(document, 'og:site_name') ?? article?.publisher ?? meta(document, 'application-name'),
    url: canonical ?? ogUrl ?? absoluteUrl(article?.url),
    language: primaryLanguage(document.documentElement?.getAttribute('lang') ?? meta(document, 'og:locale')),
  };
}

/** The content of `<meta property=KEY>` or `<meta name=KEY>` or `<meta itemprop=KEY>`, case-insensitive. */
function meta(document: DomDocument, key: string): string | null {
  const wanted = key.toLowerCase();
  const tags = document.querySelectorAll('meta');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const name = tag.getAttribute('property') ?? tag.getAttribute('name') ?? tag.getAttribute('itemprop');
    if (name?.trim().toLowerCase() !== wanted) continue;
    const content = blankToNull(tag.getAttribute('content'));
    if (content !== null) return content;
  }
  return null;
}

function textOf(document: DomDocument, selector: string): string | null {
  return blankToNull(document.querySelector(selector)?.textContent);
}

function readJsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]?.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags may still say enough.
    }
    const article = findArticle(data, 0);
    if (article) return article;
  }
  return null;
}

function findArticle(data: unknown, depth: number): JsonLdArticle | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type']).filter((t): t is string => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPE_RE.test(t))) {
    return {
      headline: stringOf(record['headline']) ?? stringOf(record['name']),
      datePublished: stringOf(record['datePublished']) ?? stringOf(record['dateCreated']),
      publisher: nameOf(record['publisher']),
      url: stringOf(record['url']) ?? urlOf(record['mainEntityOfPage']),
    };
  }
  return findArticle(record['@graph'], depth + 1);
}

function stringOf(value: unknown): string | null {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' ? blankToNull(value) : null;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return blankToNull(value);
  if (value !== null && typeof value === 'object') return stringOf((value as Record<string, unknown>)['name']);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return blankToNull(value);
  if (value !== null && typeof value === 'object') return stringOf((value as Record<string, unknown>)['@id']);
  return null;
}
