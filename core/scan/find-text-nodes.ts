/**
 * Step 1 of the scan: visit every text node a person can read, in the root and in every open
 * shadow root below it, without touching the DOM. Code, styles, templates, form fields (their
 * values are handled by find-form-fields.ts) and our own overlay are skipped. Editable regions
 * are scanned: highlights never change the DOM, so they cannot disturb an editor.
 */
import { OVERLAY_TAG } from './highlight-names.ts';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'IFRAME', 'FRAME', 'OBJECT', 'SVG', 'CANVAS', 'HEAD']);
const SKIPPED_TAG = OVERLAY_TAG.toUpperCase();

/** True when no text under `element` should be scanned. */
export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return SKIPPED.has(tag) || tag === SKIPPED_TAG;
}

/** True when `node` sits inside a skipped element (script, style, our overlay…), crossing shadow roots. */
export function isInsideSkipped(node: Node): boolean {
  for (let n: Node | null = node; n;) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return false;
}

/**
 * Calls `visitText` for each readable text node under `root` and `visitShadow` for each open
 * shadow root found (so the caller can watch it), the root's own text first and then each shadow
 * root's. Stops early when `signal` aborts.
 *
 * One native walk over elements and text, without a JS filter (a filter callback per node costs
 * ten times the walk): an element is judged once, on the way down, and a skipped one is stepped
 * over with everything inside it, so a text node needs no test of its own. (Two walks — text
 * nodes, each checked against its parent and grandparent, then every element for shadow roots —
 * cost the extension about three times a plain TreeWalker pass on a page without a code.)
 */
export function findTextNodes(
  root: Node,
  visitText: (node: Text) => void,
  visitShadow: (shadow: ShadowRoot) => void = () => undefined,
  signal?: AbortSignal,
): void {
  if (root.nodeType === 3) {
    if (!isInsideSkipped(root)) visitText(root as Text);
    return;
  }
  if (root.nodeType === 1 && isInsideSkipped(root)) return;
  const doc = root.ownerDocument ?? (root as Document);
  const shadows: ShadowRoot[] = [];
  if (root.nodeType === 1 && (root as Element).shadowRoot) shadows.push((root as Element).shadowRoot!);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      visitText(node as Text);
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    if (isSkippedElement(element) || element.namespaceURI === SVG_NS) {
      node = nextOutside(walker);
      continue;
    }
    const shadow = element.shadowRoot;
    if (shadow) shadows.push(shadow);
    node = walker.nextNode();
  }
  for (const shadow of shadows) {
    if (signal?.aborted) return;
    visitShadow(shadow);
    findTextNodes(shadow, visitText, visitShadow, signal);
  }
}

/** The walker's next node after its current node's subtree (null at the end of the walk's root). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
