import { locateCodes } from '../../core/scan/locate-codes.ts';

/**
 * Where each code sits inside root, for `findAdjacentName`, in one walk for all of them: a
 * `<credit-status>` for it, else the first text of the page that holds it, read as the scanner
 * reads it (also split across inline elements, or written with separators) as a Range, else a
 * form field whose value holds it. Codes found nowhere are missing from the map.
 */
export function locateCodePlaces(root: Document | Element, codes: Iterable<string>): Map<string, Element | Range> {
  const wanted = new Set(codes);
  const found = new Map<string, Element | Range>();
  for (const el of root.querySelectorAll('credit-status')) {
    const code = (el.getAttribute('code') ?? '').trim().toUpperCase();
    if (wanted.has(code) && !found.has(code)) found.set(code, el);
  }
  const rest = new Set([...wanted].filter((code) => !found.has(code)));
  if (rest.size === 0) return found;
  for (const [code, places] of locateCodes(root, rest)) if (places[0]) found.set(code, places[0]);
  return found;
}
