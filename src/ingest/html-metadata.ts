import { DOCUMENT_NODE, isElement, type DomDocument, type DomElement, type DomNode } from './dom.js';
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
  const found = collectHeadElements(document);
  const meta = (key: string): string | null => found.meta.get(key) ?? null;
  const article = readJsonLdArticle(found.jsonLd);
  const title = meta('og:title') ?? article?.headline ?? meta('twitter:title');
  const pageTitle = found.title ?? found.h1;
  const publishedRaw = [
    meta('article:published_time'),
    article?.datePublished ?? null,
    meta('datepublished'),
    meta('pubdate'),
    meta('publish-date'),
    meta('date'),
    meta('dc.date'),
    meta('dcterms.created'),
    found.time,
  ];
  const published = publishedRaw.map((raw) => (raw === null ? null : normalizeDate(raw))).find((d) => d) ?? null;
  const ogUrl = absoluteUrl(meta('og:url'));
  const canonical = absoluteUrl(found.canonical, ogUrl);
  return {
    title: title === null ? null : collapseWhitespace(title) || null,
    pageTitle: pageTitle === null ? null : collapseWhitespace(pageTitle) || null,
    published,
    source: meta('og:site_name') ?? article?.publisher ?? meta('application-name'),
    url: canonical ?? ogUrl ?? absoluteUrl(article?.url),
    language: primaryLanguage(document.documentElement?.getAttribute('lang') ?? meta('og:locale')),
  };
}

interface HeadElements {
  /** Content of the first non-empty `<meta>` per lowercased property, name or itemprop. */
  meta: Map<string, string>;
  jsonLd: string[];
  canonical: string | null;
  title: string | null;
  h1: string | null;
  time: string | null;
}

// One walk over the tree: each querySelector in linkedom walks the whole document again.
function collectHeadElements(document: DomDocument): HeadElements {
  const found: HeadElements = { meta: new Map(), jsonLd: [], canonical: null, title: null, h1: null, time: null };
  const stack: DomNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (!isElement(node) && node.nodeType !== DOCUMENT_NODE) continue;
    if (isElement(node)) visit(node, found);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && isElement(child)) stack.push(child);
    }
  }
  return found;
}

function visit(element: DomElement, found: HeadElements): void {
  switch (element.localName.toLowerCase()) {
    case 'meta': {
      const key = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop');
      const content = blankToNull(element.getAttribute('content'));
      const name = key?.trim().toLowerCase();
      if (name && content !== null && !found.meta.has(name)) found.meta.set(name, content);
      break;
    }
    case 'script':
      if (element.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') {
        found.jsonLd.push(element.textContent ?? '');
      }
      break;
    case 'link':
      if (found.canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute('rel') ?? '')) {
        found.canonical = blankToNull(element.getAttribute('href'));
      }
      break;
    case 'title':
      found.title ??= blankToNull(element.textContent);
      break;
    case 'h1':
      found.h1 ??= blankToNull(element.textContent);
      break;
    case 'time':
      found.time ??= blankToNull(element.getAttribute('datetime'));
      break;
    default:
      break;
  }
}

function readJsonLdArticle(scripts: string[]): JsonLdArticle | null {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
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
