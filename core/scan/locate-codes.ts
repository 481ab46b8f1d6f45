/**
 * Where each code sits on the page, for `findAdjacentName` and for the mismatch flags: every
 * occurrence in readable text (as a Range, found the way the scanner finds it) and every form
 * field whose value holds it. One walk answers all codes at once.
 */
import { findFormFields } from './find-form-fields.ts';
import { findTextRuns } from './find-text-runs.ts';
import { matchCodes } from './match-codes.ts';
import { matchTextRun } from './match-text-run.ts';

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
  // Runs, as the scanner reads them: a code split across inline elements is one place.
  const visit = (run: readonly Text[], length: number): void => {
    if (length < 18) return;
    for (const at of matchTextRun(run)) {
      if (!codes.has(at.match.code)) continue;
      const range = doc.createRange();
      range.setStart(at.node, at.start);
      range.setEnd(at.endNode, at.end);
      add(at.match.code, range);
    }
  };
  findTextRuns(root, visit, (shadow) => {
    for (const field of findFormFields(shadow)) visitField(field);
  });
  function visitField(field: HTMLInputElement | HTMLTextAreaElement): void {
    const m = matchCodes(field.value.slice(0, 4000))[0];
    if (m && codes.has(m.code)) add(m.code, field);
  }
  for (const field of findFormFields(root)) visitField(field);
  return places;
}
