/**
 * Our own corner of the page: a `<creditlens-overlay>` host with an open shadow root, fixed over
 * the viewport and transparent to the pointer except where a badge or the card is. Everything
 * the scanner draws lives here; it is removed when `signal` aborts.
 */
import { OVERLAY_TAG } from './highlight-names.ts';
import { OVERLAY_CSS } from './overlay-css.ts';

export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Markers and badges go here. */
  layer: HTMLElement;
  /** The detail card. */
  card: HTMLElement;
}

/** Creates the overlay host at the end of `document.documentElement`. */
export function createOverlay(document: Document, signal: AbortSignal): Overlay {
  const host = document.createElement(OVERLAY_TAG);
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important; z-index: 2147483647 !important;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  const layer = document.createElement('div');
  layer.className = 'layer';
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.hidden = true;
  shadow.append(style, layer, card);
  (document.documentElement ?? document.body).append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, shadow, layer, card };
}
