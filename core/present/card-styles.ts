/** The card's and the forms' styles; they rely on the custom properties set in badge-styles.ts. */
export const cardStyles = `
.cl-card{box-sizing:border-box;max-width:36em;padding:.75em 1em;border:1px solid #c4c7c5;border-radius:calc(var(--cl-radius) * 2);background:var(--cl-bg);color:var(--cl-fg);font:14px/1.5 var(--cl-font);text-align:start;white-space:normal}
.cl-card-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25em .75em}
.cl-card-name{margin:0;font-size:1.1em}
.cl-card-code{font-family:ui-monospace,monospace;color:var(--cl-muted);letter-spacing:.03em}
.cl-reason{margin:.5em 0}
.cl-task{margin:.5em 0 .25em;padding:.35em .6em;border-inline-start:4px solid var(--cl-black);background:rgba(0,0,0,.05);font-weight:700}
.cl-card-red .cl-task{border-color:var(--cl-red)}
.cl-card-disputed .cl-task{border-color:var(--cl-disputed);border-inline-start-style:double}
.cl-checking{margin:.5em 0;padding:.35em .6em;border:1px dotted var(--cl-pending);border-radius:var(--cl-radius)}
.cl-measure-first{background:rgba(0,0,0,.06)}
.cl-shared-basis{margin:.4em 0;font-size:.9em;color:var(--cl-fg)}
.cl-shared-basis summary{cursor:pointer;color:var(--cl-muted);font-weight:600}
.cl-shared-basis summary:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:2px}
.cl-shared-basis ul{margin:.25em 0 0;padding-inline-start:1.2em;list-style:disc}
.cl-card-actions{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.6em}
.cl-panel-host{display:contents}
.cl-panel{position:fixed;inset-inline-end:12px;bottom:12px;box-sizing:border-box;width:min(28em,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto;pointer-events:auto;padding:.6em 1em .8em;border:1px solid #8e918f;border-radius:calc(var(--cl-radius) * 2);background:var(--cl-bg);color:var(--cl-fg);font:14px/1.5 var(--cl-font);text-align:start;box-shadow:0 6px 24px rgba(0,0,0,.3);z-index:2}
.card:not([hidden]){z-index:3}
.cl-panel-head{display:flex;align-items:center;justify-content:space-between;gap:.5em}
.cl-panel-title{margin:0;font-size:1.05em}
.cl-panel-title:focus{outline:none}
.cl-panel-title:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0)}
.cl-panel-subject{margin:.2em 0 .4em;color:var(--cl-muted)}
.cl-panel-close{font:inherit;font-size:1.3em;line-height:1;min-width:1.8em;min-height:1.8em;padding:0;border:1px solid transparent;border-radius:var(--cl-radius);background:transparent;color:var(--cl-fg);cursor:pointer}
.cl-panel-close:hover{border-color:#8e918f}
.cl-panel-close:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:1px}
.cl-panel .cl-feedback{margin-top:0;border-top:0;padding-top:0}
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
.cl-suspended-mark,.cl-objection-pending,.cl-repair-pending{color:var(--cl-disputed);font-weight:600}
.cl-repair{margin:.2em 0}
.cl-entry-upcoming{opacity:.85}
.cl-entry-upcoming-note{font-weight:600;color:var(--cl-pending)}
.cl-card-foot{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5em;margin-top:.75em;color:var(--cl-muted);font-size:.9em}
.cl-link{color:inherit}
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
.cl-button[disabled],.cl-button[aria-disabled=true]{opacity:.6;cursor:progress}
.cl-objection-result:focus{outline:none}
.cl-objection-result:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0)}
.cl-link-button{all:unset;cursor:pointer;color:var(--creditlens-focus,#0b57d0);text-decoration:underline;font-size:.9em;margin-inline-start:.5em}
.cl-link-button:focus-visible,.cl-button:focus-visible,.cl-input:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:2px}
.cl-message{margin:.2em 0}
.cl-error{color:#8a1c1c;font-weight:600}
.cl-queued-item{color:var(--cl-disputed)}
.cl-queued-failed{color:#8a1c1c}
.cl-given-item,.cl-queued-item{font-size:.9em;padding:.1em 0}
.cl-objection-result{margin:.4em 0;font-weight:700;color:var(--cl-disputed)}
.cl-report{display:inline-block;margin:.3em 0 0}
`;
