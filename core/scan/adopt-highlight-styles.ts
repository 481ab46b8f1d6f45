/**
 * Default looks of our highlights, adopted by the document as a constructable stylesheet. Every
 * rule targets `::highlight(creditlens-…)` only, so nothing reaches the page's own elements.
 * Looks come from the one palette (core/verdict/verdict-palette.ts) and differ by line as well as
 * colour (double, solid, dashed, dotted, wavy, over or under), so they are told apart without
 * colour vision; the overlay adds text and symbols.
 */
import { highlightName, SUSPECT_HIGHLIGHT } from './highlight-names.ts';
import { markDecoration, SUSPECT_SWATCH, VERDICT_PALETTE, type VerdictLook } from '../verdict/verdict-palette.ts';

/** A look's highlight rule body, from the one palette: tint, text colour on it, and its line. */
function look(kind: VerdictLook): string {
  const { mark } = VERDICT_PALETTE[kind];
  return `background-color: ${mark.tint}; color: ${mark.text}; text-decoration: ${markDecoration(mark)};`;
}

/** The stylesheet text (also used by the overlay when constructable sheets are missing). */
export function highlightCss(): string {
  const kinds = (Object.keys(VERDICT_PALETTE) as VerdictLook[]).map((kind) => `::highlight(${highlightName(kind)}) { ${look(kind)} }`);
  // A wavy line above the code, so the verdict's own line below stays readable.
  return [...kinds, `::highlight(${SUSPECT_HIGHLIGHT}) { text-decoration: ${markDecoration(SUSPECT_SWATCH.mark)}; }`].join('\n');
}

/**
 * Adds the rules to `document.adoptedStyleSheets`; removes them when `signal` aborts. Adopted only
 * once a page has a code: while any `::highlight()` rule applies, Chromium styles every element's
 * highlights too, so a page without a code must not carry them (injected with the content script,
 * before the page's first element, they added about 250 ms to a 100k-node page without a code),
 * and a page with codes pays one restyle of its elements when they arrive (0.5 s at 100k nodes).
 */
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
