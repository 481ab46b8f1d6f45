/**
 * Step 3a: paints codes with the CSS Custom Highlight API. There is one `Highlight` per verdict
 * kind in a document's `CSS.highlights`, shared by every scanner of that document (two
 * `CreditLens.scan()` containers, or the widget and the extension on one page): a painter looks
 * the named highlight up before creating it, adds and removes only its own ranges, and on abort
 * takes out only its own, dropping a highlight from the registry only once it is empty. A code's
 * range moves between highlights when its verdict changes. Ranges point into the page's own text
 * nodes; the DOM is never changed. Where the API is missing, `supported` is false and the overlay
 * draws outlines instead.
 *
 * Only ranges near the viewport stay in the registry. Chromium rebuilds the markers of every
 * range in every highlight whenever the page's DOM or style changes (a row added, a clock that
 * ticks), so a page of 5,000 painted codes paid for all 5,000 on each change. An
 * IntersectionObserver tells which elements holding codes lie more than a viewport away; their
 * ranges leave the registry (their verdicts stay here) and come back before they are scrolled
 * into view. The first elements' ranges are painted at once, later ones once the observer
 * reports them near; an element without a box (`display: contents`) is never held back.
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
  /** True while the ranges in `element` are kept out of the registry (far from the viewport). */
  holdsBack(element: Element): boolean;
}

export interface HighlightPainterOptions {
  /** Runs once, before the first range is added (see `createHighlightPainter`). */
  beforeFirstPaint?: () => void;
  /** Ranges held back came near the viewport and are in the registry again. */
  onShown?: () => void;
}

// Codes in the first elements painted are shown at once, before the observer answers (a page's
// first codes are near its top); past them, an element's codes wait for it to report them near.
const EAGER_ELEMENTS = 200;

/**
 * Paints into the shared highlights of `view.CSS.highlights`; takes its ranges out when `signal` aborts.
 * `beforeFirstPaint` runs once, before the first range is added: the highlight styles are adopted
 * then, so a page without a code never has its style recalculated for them, and a page with codes
 * has it once, before any range exists.
 */
export function createHighlightPainter(view: Window & typeof globalThis, signal: AbortSignal, options: HighlightPainterOptions = {}): HighlightPainter {
  const beforeFirstPaint = options.beforeFirstPaint;
  const registry = view.CSS?.highlights;
  const HighlightCtor = (view as { Highlight?: typeof Highlight }).Highlight;
  const ours = new Map<AbstractRange, VerdictLook>();
  const flagged = new Set<AbstractRange>();
  if (!registry || typeof HighlightCtor !== 'function') {
    return {
      supported: false,
      paint: (range, kind) => ours.set(range, kind),
      flagSuspect: () => undefined,
      erase: (range) => ours.delete(range),
      holdsBack: () => false,
    };
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

  // Which ranges each element holds, and the elements the observer has seen far from the viewport.
  // A range's element is the one it was first painted in (a live range moves when the page edits its text).
  const rangesIn = new Map<Element, Set<AbstractRange>>();
  const elementOfRange = new Map<AbstractRange, Element>();
  const far = new Set<Element>();
  const elementOf = (range: AbstractRange): Element | null => {
    const node = range.startContainer;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  };
  const isOut = (range: AbstractRange): boolean => {
    const element = elementOfRange.get(range);
    return element !== undefined && far.has(element);
  };
  const show = (range: AbstractRange): void => {
    const kind = ours.get(range);
    if (kind) shared(highlightName(kind)).add(range);
    if (flagged.has(range)) shared(SUSPECT_HIGHLIGHT).add(range);
  };
  const hide = (range: AbstractRange): void => {
    const kind = ours.get(range);
    if (kind) remove(range, highlightName(kind));
    if (flagged.has(range)) remove(range, SUSPECT_HIGHLIGHT);
  };
  const Observer = view.IntersectionObserver;
  const observer =
    typeof Observer === 'function'
      ? new Observer(
          (entries) => {
            if (signal.aborted) return;
            let shown = false;
            for (const entry of entries) {
              const element = entry.target;
              const ranges = rangesIn.get(element);
              if (!ranges) continue;
              const box = entry.boundingClientRect;
              const away = !entry.isIntersecting && !!box && (box.width > 0 || box.height > 0);
              if (away === far.has(element)) continue;
              if (away) far.add(element);
              else far.delete(element);
              for (const range of ranges) (away ? hide : show)(range);
              shown ||= !away;
            }
            if (shown) options.onShown?.();
          },
          // scrollMargin (Chromium 120+, ignored elsewhere): a code in a scroll box is painted before it is scrolled into the box too.
          { rootMargin: '100% 100% 100% 100%', scrollMargin: '100% 100% 100% 100%' } as IntersectionObserverInit,
        )
      : null;
  function track(range: AbstractRange): void {
    const element = observer && elementOf(range);
    if (!element) return;
    elementOfRange.set(range, element);
    const ranges = rangesIn.get(element);
    if (ranges) ranges.add(range);
    else {
      if (rangesIn.size >= EAGER_ELEMENTS) far.add(element);
      rangesIn.set(element, new Set([range]));
      observer.observe(element);
    }
  }
  function untrack(range: AbstractRange): void {
    const element = elementOfRange.get(range);
    elementOfRange.delete(range);
    const ranges = element && rangesIn.get(element);
    if (!ranges || !ranges.delete(range) || ranges.size > 0) return;
    rangesIn.delete(element);
    far.delete(element);
    observer?.unobserve(element);
  }

  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      for (const [range, kind] of ours) remove(range, highlightName(kind));
      for (const range of flagged) remove(range, SUSPECT_HIGHLIGHT);
      ours.clear();
      flagged.clear();
      rangesIn.clear();
      elementOfRange.clear();
      far.clear();
    },
    { once: true },
  );
  return {
    supported: true,
    paint(range, kind) {
      const before = ours.get(range);
      if (before === kind) return;
      if (!before) track(range);
      const out = isOut(range);
      if (before && !out) remove(range, highlightName(before));
      ours.set(range, kind);
      if (!out) shared(highlightName(kind)).add(range);
    },
    flagSuspect(range, on) {
      if (on === flagged.has(range)) return;
      if (on) {
        if (!isOut(range)) shared(SUSPECT_HIGHLIGHT).add(range);
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
      if (before) untrack(range);
    },
    holdsBack: (element) => far.has(element),
  };
}
