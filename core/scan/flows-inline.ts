/**
 * Pages split a code across elements without meaning to: a search hit wrapped in `<em>`, a bold
 * prefix, one `<span>` per group of characters. Two text nodes read as one piece of text when
 * the browser lays them out in the same line flow, so only inline elements may lie between them;
 * a block edge, a table cell, a line break, a field, an image, hidden content or text we do not
 * read (script, style, our overlay) separates them.
 */
import { isSkippedElement } from './find-text-nodes.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

// Elements that never continue a line of text, by their default rendering: blocks, table parts,
// line breaks, replaced elements and form controls. Judged by name first, so the common table
// cell boundary never needs a computed style.
const BREAKS = new Set([
  'address',
  'article',
  'aside',
  'audio',
  'blockquote',
  'body',
  'br',
  'button',
  'canvas',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'embed',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'input',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'meter',
  'nav',
  'ol',
  'optgroup',
  'option',
  'output',
  'p',
  'picture',
  'plaintext',
  'pre',
  'progress',
  'rp',
  'rt',
  'search',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'video',
  'xmp',
]);

// What lies between two text nodes is a few empty or inline elements; anything longer is not one line.
const MAX_STEPS = 32;

/**
 * True when an element's content flows in its parent's line: display `inline` or `contents`, not
 * hidden. Where there is no style engine (computed display empty), an element not known to break
 * the line counts as inline, as unknown elements are by default.
 */
export function isInlineElement(element: Element): boolean {
  if (element.namespaceURI !== HTML_NS || BREAKS.has(element.localName) || isSkippedElement(element)) return false;
  if ((element as HTMLElement).hidden) return false;
  const view = element.ownerDocument.defaultView;
  const display = view ? view.getComputedStyle(element).display : '';
  return display === 'inline' || display === 'contents' || display === '';
}

/**
 * True when text node `b`, which follows `a` in the same tree, continues `a`'s line: every
 * element left after `a` or entered before `b` is inline, and nothing else lies between them (an
 * element that breaks the line, or text that is not read). Empty text nodes and comments do not
 * count. False across shadow roots.
 */
export function flowsInline(a: Text, b: Text): boolean {
  let node: Node = a;
  let descend = false;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    let next: Node | null = descend ? node.firstChild : null;
    if (!next) {
      // Leave `node` and every ancestor it ends: their end edges lie between a and b.
      while (!node.nextSibling) {
        const parent: Node | null = node.parentNode;
        if (!parent || parent.nodeType !== 1 || !isInlineElement(parent as Element)) return false;
        node = parent;
      }
      next = node.nextSibling!;
    }
    node = next;
    if (node === b) return true;
    if (node.nodeType === 1) {
      if (!isInlineElement(node as Element)) return false;
      descend = true;
    } else {
      if (node.nodeType === 3 && (node as Text).length > 0) return false;
      descend = false;
    }
  }
  return false;
}
