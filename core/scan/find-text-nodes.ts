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
 * shadow root found (so the caller can watch it). Stops early when `signal` aborts.
 *
 * Two native walks without a JS filter (a filter callback per node costs ten times the walk):
 * text nodes, checked against their parent's tag, then elements, only to find shadow roots.
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
  const texts = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let lastParent: Node | null = null;
  let lastSkipped = false;
  // Siblings share their ancestors (a table row's cells): the walk up is made once per grandparent.
  let lastGrandparent: Element | null | undefined;
  let lastGrandparentSkipped = false;
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      if (parent === null || parent.nodeType !== 1) lastSkipped = false;
      else if (isSkippedElement(parent as Element) || (parent as Element).namespaceURI === SVG_NS) lastSkipped = true;
      else {
        const grandparent = (parent as Element).parentElement;
        if (grandparent !== lastGrandparent) {
          lastGrandparent = grandparent;
          lastGrandparentSkipped = grandparent !== null && isSkippedOrUnder(grandparent);
        }
        lastSkipped = lastGrandparentSkipped;
      }
    }
    if (!lastSkipped) visitText(node as Text);
  }
  const shadows: ShadowRoot[] = [];
  if (root.nodeType === 1 && (root as Element).shadowRoot) shadows.push((root as Element).shadowRoot!);
  const elements = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  for (let el = elements.nextNode() as Element | null; el; el = elements.nextNode() as Element | null) {
    const shadow = el.shadowRoot;
    if (shadow && !isSkippedElement(el)) shadows.push(shadow);
  }
  for (const shadow of shadows) {
    if (signal?.aborted) return;
    visitShadow(shadow);
    findTextNodes(shadow, visitText, visitShadow, signal);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

// Text deeper inside a skipped element (`<noscript><p>…`, `<object><span>…`) is rare; checked
// only for parents the fast test passed, from their parent up, and cut short at the first block element.
function isSkippedOrUnder(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el.tagName === 'BODY' || el.tagName === 'TD' || el.tagName === 'DIV') return false;
  }
  return false;
}
