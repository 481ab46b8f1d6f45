/**
 * Our own corner of the page: a `<creditlens-overlay>` host with a shadow root, fixed over the
 * viewport and transparent to the pointer except where a badge or the card is. Everything the
 * scanner draws lives here; it is removed when `signal` aborts.
 *
 * The root is open by default (the widget runs in the page and its host may style or test it).
 * The extension asks for a closed one: the host page is not ours, and its scripts must neither
 * read the card nor reach the forms that the background posts with the department's token.
 *
 * Pages with a strict CSP (`style-src 'self'`) refuse style attributes and `<style>` elements, so
 * the host is styled through the CSSOM and the shadow root adopts a constructable sheet; a
 * `<style>` element is only the fallback for engines without constructable sheets.
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

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['pointer-events', 'none'],
  ['z-index', '2147483647'],
];

export interface OverlayOptions {
  /** The shadow root's mode; default `open`. `closed` keeps `host.shadowRoot` null for page scripts. */
  mode?: ShadowRootMode;
}

// A constructable sheet can only be adopted in the document that built it; one per document.
const sheets = new WeakMap<Document, CSSStyleSheet>();

/** Creates the overlay host at the end of `document.documentElement`. */
export function createOverlay(document: Document, signal: AbortSignal, options: OverlayOptions = {}): Overlay {
  const host = document.createElement(OVERLAY_TAG);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  const shadow = host.attachShadow({ mode: options.mode ?? 'open' });
  const layer = document.createElement('div');
  layer.className = 'layer';
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.hidden = true;
  shadow.append(layer, card);
  adoptOverlayStyles(document, shadow);
  (document.documentElement ?? document.body).append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, shadow, layer, card };
}

function adoptOverlayStyles(document: Document, shadow: ShadowRoot): void {
  const Sheet = (document.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  if ('adoptedStyleSheets' in shadow && typeof Sheet === 'function' && 'replaceSync' in Sheet.prototype) {
    let sheet = sheets.get(document);
    try {
      if (!sheet) {
        sheet = new Sheet();
        sheet.replaceSync(OVERLAY_CSS);
        sheets.set(document, sheet);
      }
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Some engines have the constructor but refuse to adopt: fall through to <style>.
    }
  }
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  shadow.prepend(style);
}
