/**
 * Where each code sits on the page, for `findAdjacentName` and for the mismatch flags: every
 * occurrence in readable text (as a Range, found the way the scanner finds it) and every form
 * field whose value holds it. One walk answers all codes at once.
 */
import { findFormFields } from '../../core/scan/find-form-fields.ts';
import { findTextNodes } from '../../core/scan/find-text-nodes.ts';
import { matchCodes } from '../../core/scan/match-codes.ts';

export type CodePlace = Range | HTMLInputElement | HTMLTextAreaElement;

/** Places of `codes` under `root` (codes not found are missing from the map). */
export function locateCodes(root: Document | Element, codes: ReadonlySet<string>): Map<string, CodePlace[]> {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const places = new Map<string, CodePlace[]>();
  const add = (code: string, place: CodePlace): void => {
    const list = places.get(code);
    if (list) list.push(place);
    else places.set(code, [place]);
  };
  const visit = (node: Text): void => {
    if (node.data.length < 18) return;
    for (const m of matchCodes(node.data)) {
      if (!codes.has(m.code)) continue;
      const range = doc.createRange();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      add(m.code, range);
    }
  };
  findTextNodes(root, visit, (shadow) => {
    for (const field of findFormFields(shadow)) visitField(field);
  });
  function visitField(field: HTMLInputElement | HTMLTextAreaElement): void {
    const m = matchCodes(field.value.slice(0, 4000))[0];
    if (m && codes.has(m.code)) add(m.code, field);
  }
  for (const field of findFormFields(root)) visitField(field);
  return places;
}
