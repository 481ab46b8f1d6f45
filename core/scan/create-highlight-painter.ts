/**
 * Step 3a: paints codes with the CSS Custom Highlight API. There is one `Highlight` per verdict
 * kind in a document's `CSS.highlights`, shared by every scanner of that document (two
 * `CreditLens.scan()` containers, or the widget and the extension on one page): a painter looks
 * the named highlight up before creating it, adds and removes only its own ranges, and on abort
 * takes out only its own, dropping a highlight from the registry only once it is empty. A code's
 * range moves between highlights when its verdict changes. Ranges point into the page's own text
 * nodes; the DOM is never changed. Where the API is missing, `supported` is false and the overlay
 * draws outlines instead.
 */
import { highlightName, SUSPECT_HIGHLIGHT } from './highlight-names.ts';
import type { VerdictLook } from '../verdict/verdict-palette.ts';

export interface HighlightPainter {
  readonly supported: boolean;
  /** Shows `range` as `kind`, moving it from its previous kind. */
  paint(range: AbstractRange, kind: VerdictLook): void;
  /** Adds or removes the suspect-code flag (`creditlens-suspect`) over `range`. */
  flagSuspect(range: AbstractRange, on: boolean): void;
  /** Removes `range` from its kind and from the flag. */
  erase(range: AbstractRange): void;
}

/**
 * Paints into the shared highlights of `view.CSS.highlights`; takes its ranges out when `signal` aborts.
 * `beforeFirstPaint` runs once, before the first range is added: the highlight styles are adopted
 * then, so a page without a code never has its style recalculated for them, and a page with codes
 * has it once, before any range exists.
 */
export function createHighlightPainter(view: Window & typeof globalThis, signal: AbortSignal, beforeFirstPaint?: () => void): HighlightPainter {
  const registry = view.CSS?.highlights;
  const HighlightCtor = (view as { Highlight?: typeof Highlight }).Highlight;
  const ours = new Map<AbstractRange, VerdictLook>();
  const flagged = new Set<AbstractRange>();
  if (!registry || typeof HighlightCtor !== 'function') {
    return { supported: false, paint: (range, kind) => ours.set(range, kind), flagSuspect: () => undefined, erase: (range) => ours.delete(range) };
  }
  // Looked up on every use: another scanner may have dropped an emptied highlight, or registered
  // it first (in another JavaScript world, such as the page's own beside our content script).
  let first = beforeFirstPaint;
  const shared = (name: string): Highlight => {
    if (first) {
      first();
      first = undefined;
    }
    let highlight = registry.get(name);
    if (!highlight) {
      highlight = new HighlightCtor();
      registry.set(name, highlight);
    }
    return highlight;
  };
  const remove = (range: AbstractRange, name: string): void => {
    const highlight = registry.get(name);
    if (!highlight) return;
    highlight.delete(range);
    if (highlight.size === 0) registry.delete(name);
  };
  signal.addEventListener(
    'abort',
    () => {
      for (const [range, kind] of ours) remove(range, highlightName(kind));
      for (const range of flagged) remove(range, SUSPECT_HIGHLIGHT);
      ours.clear();
      flagged.clear();
    },
    { once: true },
  );
  return {
    supported: true,
    paint(range, kind) {
      const before = ours.get(range);
      if (before === kind) return;
      if (before) remove(range, highlightName(before));
      shared(highlightName(kind)).add(range);
      ours.set(range, kind);
    },
    flagSuspect(range, on) {
      if (on === flagged.has(range)) return;
      if (on) {
        shared(SUSPECT_HIGHLIGHT).add(range);
        flagged.add(range);
      } else {
        remove(range, SUSPECT_HIGHLIGHT);
        flagged.delete(range);
      }
    },
    erase(range) {
      const before = ours.get(range);
      if (before) remove(range, highlightName(before));
      ours.delete(range);
      if (flagged.delete(range)) remove(range, SUSPECT_HIGHLIGHT);
    },
  };
}
