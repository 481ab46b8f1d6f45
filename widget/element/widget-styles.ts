/** The element's own rules, adopted with the badge's styles in its shadow root (the panel's come with the card). */
export const widgetStyles = `
:host{display:inline-block;position:relative;max-width:100%;vertical-align:baseline;line-height:normal}
:host([hidden]){display:none}
.cl-toggle{all:unset;cursor:pointer;border-radius:var(--cl-radius)}
.cl-toggle:focus-visible{outline:2px solid var(--creditlens-focus,#0b57d0);outline-offset:2px}
`;
