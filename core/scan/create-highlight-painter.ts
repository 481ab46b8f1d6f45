/**
 * Step 3a: paints codes with the CSS Custom Highlight API. One `Highlight` per verdict kind is
 * registered in `CSS.highlights`; a code's Range moves between them when its verdict changes.
 * Ranges point into the page's own text nodes; the DOM is never changed. Where the API is
 * missing, `supported` is false and the overlay draws outlines instead.
 */
import { highlightName, VERDICT_KINDS } from './highlight-names.ts';
import type { VerdictKind } from '../verdict/verdict-types.ts';

export interface HighlightPainter {
  readonly supported: boolean;
  /** Shows `range` as `kind`, moving it from its previous kind. */
  paint(range: AbstractRange, kind: VerdictKind): void;
  erase(range: AbstractRange): void;
}

/** Registers our highlights in `view.CSS.highlights`; unregisters them when `signal` aborts. */
export function createHighlightPainter(view: Window & typeof globalThis, signal: AbortSignal): HighlightPainter {
  const registry = view.CSS?.highlights;
  const HighlightCtor = (view as { Highlight?: typeof Highlight }).Highlight;
  const kindOf = new WeakMap<AbstractRange, VerdictKind>();
  if (!registry || typeof HighlightCtor !== 'function') {
    return { supported: false, paint: (range, kind) => kindOf.set(range, kind), erase: () => undefined };
  }
  const highlights = new Map<VerdictKind, Highlight>();
  for (const kind of VERDICT_KINDS) {
    const highlight = new HighlightCtor();
    highlights.set(kind, highlight);
    registry.set(highlightName(kind), highlight);
  }
  signal.addEventListener('abort', () => {
    for (const kind of VERDICT_KINDS) {
      if (registry.get(highlightName(kind)) === highlights.get(kind)) registry.delete(highlightName(kind));
    }
  }, { once: true });
  return {
    supported: true,
    paint(range, kind) {
      const before = kindOf.get(range);
      if (before === kind) return;
      if (before) highlights.get(before)?.delete(range);
      highlights.get(kind)?.add(range);
      kindOf.set(range, kind);
    },
    erase(range) {
      const before = kindOf.get(range);
      if (before) highlights.get(before)?.delete(range);
      kindOf.delete(range);
    },
  };
}
