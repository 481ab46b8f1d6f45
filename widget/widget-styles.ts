/** The element's own rules, appended to the shared presentation styles in its shadow root. */
export const widgetStyles = `
:host{display:inline-block;position:relative;vertical-align:baseline;line-height:normal}
:host([hidden]){display:none}
.cl-toggle{all:unset;cursor:pointer;border-radius:var(--cl-radius)}
.cl-toggle:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:2px}
.cl-panel{position:absolute;z-index:var(--creditlens-z-index,2147483000);inset-block-start:calc(100% + 4px);inset-inline-start:0;width:max-content;max-width:min(36em,90vw);box-shadow:0 4px 16px rgba(0,0,0,.18);border-radius:calc(var(--cl-radius) * 2)}
.cl-loading{margin:.5em 0;color:var(--cl-muted)}
`;
