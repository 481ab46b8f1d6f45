import { SUSPECT_SWATCH, VERDICT_PALETTE, type VerdictLook } from '../verdict/verdict-palette.ts';

/** Per look (core/verdict/verdict-palette.ts): the marker's colour and tint; a badge's ground, text and outline. */
function kindRules(): string {
  return (Object.entries(VERDICT_PALETTE) as Array<[VerdictLook, (typeof VERDICT_PALETTE)[VerdictLook]]>)
    .map(
      ([look, s]) =>
        `[data-kind="${look}"] { --c: ${s.ink}; --bg: ${s.mark.tint}; }\n[data-kind="${look}"].badge { background: ${s.ground}; color: ${s.onGround}; border-color: ${s.ink}; border-style: ${s.border}; }`,
    )
    .join('\n');
}

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
.mark.fallback[data-suspect] { outline: 1px dashed ${SUSPECT_SWATCH.ink}; }
${kindRules()}
.badge[data-suspect] { border-style: dashed; }
.card { position: fixed; pointer-events: auto; max-width: 420px; max-height: 60vh; overflow: auto; background: #fff; color: #1b1b1b;
  border: 0; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  padding: 0; font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; text-align: left; }
.card[hidden] { display: none; }
.suspect-flag { margin: 0; padding: 6px 12px; background: ${SUSPECT_SWATCH.tint}; color: ${SUSPECT_SWATCH.ink}; font-weight: bold; border-bottom: 1px dashed ${SUSPECT_SWATCH.ink}; }
`;
