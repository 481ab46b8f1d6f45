// A constructable sheet can only be adopted in the document that built it (iframes each get their
// own); built on first use, never at import, so the module stays free of browser globals.
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Gives a shadow root `css` as a constructable stylesheet (one sheet per document and text),
 * which a strict CSP allows. Where constructable sheets are missing it falls back to a `<style>`
 * element, which a strict CSP would block — only very old engines.
 */
export function adoptStyleSheet(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const Sheet = view?.CSSStyleSheet;
  if ('adoptedStyleSheets' in root && typeof Sheet === 'function' && 'replaceSync' in Sheet.prototype) {
    let byCss = sheets.get(doc);
    if (!byCss) sheets.set(doc, (byCss = new Map()));
    let sheet = byCss.get(css);
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(css);
      byCss.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
