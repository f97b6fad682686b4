import {
  CDATA_SECTION_NODE,
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  isElement,
  parseHtmlDocument,
  TEXT_NODE,
  type DomNode,
} from './dom.js';

// Elements whose content is never report text (navigation menus included).
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'canvas', 'object', 'embed',
  'head', 'title', 'button', 'select', 'textarea', 'audio', 'video', 'picture', 'map', 'nav',
]);

// Elements that start and end a paragraph.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

// Table cells sit side by side: a space keeps their words apart.
const CELLS = new Set(['td', 'th']);

// Private-use markers for structure while walking; input code points in this range are dropped first.
const PARAGRAPH = '\uE000';
const LINE = '\uE001';

/**
 * The text of a DOM subtree as paragraphs: block elements break paragraphs, one `<br>` breaks a line,
 * two break a paragraph, whitespace inside a line collapses to one space. Scripts and styles are left out.
 */
export function nodeToParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  // Iterative walk: hostile input can nest deeper than the call stack allows.
  const stack: (DomNode | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE || item.nodeType === CDATA_SECTION_NODE) {
      out.push((item.textContent ?? '').replace(/[\uE000\uE001]/g, ''));
      continue;
    }
    if (!isElement(item) && item.nodeType !== DOCUMENT_NODE && item.nodeType !== DOCUMENT_FRAGMENT_NODE) continue;
    const name = isElement(item) ? item.localName.toLowerCase() : '';
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      out.push(LINE);
      continue;
    }
    const block = BLOCKS.has(name);
    const cell = CELLS.has(name);
    if (block) out.push(PARAGRAPH);
    if (cell) out.push(' ');
    // Children are pushed in reverse so they pop in document order, followed by the closing marker.
    if (block) stack.push(PARAGRAPH);
    if (cell) stack.push(' ');
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return splitParagraphs(out.join(''));
}

/** Parses an HTML fragment or page and returns its paragraphs (see `nodeToParagraphs`). */
export function htmlToParagraphs(html: string): string[] {
  return nodeToParagraphs(parseHtmlDocument(html));
}

/** Plain text (not markup) as paragraphs: blank lines separate them, other whitespace collapses. */
export function plainToParagraphs(text: string): string[] {
  return text
    .split(/\n[^\S\n]*\n/)
    .map(collapseWhitespace)
    .filter((p) => p !== '');
}

/** Collapses every run of whitespace (including no-break and other Unicode spaces) to one space; trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

function splitParagraphs(marked: string): string[] {
  const paragraphs: string[] = [];
  for (const block of marked.split(PARAGRAPH)) {
    let lines: string[] = [];
    for (const raw of block.split(LINE)) {
      const line = collapseWhitespace(stripControls(raw));
      if (line !== '') {
        lines.push(line);
      } else if (lines.length > 0) {
        // An empty line between lines (<br><br>) ends the paragraph.
        paragraphs.push(lines.join('\n'));
        lines = [];
      }
    }
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  return paragraphs;
}

// C0/C1 control characters other than whitespace carry nothing readable.
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}
