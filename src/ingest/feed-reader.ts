import { XMLParser } from 'fast-xml-parser';
import { BadInputError } from '../errors.js';
import { oneLineMessage } from './decode-bytes.js';
import { absoluteUrl, blankToNull, fileStem, primaryLanguage, slugify, type DocumentDraft } from './document-builder.js';
import { articleText } from './html-reader.js';
import { collapseWhitespace, htmlToParagraphs, plainToParagraphs } from './html-to-text.js';
import { normalizeDate } from './normalize-date.js';

/** Drafts read from a feed, and the items that could not be read. */
export interface FeedResult {
  drafts: DocumentDraft[];
  errors: BadInputError[];
}

type Node = Record<string | symbol, unknown>;
type Flavor = 'rss' | 'rdf' | 'atom';

interface NodeMeta {
  startIndex?: number;
  endIndex?: number;
}

// The library types the key as `Symbol`; it is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#8217;) and HTML's named entities are common in real feeds.
  htmlEntities: true,
  captureMetaData: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'atom:link',
});

const MEDIA_TYPES: Record<Flavor, string> = {
  rss: 'application/rss+xml',
  rdf: 'application/rdf+xml',
  atom: 'application/atom+xml',
};

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed: one draft per item or entry, its `original` the item's
 * own XML. A feed that is not one, or has no items, throws BadInputError; a bad item is one error.
 */
export function readFeed(origin: string, xml: string): FeedResult {
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw new BadInputError(origin, `not well-formed XML (${oneLineMessage(error)})`);
  }
  const feed = findFeed(root, xml);
  if (feed === null) {
    const name = Object.keys(root).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('!'));
    throw new BadInputError(origin, `not an RSS or Atom feed (${name ? `root element <${name}>` : 'no XML elements'})`);
  }
  if (feed.items.length === 0) throw new BadInputError(origin, 'feed has no items');
  const stem = fileStem(origin);
  const drafts: DocumentDraft[] = [];
  const errors: BadInputError[] = [];
  const seenIds = new Set<string>();
  feed.items.forEach((item, index) => {
    const n = index + 1;
    const itemOrigin = `${origin}#item-${n}`;
    try {
      const draft = readItem(itemOrigin, xml, item, feed);
      // Ids from guids are stable across downloads of the feed; the item number is the fallback.
      let id = draft.id;
      if (id === null || seenIds.has(id)) id = stem === null ? null : `${stem}-${n}`;
      if (id !== null) seenIds.add(id);
      drafts.push({ ...draft, id });
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      errors.push(error);
    }
  });
  return { drafts, errors };
}

interface Feed {
  flavor: Flavor;
  items: unknown[];
  title: string | null;
  language: string | null;
}

function findFeed(root: Node, xml: string): Feed | null {
  const rss = asNode(root['rss']);
  if (rss) {
    const channel = asNode(first(rss['channel']));
    return {
      flavor: 'rss',
      items: asArray(channel?.['item'] ?? rss['item']),
      title: textOf(channel?.['title']),
      language: primaryLanguage(textOf(channel?.['language'])),
    };
  }
  const rdf = asNode(root['rdf:RDF']);
  if (rdf) {
    const channel = asNode(first(rdf['channel']));
    return {
      flavor: 'rdf',
      items: asArray(rdf['item']),
      title: textOf(channel?.['title']),
      language: primaryLanguage(textOf(channel?.['dc:language'])),
    };
  }
  const atom = asNode(root['feed']);
  if (atom) {
    return {
      flavor: 'atom',
      items: asArray(atom['entry']),
      title: atomText(atom['title'], xml),
      language: primaryLanguage(textOf(atom['@_xml:lang'])),
    };
  }
  return null;
}

function readItem(origin: string, xml: string, value: unknown, feed: Feed): DocumentDraft {
  const item = asNode(value);
  const meta = item ? (item[META] as NodeMeta | undefined) : undefined;
  if (!item || meta?.startIndex === undefined || meta.endIndex === undefined) {
    throw new BadInputError(origin, 'item has no elements or is not closed');
  }
  const raw = xml.slice(meta.startIndex, meta.endIndex);
  const fields = feed.flavor === 'atom' ? atomFields(item, xml) : rssFields(item);
  const title = fields.title === null ? null : collapseWhitespace(fields.title) || null;
  if (title === null && fields.paragraphs.length === 0) throw new BadInputError(origin, 'item has no title or text');
  const body = title !== null && fields.paragraphs[0] === title ? fields.paragraphs.slice(1) : fields.paragraphs;
  return {
    id: fields.guid === null ? null : slugify(fields.guid.replace(/^[a-z][a-z0-9+.-]*:\/\/(?:www\.)?/i, '')) || null,
    title,
    text: articleText(title, body),
    published: fields.published,
    source: fields.source ?? feed.title,
    url: fields.url,
    language: feed.language,
    original: new TextEncoder().encode(raw),
    mediaType: MEDIA_TYPES[feed.flavor],
    origin,
  };
}

interface ItemFields {
  title: string | null;
  paragraphs: string[];
  published: string | null;
  url: string | null;
  guid: string | null;
  source: string | null;
}

function rssFields(item: Node): ItemFields {
  const title = textOf(item['title']);
  const body = textOf(item['content:encoded']) ?? textOf(item['description']);
  const link = asArray(item['link']).map(textOf).find((l) => l !== null) ?? null;
  const guid = textOf(item['guid']) ?? textOf(item['@_rdf:about']);
  const guidIsLink = textOf(asNode(item['guid'])?.['@_isPermaLink']) !== 'false';
  return {
    // Titles in RSS are plain text, but some feeds escape markup or entities into them.
    title: title !== null && /[<&]/.test(title) ? htmlToParagraphs(title).join(' ') : title,
    paragraphs: body === null ? [] : htmlToParagraphs(body),
    published: dateOf(item['pubDate'], item['dc:date']),
    url: absoluteUrl(link) ?? (guidIsLink ? absoluteUrl(guid) : null),
    guid,
    source: textOf(item['source']),
  };
}

function atomFields(item: Node, xml: string): ItemFields {
  // Content given by reference (`src`) or left empty leaves the summary to read.
  const content = atomParagraphs(item['content'], xml);
  const links = asArray(item['link']).map(asNode).filter((l): l is Node => l !== null);
  const alternate = links.find((l) => (textOf(l['@_rel']) ?? 'alternate') === 'alternate') ?? links[0];
  return {
    title: atomText(item['title'], xml),
    paragraphs: content.length > 0 ? content : atomParagraphs(item['summary'], xml),
    published: dateOf(item['published'], item['updated']),
    url: absoluteUrl(textOf(alternate?.['@_href'])),
    guid: textOf(item['id']),
    source: atomText(asNode(item['source'])?.['title'], xml),
  };
}

/** An Atom text construct (type text, html or xhtml) as paragraphs. */
function atomParagraphs(value: unknown, xml: string): string[] {
  const node = asNode(value);
  const type = (textOf(node?.['@_type']) ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    // The XHTML is parsed into elements; its markup is taken back from the source instead.
    const meta = node?.[META] as NodeMeta | undefined;
    if (meta?.startIndex === undefined || meta.endIndex === undefined) return [];
    const element = xml.slice(meta.startIndex, meta.endIndex);
    return htmlToParagraphs(element.slice(element.indexOf('>') + 1, element.lastIndexOf('</')));
  }
  const text = textOf(value);
  if (text === null) return [];
  if (type === 'html' || type === 'text/html') return htmlToParagraphs(text);
  return plainToParagraphs(text);
}

function atomText(value: unknown, xml: string): string | null {
  return blankToNull(atomParagraphs(value, xml).join(' '));
}

function dateOf(...values: unknown[]): string | null {
  for (const value of values) {
    const text = textOf(value);
    const date = text === null ? null : normalizeDate(text);
    if (date !== null) return date;
  }
  return null;
}

/** The text of an element: a string, or the `#text` of an element with attributes; first of repeats. */
function textOf(value: unknown): string | null {
  const v = first(value);
  if (typeof v === 'string') return blankToNull(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const node = asNode(v);
  return node ? textOf(node['#text']) : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function asNode(value: unknown): Node | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null;
}
