/**
 * Styles of our overlay, inside its shadow root: nothing leaks out, and `:host { all: initial }`
 * keeps the page's inherited styles out. Markers carry a symbol and text besides colour.
 */
export const OVERLAY_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important;
  z-index: 2147483647 !important; display: block !important; contain: layout style !important; }
.layer { position: absolute; inset: 0; overflow: hidden; font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
.mark { position: fixed; margin: 0; padding: 0; border: 0; background: transparent; pointer-events: none; color: transparent;
  font-size: 1px; outline-offset: 1px; cursor: default; }
.mark:focus-visible { outline: 2px solid #1a56db; }
.mark.fallback { border-bottom: 2px solid var(--c); background: var(--bg); }
.badge { position: fixed; pointer-events: auto; display: inline-flex; gap: 2px; align-items: center; border: 1px solid var(--c);
  border-radius: 3px; background: #fff; color: var(--c); padding: 0 4px; font: bold 11px/16px system-ui, sans-serif; cursor: pointer; white-space: nowrap; }
.badge:focus-visible { outline: 2px solid #1a56db; }
.badge[data-suspect] { border-style: dashed; }
.mark.fallback[data-suspect] { outline: 1px dashed #80008a; }
[data-kind="black"] { --c: #111; --bg: rgba(20,20,20,.25); }
[data-kind="black"].badge { background: #111; color: #fff; border-color: #d00000; }
[data-kind="disputed"] { --c: #8a5a00; --bg: rgba(255,196,0,.3); }
[data-kind="red"] { --c: #c00018; --bg: rgba(220,30,40,.15); }
[data-kind="watch"] { --c: #a04800; --bg: rgba(255,140,0,.22); }
[data-kind="clear"] { --c: #00703c; --bg: rgba(0,140,70,.12); }
[data-kind="unknown"] { --c: #555; --bg: rgba(120,120,120,.22); }
[data-kind="invalid"] { --c: #80008a; --bg: rgba(150,0,160,.14); }
[data-kind="pending"] { --c: #2a5caa; --bg: rgba(0,90,200,.1); }
.card { position: fixed; pointer-events: auto; max-width: 420px; max-height: 60vh; overflow: auto; background: #fff; color: #1b1b1b;
  border: 0; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  padding: 0; font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; text-align: left; }
.card[hidden] { display: none; }
.suspect-flag { margin: 0; padding: 6px 12px; background: #f7e9f8; color: #80008a; font-weight: bold; border-bottom: 1px dashed #80008a; }
`;
