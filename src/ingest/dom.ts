import { parseHTML } from 'linkedom';

// The project compiles without the DOM library, so linkedom's types resolve to `any`; these are the
// few members the readers use, checked structurally.

/** A DOM node as linkedom builds it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

/** A DOM element. */
export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

/** A parsed HTML document. */
export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/** Parses HTML (a page or a fragment) into a document with linkedom; the result always has a body. */
export function parseHtmlDocument(html: string): DomDocument {
  // linkedom treats input without a real <html> element as a fragment and leaves no document element;
  // such input is wrapped in a page (a `<html` inside a comment or text does not count).
  if (/<html[\s>]/i.test(html)) {
    const document = parse(html);
    if (hasBody(document)) return document;
  }
  return parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

function parse(html: string): DomDocument {
  const { document } = parseHTML(html) as { document: DomDocument };
  return document;
}

function hasBody(document: DomDocument): boolean {
  // linkedom calls the first element the document element, whatever it is; its `body` getter then
  // adds <head> and <body> to it, which is only right for <html>.
  return document.documentElement?.localName.toLowerCase() === 'html' && document.body !== null;
}

/** True for element nodes, narrowing the type. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Counts the elements under `root`, stopping once `limit` is passed (returns limit + 1 then). */
export function countElements(root: DomNode, limit: number): number {
  let count = 0;
  const stack: DomNode[] = [root];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node)) count++;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && isElement(child)) stack.push(child);
    }
  }
  return Math.min(count, limit + 1);
}
