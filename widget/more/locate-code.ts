import { findTextRuns } from '../../core/scan/find-text-runs.ts';
import { matchTextRun } from '../../core/scan/match-text-run.ts';

/**
 * Where a code sits inside root, for `findAdjacentName`: a `<credit-status>` for it, else the
 * first text of the page that holds it, read as the scanner reads it (also split across inline
 * elements, or written with separators) as a Range, else a form field whose value holds it.
 */
export function locateCode(root: Document | Element, code: string): Element | Range | null {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  for (const el of root.querySelectorAll('credit-status')) {
    if ((el.getAttribute('code') ?? '').trim().toUpperCase() === code) return el;
  }
  let found: Range | null = null;
  const stop = new AbortController();
  findTextRuns(
    root,
    (run, length) => {
      if (found || length < code.length) return;
      const at = matchTextRun(run).find((o) => o.match.code === code);
      if (!at) return;
      found = doc.createRange();
      found.setStart(at.node, at.start);
      found.setEnd(at.endNode, at.end);
      stop.abort();
    },
    undefined,
    stop.signal,
  );
  if (found) return found;
  for (const field of root.querySelectorAll('input,textarea')) {
    if (((field as HTMLInputElement).value ?? '').toUpperCase().includes(code)) return field;
  }
  return null;
}
