/**
 * Step 3b: what the overlay draws. Highlights cannot take focus or pointer events, so for each
 * code in the viewport we place an invisible focusable button over it (Tab reaches it; its
 * aria-label names the code and verdict), a visible badge beside each form field holding a code,
 * and the detail card on hover or focus. Only codes in the viewport get a button, so a page
 * with 5,000 codes keeps a few dozen elements. Without the Highlight API the buttons are drawn
 * as outlines instead (`fallback`).
 */
import { SUSPECT_SWATCH, type VerdictLook } from '../verdict/verdict-palette.ts';
import type { VerdictLabel } from '../verdict/verdict-labels.ts';
import type { CodeField } from './find-form-fields.ts';
import type { Overlay } from './create-overlay.ts';
import { placeCard } from './place-card.ts';

export interface TextTarget {
  code: string;
  kind: VerdictLook;
  /** Only the check character is wrong: the verdict is shown with the suspect flag. */
  suspect: boolean;
  /**
   * The page-readable highlight does not show this verdict (it rests on internal-only entries):
   * the overlay, which the page cannot read, draws the verdict over the code instead.
   */
  veiled?: boolean;
  /** Where the code starts: `start` in `node`. */
  node: Text;
  start: number;
  /** Where it ends: `end` (exclusive) in `endNode`, which is `node` unless the code is split across elements. */
  endNode: Text;
  end: number;
}
export interface FieldTarget {
  code: string;
  kind: VerdictLook;
  suspect: boolean;
  field: CodeField;
}
export type Target = TextTarget | FieldTarget;

export interface MarkerLayerOptions {
  document: Document;
  overlay: Overlay;
  signal: AbortSignal;
  fallback: boolean;
  label(kind: VerdictLook): VerdictLabel;
  /** Shown with the verdict of a suspect code, on its badge, marker and card label. */
  suspectLabel: string;
  textTargets(): Iterable<TextTarget>;
  /**
   * False for a code known to lie far from the viewport, which is then not measured: measuring
   * every code of a page of thousands on each scroll frame costs more than the frame.
   */
  mayBeNear?(t: TextTarget): boolean;
  fieldTargets(): Iterable<FieldTarget>;
  /** Fills the card for `target`: a new, empty container for another target, the same one again when its verdict is refreshed. */
  renderCard(container: HTMLElement, target: Target): void;
}

export interface MarkerLayer {
  /** Lays the markers out again on the next frame (after a scan or a verdict change). */
  schedule(): void;
  /** Re-renders the card when it shows one of `codes`. */
  refreshCard(codes: ReadonlySet<string>): void;
}

const CLOSE_DELAY_MS = 250;

/** Creates the layer; everything it adds is removed with the overlay when `signal` aborts. */
export function createMarkerLayer(o: MarkerLayerOptions): MarkerLayer {
  const { document, overlay, signal } = o;
  const view = document.defaultView!;
  const scratch = document.createRange();
  const pool: HTMLButtonElement[] = [];
  const targetOf = new WeakMap<HTMLElement, Target>();
  let visibleText: { target: TextTarget; rect: DOMRect }[] = [];
  let frame = 0;
  let cardTarget: Target | null = null;
  let cardAnchor: HTMLElement | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;
  let renderedTarget: Target | null = null;
  let cardBody: HTMLElement | null = null;

  const listen = <K extends string>(target: EventTarget, type: K, fn: (e: Event) => void, capture = true): void =>
    target.addEventListener(type, fn, { capture, passive: true, signal });

  function textRect(t: TextTarget): DOMRect | null {
    if (!t.node.isConnected || !t.endNode.isConnected || t.start > t.node.length || t.end > t.endNode.length) return null;
    scratch.setStart(t.node, t.start);
    scratch.setEnd(t.endNode, t.end);
    return scratch.getBoundingClientRect();
  }

  function inViewport(r: DOMRect): boolean {
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < view.innerHeight && r.left < view.innerWidth;
  }

  function button(i: number): HTMLButtonElement {
    let b = pool[i];
    if (!b) {
      b = document.createElement('button');
      b.type = 'button';
      b.addEventListener('focus', () => openCard(b!, 'focus'), { signal });
      b.addEventListener('blur', () => scheduleClose(), { signal });
      b.addEventListener('pointerenter', () => openCard(b!, 'hover'), { signal });
      b.addEventListener('pointerleave', () => scheduleClose(), { signal });
      b.addEventListener(
        'keydown',
        (e) => {
          if ((e as KeyboardEvent).key === 'Escape') closeCard();
          if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') openCard(b!, 'focus');
        },
        { signal },
      );
      pool[i] = b;
      overlay.layer.append(b);
    }
    return b;
  }

  /** "code verdict", plus the suspect flag: a suspect code's "not listed" is no confident clear. */
  const describe = (t: Target): string => `${t.code} ${o.label(t.kind).long}${t.suspect ? `（${o.suspectLabel}）` : ''}`;

  // What each button was last written with: a frame that finds the same code in the same place writes nothing.
  const written = new WeakMap<HTMLButtonElement, string>();
  function place(b: HTMLButtonElement, t: Target, css: string, cls: string, text: string): void {
    targetOf.set(b, t);
    const said = describe(t);
    const key = `${css}|${cls}|${text}|${t.kind}|${said}`;
    if (!b.hidden && written.get(b) === key) return;
    written.set(b, key);
    b.className = cls;
    b.dataset.kind = t.kind;
    b.dataset.code = t.code;
    b.toggleAttribute('data-suspect', t.suspect);
    // A badge's name starts with its visible words (WCAG 2.5.3: what you see is what you say).
    b.setAttribute('aria-label', cls === 'badge' ? `${text}，${said}` : said);
    b.style.cssText = css;
    if (b.textContent !== text) b.textContent = text;
    b.hidden = false;
  }

  // Every rect is read before any button is written: a write between two reads would make the
  // browser lay the page out again for each code (a thousand codes on screen, a thousand layouts).
  function layout(): void {
    frame = 0;
    if (signal.aborted) return;
    const texts: { target: TextTarget; rect: DOMRect }[] = [];
    for (const t of o.textTargets()) {
      if (o.mayBeNear && !o.mayBeNear(t)) continue;
      const r = textRect(t);
      if (r && inViewport(r)) texts.push({ target: t, rect: r });
    }
    const fields: { target: FieldTarget; rect: DOMRect }[] = [];
    for (const t of o.fieldTargets()) {
      const r = t.field.getBoundingClientRect();
      if (inViewport(r)) fields.push({ target: t, rect: r });
    }
    visibleText = texts;
    let used = 0;
    for (const { target: t, rect: r } of texts) {
      const css = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
      const drawn = o.fallback || t.veiled === true;
      place(button(used++), t, css, drawn ? 'mark fallback' : 'mark', drawn ? '' : o.label(t.kind).symbol);
    }
    for (const { target: t, rect: r } of fields) {
      const lab = o.label(t.kind);
      const css = `left:${r.right - 3}px;top:${r.top + r.height / 2}px;transform:translate(-100%,-50%)`;
      place(button(used++), t, css, 'badge', `${lab.symbol} ${lab.short}${t.suspect ? ` · ${o.suspectLabel}` : ''}`);
    }
    for (let i = used; i < pool.length; i++) {
      if (!pool[i]!.hidden) pool[i]!.hidden = true;
      targetOf.delete(pool[i]!);
    }
    if (cardTarget && cardAnchor && cardAnchor.hidden) closeCard();
    else if (cardAnchor) positionCard(cardAnchor.getBoundingClientRect());
  }

  function schedule(): void {
    if (frame || signal.aborted) return;
    frame = view.requestAnimationFrame ? view.requestAnimationFrame(layout) : (setTimeout(layout, 16) as unknown as number);
  }

  // The whole card stays inside this frame's viewport: flipped above or shifted sideways, scrolling
  // inside only when neither side has room (core/scan/place-card.ts).
  function positionCard(anchor: DOMRect): void {
    const card = overlay.card;
    card.style.maxHeight = 'none';
    const box = placeCard({
      anchor,
      card: { width: card.offsetWidth, height: card.scrollHeight },
      viewport: { width: view.innerWidth, height: view.innerHeight },
    });
    card.style.maxHeight = `${box.maxHeight}px`;
    card.style.maxWidth = `${Math.min(420, box.maxWidth)}px`;
    card.style.left = `${box.left}px`;
    card.style.top = `${box.top}px`;
    card.dataset.side = box.side;
  }

  function renderCard(): void {
    if (!cardTarget) return;
    const card = overlay.card;
    card.dataset.kind = cardTarget.kind;
    card.dataset.code = cardTarget.code;
    card.toggleAttribute('data-suspect', cardTarget.suspect);
    card.setAttribute('aria-label', describe(cardTarget));
    // The same code's card refreshed (its answer arrived): rendered again into the same container,
    // so what the person focused or typed in it stays; another code gets a new one.
    if (renderedTarget === cardTarget && cardBody?.parentNode === card) return o.renderCard(cardBody, cardTarget);
    renderedTarget = cardTarget;
    // The flag sits above whatever the caller renders, so every card (extension, widget) shows it.
    const body = document.createElement('div');
    cardBody = body;
    if (cardTarget.suspect) {
      const flag = document.createElement('p');
      flag.className = 'suspect-flag';
      flag.setAttribute('role', 'note');
      flag.textContent = `${SUSPECT_SWATCH.symbol} ${o.suspectLabel}`;
      card.replaceChildren(flag, body);
    } else card.replaceChildren(body);
    o.renderCard(body, cardTarget);
  }

  function openCard(anchor: HTMLElement, via: 'hover' | 'focus'): void {
    const target = targetOf.get(anchor);
    if (!target) return;
    // Someone is working in the open card (a half-filled form): passing over another code must not replace it.
    if (via === 'hover' && cardTarget !== null && cardTarget !== target && overlay.card.contains(overlay.shadow.activeElement)) return;
    cancelClose();
    if (cardTarget !== target) {
      cardTarget = target;
      renderCard();
    }
    cardAnchor = anchor;
    overlay.card.hidden = false;
    positionCard(anchor.getBoundingClientRect());
  }

  function closeCard(): void {
    cancelClose();
    cardTarget = null;
    renderedTarget = null;
    cardAnchor = null;
    overlay.card.hidden = true;
  }
  function cancelClose(): void {
    if (closeTimer !== null) clearTimeout(closeTimer);
    closeTimer = null;
  }
  function scheduleClose(): void {
    cancelClose();
    closeTimer = setTimeout(() => {
      const active = overlay.shadow.activeElement;
      if (overlay.card.matches(':hover') || (active && (active === cardAnchor || overlay.card.contains(active)))) return;
      closeCard();
    }, CLOSE_DELAY_MS);
  }

  // Text markers ignore the pointer (the page stays clickable), so hovering is found by hit-testing
  // the rects of the codes in view, at most once per frame.
  let lastMove: { x: number; y: number } | null = null;
  let moveFrame = 0;
  listen(document, 'mousemove', (e) => {
    lastMove = { x: (e as MouseEvent).clientX, y: (e as MouseEvent).clientY };
    if (moveFrame) return;
    moveFrame = view.requestAnimationFrame(() => {
      moveFrame = 0;
      if (!lastMove) return;
      const { x, y } = lastMove;
      // The open card lies over the page: a code under it is not what the pointer is on.
      if (!overlay.card.hidden) {
        const r = overlay.card.getBoundingClientRect();
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return;
      }
      const hit = visibleText.find(({ rect: r }) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (hit) {
        const i = pool.findIndex((b) => targetOf.get(b) === hit.target);
        if (i >= 0) openCard(pool[i]!, 'hover');
      } else if (cardTarget && 'node' in cardTarget && overlay.shadow.activeElement !== cardAnchor) {
        if (closeTimer === null) scheduleClose();
      }
    });
  });
  overlay.card.addEventListener('pointerenter', cancelClose, { signal });
  overlay.card.addEventListener('pointerleave', scheduleClose, { signal });
  overlay.card.addEventListener('focusout', scheduleClose, { signal });
  overlay.card.addEventListener(
    'keydown',
    (e) => {
      if ((e as KeyboardEvent).key !== 'Escape') return;
      const anchor = cardAnchor;
      closeCard();
      anchor?.focus();
    },
    { signal },
  );
  listen(view, 'scroll', schedule);
  listen(view, 'resize', schedule);
  signal.addEventListener(
    'abort',
    () => {
      cancelClose();
      if (frame && view.cancelAnimationFrame) view.cancelAnimationFrame(frame);
    },
    { once: true },
  );

  return {
    schedule,
    refreshCard(codes) {
      if (cardTarget && codes.has(cardTarget.code)) renderCard();
    },
  };
}
