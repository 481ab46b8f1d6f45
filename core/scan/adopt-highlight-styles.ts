/**
 * Default looks of our highlights, adopted by the document as a constructable stylesheet. Every
 * rule targets `::highlight(creditlens-…)` only, so nothing reaches the page's own elements.
 * Kinds differ by decoration style as well as colour (double, solid, dashed, dotted, wavy), so
 * they are told apart without colour vision; the overlay adds text and symbols.
 */
import { highlightName, SUSPECT_HIGHLIGHT } from './highlight-names.ts';
import type { VerdictKind } from '../verdict/verdict-types.ts';

const LOOKS: Record<VerdictKind, string> = {
  black: 'background-color: rgba(20, 20, 20, 0.85); color: #fff; text-decoration: underline double #d00000 2px;',
  disputed: 'background-color: rgba(255, 196, 0, 0.35); text-decoration: underline dashed #8a5a00 2px;',
  red: 'background-color: rgba(220, 30, 40, 0.18); text-decoration: underline solid #c00018 2px;',
  watch: 'background-color: rgba(255, 140, 0, 0.25); text-decoration: underline dotted #a04800 2px;',
  clear: 'background-color: rgba(0, 140, 70, 0.14); text-decoration: underline solid #00703c 1px;',
  unknown: 'background-color: rgba(120, 120, 120, 0.25); text-decoration: underline wavy #555 1px;',
  invalid: 'background-color: rgba(150, 0, 160, 0.15); text-decoration: line-through wavy #80008a 1px;',
  pending: 'background-color: rgba(0, 90, 200, 0.10); text-decoration: underline dotted #2a5caa 1px;',
};

/** The stylesheet text (also used by the overlay when constructable sheets are missing). */
export function highlightCss(): string {
  const kinds = (Object.keys(LOOKS) as VerdictKind[]).map((kind) => `::highlight(${highlightName(kind)}) { ${LOOKS[kind]} }`);
  // A wavy line above the code, so the verdict's own line below stays readable.
  return [...kinds, `::highlight(${SUSPECT_HIGHLIGHT}) { text-decoration: overline wavy #80008a 1px; }`].join('\n');
}

/** Adds the rules to `document.adoptedStyleSheets`; removes them when `signal` aborts. */
export function adoptHighlightStyles(document: Document, signal: AbortSignal): void {
  const view = document.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return;
  let sheet: CSSStyleSheet;
  try {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(highlightCss());
  } catch {
    return;
  }
  // Prepend, so the page's own ::highlight(creditlens-*) rules (adopted or in <style>) win.
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  signal.addEventListener(
    'abort',
    () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    { once: true },
  );
}
