/**
 * Flags codes whose page name is not their registered name (三要素) where staff look: a
 * `creditlens-name-mismatch` highlight over the code (a wavy overline, beside the verdict's own
 * underline) and a "⚠ 名称与代码不符" tag after it, drawn in the scanner's overlay shadow root so
 * the page's DOM is untouched and the scanner ignores it. Tags follow scrolling and resizing.
 * The root is handed in: it is closed, so it cannot be found from the document.
 *
 * A tag is placed as a badge is (issue 14): on the code's own line, just after its end (after the
 * field's right edge for a form field, so it never lies over the text typed in it), never over
 * the row above; below the field when the viewport has no room on its right. The tags sit under
 * the detail card (before it in the root) and a tag the open card would cover is hidden.
 */
import { placeFlag } from './place-flag.ts';
import type { CodePlace } from '../../core/scan/locate-codes.ts';

export const MISMATCH_HIGHLIGHT = 'creditlens-name-mismatch';

const FLAG_CSS = `
.name-flags { position: absolute; inset: 0; overflow: hidden; pointer-events: none; }
.name-flag { position: fixed; white-space: nowrap; pointer-events: none;
  background: #fff4e5; color: #7a3300; border: 1px solid #e65100; border-radius: 3px; padding: 0 4px;
  font: bold 11px/16px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
.name-flag[hidden] { display: none; }
`;

/** The scanner's detail card: a direct child of the root (core/scan/create-overlay.ts). */
function cardOf(root: ShadowRoot): HTMLElement | null {
  return ([...root.children].find((c) => c.classList.contains('card')) as HTMLElement | undefined) ?? null;
}

export interface MismatchFlags {
  /** Flags exactly these codes' places (replacing what was flagged before). */
  set(flagged: Map<string, CodePlace[]>): void;
}

/** Creates the flags in `overlay` (the scanner's shadow root); everything is removed when `signal` aborts. */
export function createMismatchFlags(overlay: ShadowRoot, signal: AbortSignal, label = '⚠ 名称与代码不符'): MismatchFlags {
  const document = overlay.ownerDocument;
  const view = document.defaultView as (Window & typeof globalThis) | null;
  const highlights = (view as { CSS?: { highlights?: Map<string, unknown> } } | null)?.CSS?.highlights;
  const HighlightCtor = (view as { Highlight?: new (...ranges: Range[]) => { priority: number } } | null)?.Highlight;
  let flagged = new Map<string, CodePlace[]>();
  let box: HTMLElement | null = null;
  let frame = 0;

  // Adopted with the first flag, not up front: changing the document's sheets restyles the whole
  // page, which a page without a mismatch (nearly every page) should never pay for.
  let adopted = false;
  function adoptSheet(): void {
    if (adopted || !view || !('adoptedStyleSheets' in document) || typeof view.CSSStyleSheet !== 'function') return;
    adopted = true;
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(`::highlight(${MISMATCH_HIGHLIGHT}) { text-decoration: overline wavy #e65100 2px; }`);
      document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
      signal.addEventListener(
        'abort',
        () => {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        },
        { once: true },
      );
    } catch {
      // No constructable sheets: the tags alone flag the code.
    }
  }

  // Declared before `container` uses it for the card's observer.
  function schedule(): void {
    if (frame || signal.aborted || !view) return;
    frame = view.requestAnimationFrame(layout);
  }

  function container(): HTMLElement {
    if (box) return box;
    const style = document.createElement('style');
    style.textContent = FLAG_CSS;
    box = document.createElement('div');
    box.className = 'name-flags';
    // Before the card: the open card paints over the tags, never under them.
    const card = cardOf(overlay);
    if (card) {
      overlay.insertBefore(style, card);
      overlay.insertBefore(box, card);
      // A card opened, moved or closed: the tags it covers hide, and show again.
      new (view as Window & typeof globalThis).MutationObserver(schedule).observe(card, { attributes: true, attributeFilter: ['hidden', 'style'] });
    } else overlay.append(style, box);
    signal.addEventListener(
      'abort',
      () => {
        style.remove();
        box?.remove();
      },
      { once: true },
    );
    return box;
  }

  function layout(): void {
    frame = 0;
    if (signal.aborted || !view) return;
    const el = container();
    const card = cardOf(overlay);
    const cardBox = card && !card.hidden ? card.getBoundingClientRect() : null;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const placed: { tag: HTMLElement; r: DOMRect }[] = [];
    for (const [code, places] of flagged) {
      for (const place of places) {
        if ('startContainer' in place ? !place.startContainer.isConnected : !place.isConnected) continue;
        const r = place.getBoundingClientRect();
        if (r.width === 0 || r.bottom < 0 || r.top > viewport.height || r.right < 0 || r.left > viewport.width) continue;
        const tag = document.createElement('span');
        tag.className = 'name-flag';
        tag.dataset.code = code;
        tag.textContent = label;
        placed.push({ tag, r });
      }
    }
    el.replaceChildren(...placed.map((p) => p.tag));
    // Measured once all are in (one layout), then moved.
    for (const { tag, r } of placed) {
      const size = { width: tag.offsetWidth, height: tag.offsetHeight || 18 };
      const at = placeFlag({ anchor: r, tag: size, viewport });
      tag.style.left = `${at.left}px`;
      tag.style.top = `${at.top}px`;
      const covered =
        cardBox !== null && at.left < cardBox.right && at.left + size.width > cardBox.left && at.top < cardBox.bottom && at.top + size.height > cardBox.top;
      tag.hidden = covered;
    }
  }

  view?.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  view?.addEventListener('resize', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => highlights?.delete(MISMATCH_HIGHLIGHT), { once: true });

  return {
    set(next) {
      flagged = next;
      if (highlights && HighlightCtor) {
        const ranges = [...next.values()].flat().filter((p): p is Range => 'startContainer' in p);
        if (ranges.length === 0) highlights.delete(MISMATCH_HIGHLIGHT);
        else {
          adoptSheet();
          const highlight = new HighlightCtor(...ranges);
          highlight.priority = 1;
          highlights.set(MISMATCH_HIGHLIGHT, highlight);
        }
      }
      schedule();
    },
  };
}
