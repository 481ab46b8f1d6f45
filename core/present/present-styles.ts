/**
 * Styles of the badge and card as one string, adopted by a shadow root as a constructable
 * stylesheet (no `style` attributes, so pages with a strict CSP need no `unsafe-inline`).
 * Themable through `--creditlens-*` custom properties, which inherit into the shadow root, and
 * through `::part(...)` names. Red is the honour list in China, so it is not the alarm colour:
 * black is shown dark with a stop symbol, and unknown is grey and dashed so it never resembles clear.
 */
export const presentStyles = `
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
.cl-card{box-sizing:border-box;max-width:36em;padding:.75em 1em;border:1px solid #c4c7c5;border-radius:calc(var(--cl-radius) * 2);background:var(--cl-bg);color:var(--cl-fg);font:14px/1.5 var(--cl-font);text-align:start;white-space:normal}
.cl-card-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25em .75em}
.cl-card-name{margin:0;font-size:1.1em}
.cl-card-code{font-family:ui-monospace,monospace;color:var(--cl-muted);letter-spacing:.03em}
.cl-reason{margin:.5em 0}
.cl-card h3{margin:.75em 0 .25em;font-size:1em}
.cl-card ul{margin:0;padding:0;list-style:none}
.cl-entry,.cl-measure{margin:.25em 0;padding:.4em .6em;border-inline-start:4px solid var(--cl-muted);background:rgba(0,0,0,.03)}
.cl-entry-black{border-color:var(--cl-black)}
.cl-entry-red{border-color:var(--cl-red)}
.cl-entries-disputed .cl-entry{border-color:var(--cl-disputed);border-inline-start-style:double}
.cl-entries-watch .cl-entry{border-color:var(--cl-watch)}
.cl-entry-head,.cl-measure-head{display:flex;flex-wrap:wrap;gap:.5em;font-weight:600}
.cl-facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em .75em;margin:.25em 0 0}
.cl-facts dt{color:var(--cl-muted)}
.cl-facts dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.cl-suspended{opacity:.75}
.cl-suspended .cl-measure-item{text-decoration:line-through}
.cl-suspended-mark,.cl-objection-pending{color:var(--cl-disputed);font-weight:600}
.cl-card-foot{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5em;margin-top:.75em;color:var(--cl-muted);font-size:.9em}
.cl-link{color:inherit}
.cl-mismatch{color:#8a1c1c;font-weight:700;background:#fff4e5;padding:0 .3em;border-radius:var(--cl-radius)}
.cl-badge.cl-black .cl-mismatch,.cl-badge.cl-red .cl-mismatch{color:#8a1c1c}
.cl-mismatch-notice{margin:.5em 0;padding:.4em .6em;border:1px solid #c77700;border-radius:var(--cl-radius);background:#fff4e5;color:#5c3200}
.cl-feedback{margin-top:.75em;border-top:1px solid #c4c7c5;padding-top:.5em}
.cl-feedback h4,.cl-objection-form h4{margin:.6em 0 .2em;font-size:.95em}
.cl-identity,.cl-hint{margin:.2em 0;color:var(--cl-muted);font-size:.9em}
.cl-form{display:flex;flex-direction:column;gap:.3em;margin:.4em 0}
.cl-field{font-weight:600;font-size:.9em}
.cl-input{font:inherit;padding:.25em .4em;border:1px solid #8e918f;border-radius:var(--cl-radius);background:var(--cl-bg);color:var(--cl-fg)}
.cl-choice{border:1px solid #dadce0;border-radius:var(--cl-radius);margin:.2em 0;padding:.3em .6em;display:flex;flex-wrap:wrap;gap:.2em .9em}
.cl-choice legend{font-weight:600;padding:0 .2em}
.cl-choice .cl-field,.cl-choice .cl-input{flex-basis:100%}
.cl-radio{display:inline-flex;gap:.25em;align-items:center}
.cl-actions{display:flex;gap:.75em;align-items:center;margin-top:.2em}
.cl-button{font:inherit;padding:.2em .9em;border:1px solid var(--creditlens-focus,#0b57d0);border-radius:var(--cl-radius);background:var(--creditlens-focus,#0b57d0);color:#fff;cursor:pointer}
.cl-button[disabled]{opacity:.6;cursor:progress}
.cl-link-button{all:unset;cursor:pointer;color:var(--creditlens-focus,#0b57d0);text-decoration:underline;font-size:.9em;margin-inline-start:.5em}
.cl-link-button:focus-visible,.cl-button:focus-visible,.cl-input:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:2px}
.cl-message{margin:.2em 0}
.cl-error{color:#8a1c1c;font-weight:600}
.cl-queued-item{color:var(--cl-disputed)}
.cl-queued-failed{color:#8a1c1c}
.cl-given-item,.cl-queued-item{font-size:.9em;padding:.1em 0}
.cl-objection-result{margin:.4em 0;font-weight:700;color:var(--cl-disputed)}
.cl-report{display:inline-block;margin:.3em 0 0}
@media (forced-colors:active){.cl-badge{border:1px solid CanvasText;background:Canvas;color:CanvasText}}
`;
