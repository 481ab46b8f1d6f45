/**
 * The badge's styles and the theme's custom properties (the `:host` rule every shadow root
 * needs), from the one palette (core/verdict/verdict-palette.ts). See present-styles.ts for
 * theming; the card's rules are in card-styles.ts.
 */
import { paletteBorderRules, paletteProperties } from './palette-properties.ts';

export const badgeStyles = `
:host{${paletteProperties()};--cl-bg:var(--creditlens-background,#fff);--cl-fg:var(--creditlens-text,#1f1f1f);--cl-muted:var(--creditlens-muted,#5f6368);--cl-radius:var(--creditlens-radius,4px);--cl-font:var(--creditlens-font,system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif);font-family:var(--cl-font)}
.cl-badge{display:inline-flex;flex-wrap:wrap;align-items:center;gap:0 .3em;max-width:100%;padding:0 .45em;border:1px solid currentColor;border-radius:var(--cl-radius);font:inherit;font-size:.875em;line-height:1.6;white-space:nowrap;vertical-align:baseline;background:var(--cl-bg)}
.cl-symbol{font-weight:700}
.cl-name{color:var(--cl-fg);white-space:normal;overflow-wrap:anywhere}
.cl-age{color:var(--cl-muted);font-size:.85em}
.cl-badge.cl-black{background:var(--cl-black);color:var(--cl-black-fg);border-color:var(--cl-black);font-weight:700}
.cl-badge.cl-black .cl-name,.cl-badge.cl-black .cl-age{color:inherit}
.cl-badge.cl-red{background:var(--cl-red);color:var(--cl-red-fg);border-color:var(--cl-red)}
.cl-badge.cl-red .cl-name,.cl-badge.cl-red .cl-age{color:inherit}
${paletteBorderRules('.cl-badge.cl-')}
.cl-badge.cl-disputed{color:var(--cl-disputed);border-width:3px}
.cl-badge.cl-watch{color:var(--cl-watch)}
.cl-badge.cl-clear{color:var(--cl-clear)}
.cl-badge.cl-public{color:var(--cl-public)}
.cl-badge.cl-unknown{color:var(--cl-unknown);font-style:italic}
.cl-badge.cl-invalid{color:var(--cl-invalid)}
.cl-badge.cl-pending{color:var(--cl-pending)}
.cl-badge.cl-stale{opacity:.92}
.cl-mismatch{color:#8a1c1c;font-weight:700;background:#fff4e5;padding:0 .3em;border-radius:var(--cl-radius)}
.cl-badge.cl-black .cl-mismatch,.cl-badge.cl-red .cl-mismatch{color:#8a1c1c}
@media (forced-colors:active){.cl-badge{border:1px solid CanvasText;background:Canvas;color:CanvasText}}
`;
