/**
 * Step 1b: the form fields where staff type codes. Their values are not text nodes, and we never
 * change them; the scanner reads `value` and draws a marker beside the field. Password and hidden
 * inputs are never read.
 */
import { isInsideSkipped } from './find-text-nodes.ts';

export type CodeField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_TYPES = new Set(['', 'text', 'search', 'tel', 'url']);

/** True for a field whose value may hold a code we may read. */
export function isCodeField(node: unknown): node is CodeField {
  const el = node as Element | null;
  if (!el || el.nodeType !== 1) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  return TEXT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

/**
 * The readable fields in `scope` itself (not inside its shadow roots: the scanner calls this for
 * each shadow root that find-text-nodes reports).
 */
export function findFormFields(scope: Node): CodeField[] {
  const found: CodeField[] = [];
  if (isCodeField(scope)) found.push(scope);
  else if (scope.nodeType === 1 || scope.nodeType === 9 || scope.nodeType === 11) {
    for (const el of (scope as ParentNode).querySelectorAll('input, textarea')) if (isCodeField(el)) found.push(el);
  }
  return found.filter((field) => !field.parentNode || !isInsideSkipped(field.parentNode));
}
