/**
 * The badge's styles and the theme's custom properties (the `:host` rule every shadow root
 * needs). See present-styles.ts for theming; the card's rules are in card-styles.ts.
 */
export const badgeStyles = `
:host{--cl-black:var(--creditlens-black,#1b1b1b);--cl-black-fg:var(--creditlens-black-text,#fff);--cl-red:var(--creditlens-red,#b3261e);--cl-red-fg:var(--creditlens-red-text,#fff);--cl-disputed:var(--creditlens-disputed,#8a5a00);--cl-watch:var(--creditlens-watch,#6a3fa0);--cl-clear:var(--creditlens-clear,#1e6b34);--cl-unknown:var(--creditlens-unknown,#5f6368);--cl-invalid:var(--creditlens-invalid,#a15c00);--cl-pending:var(--creditlens-pending,#5f6368);--cl-bg:var(--creditlens-background,#fff);--cl-fg:var(--creditlens-text,#1f1f1f);--cl-muted:var(--creditlens-muted,#5f6368);--cl-radius:var(--creditlens-radius,4px);--cl-font:var(--creditlens-font,system-ui,"PingFang SC","Microsoft YaHei",sans-serif);font-family:var(--cl-font)}
.cl-badge{display:inline-flex;align-items:center;gap:.3em;padding:0 .45em;border:1px solid currentColor;border-radius:var(--cl-radius);font:inherit;font-size:.875em;line-height:1.6;white-space:nowrap;vertical-align:baseline;background:var(--cl-bg)}
.cl-symbol{font-weight:700}
.cl-name{color:var(--cl-fg);max-width:16em;overflow:hidden;text-overflow:ellipsis}
.cl-age{color:var(--cl-muted);font-size:.85em}
.cl-badge.cl-black{background:var(--cl-black);color:var(--cl-black-fg);border-color:var(--cl-black);font-weight:700}
.cl-badge.cl-black .cl-name,.cl-badge.cl-black .cl-age{color:inherit}
.cl-badge.cl-red{background:var(--cl-red);color:var(--cl-red-fg);border-color:var(--cl-red)}
.cl-badge.cl-red .cl-name,.cl-badge.cl-red .cl-age{color:inherit}
.cl-badge.cl-disputed{color:var(--cl-disputed);border-style:double;border-width:3px}
.cl-badge.cl-watch{color:var(--cl-watch)}
.cl-badge.cl-clear{color:var(--cl-clear)}
.cl-badge.cl-unknown{color:var(--cl-unknown);border-style:dashed;font-style:italic}
.cl-badge.cl-invalid{color:var(--cl-invalid);border-style:dotted}
.cl-badge.cl-pending{color:var(--cl-pending);border-style:dotted}
.cl-badge.cl-stale{opacity:.92}
.cl-mismatch{color:#8a1c1c;font-weight:700;background:#fff4e5;padding:0 .3em;border-radius:var(--cl-radius)}
.cl-badge.cl-black .cl-mismatch,.cl-badge.cl-red .cl-mismatch{color:#8a1c1c}
@media (forced-colors:active){.cl-badge{border:1px solid CanvasText;background:Canvas;color:CanvasText}}
`;
