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
  for (let n: Node | null = node; n; ) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return false;
}

/**
 * Calls `visitText` for each readable text node under `root` and `visitShadow` for each open
 * shadow root found (so the caller can watch it). Stops early when `signal` aborts.
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
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeType === 1 && isSkippedElement(node as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  const shadows: ShadowRoot[] = [];
  if (root.nodeType === 1 && (root as Element).shadowRoot) shadows.push((root as Element).shadowRoot!);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      visitText(node as Text);
    } else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) shadows.push(shadow);
    }
  }
  for (const shadow of shadows) {
    if (signal?.aborted) return;
    visitShadow(shadow);
    findTextNodes(shadow, visitText, visitShadow, signal);
  }
}
