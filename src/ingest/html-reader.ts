import { Readability } from '@mozilla/readability';
import { BadInputError } from '../errors.js';
import { collapseWhitespace, nodeToParagraphs } from './html-to-text.js';
import { countElements, parseHtmlDocument, type DomNode } from './dom.js';
import { readHtmlMetadata, type HtmlMetadata } from './html-metadata.js';
import type { DocumentDraft } from './document-builder.js';

/** A page reduced to its report: headline, body paragraphs and what the page says about itself. */
export interface HtmlArticle extends Omit<HtmlMetadata, 'pageTitle'> {
  paragraphs: string[];
}

// Some tag a page or fragment is made of; a file without any is not HTML.
const HTML_TAG_RE =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section|main|span|a|br|h[1-6]|ul|ol|li|table|b|i|em|strong|img|script|style)[\s>/]/i;

// News pages have a few thousand elements; the heaviest portals stay under this.
const MAX_ELEMENTS_FOR_READABILITY = 20_000;

/**
 * Finds the main text of a page with Readability (on linkedom) and its metadata in the head.
 * Throws BadInputError when nothing readable remains.
 */
export function extractHtmlArticle(origin: string, html: string): HtmlArticle {
  const document = parseHtmlDocument(html);
  const metadata = readHtmlMetadata(document);
  let parsed: ReturnType<Readability<DomNode>['parse']> = null;
  // Readability's own element limit never triggers on linkedom (getElementsByTagName('*') is empty there),
  // and past it its scoring takes tens of seconds: such a page is read whole instead.
  const useReadability = countElements(document, MAX_ELEMENTS_FOR_READABILITY) <= MAX_ELEMENTS_FOR_READABILITY;
  if (useReadability) {
    try {
      // Readability mutates the document, so the metadata above is read first.
      parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    } catch {
      parsed = null; // Readability gives up on some odd trees; the whole body is the fallback below.
    }
  }
  let paragraphs = parsed?.content ? nodeToParagraphs(parsed.content) : [];
  if (paragraphs.length === 0) {
    // Readability strips the tree it works on, so the fallback reads a fresh one.
    const body = (useReadability ? parseHtmlDocument(html) : document).body;
    if (body) paragraphs = nodeToParagraphs(body);
  }
  const title = metadata.title ?? collapsedOrNull(parsed?.title) ?? metadata.pageTitle;
  // Readability often keeps the page's <h1>: the headline would then appear twice.
  if (title !== null && paragraphs[0] !== undefined && sameText(paragraphs[0], title)) paragraphs = paragraphs.slice(1);
  if (paragraphs.length === 0) throw new BadInputError(origin, 'HTML has no readable text');
  return {
    title,
    published: metadata.published,
    source: metadata.source ?? collapsedOrNull(parsed?.siteName),
    url: metadata.url,
    language: metadata.language,
    paragraphs,
  };
}

/** Reads an HTML page into a draft: the text is the headline, a blank line, then the paragraphs. */
export function readHtml(origin: string, html: string, original: Uint8Array, id: string | null): DocumentDraft {
  if (!HTML_TAG_RE.test(html)) throw new BadInputError(origin, 'not HTML: no HTML tags found');
  const article = extractHtmlArticle(origin, html);
  return {
    id,
    title: article.title,
    text: articleText(article.title, article.paragraphs),
    published: article.published,
    source: article.source,
    url: article.url,
    language: article.language,
    original,
    mediaType: 'text/html',
    origin,
  };
}

/** Headline, blank line, paragraphs separated by blank lines: the layout every markup reader produces. */
export function articleText(title: string | null, paragraphs: string[]): string {
  return (title === null ? paragraphs : [title, ...paragraphs]).join('\n\n');
}

function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

function collapsedOrNull(value: string | null | undefined): string | null {
  const collapsed = value ? collapseWhitespace(value) : '';
  return collapsed === '' ? null : collapsed;
}
