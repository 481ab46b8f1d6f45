/**
 * Where a code sits inside root, for `findAdjacentName`: a `<credit-status>` for it, else the
 * first text of the page that contains it (as a Range), else a form field whose value holds it.
 */
export function locateCode(root: Document | Element, code: string): Element | Range | null {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  for (const el of root.querySelectorAll('credit-status')) {
    if ((el.getAttribute('code') ?? '').trim().toUpperCase() === code) return el;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    const i = text.toUpperCase().indexOf(code);
    if (i < 0) continue;
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'TEXTAREA') continue;
    const range = doc.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + code.length);
    return range;
  }
  for (const field of root.querySelectorAll('input,textarea')) {
    if (((field as HTMLInputElement).value ?? '').toUpperCase().includes(code)) return field;
  }
  return null;
}
