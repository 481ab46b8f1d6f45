import { VERDICT_PALETTE, type VerdictLook } from '../verdict/verdict-palette.ts';

/**
 * The palette as CSS custom properties, for a `:host` or `:root` rule: `--cl-<look>` is the look's
 * ink (outlines and text on white), `--cl-<look>-fg` the text on a filled look (black, red), each
 * overridable by the page through `--creditlens-<look>` / `--creditlens-<look>-text`. Badges,
 * cards, the widget and the popup's chips all read these, so every surface has the same colours.
 */
export function paletteProperties(): string {
  return (Object.entries(VERDICT_PALETTE) as Array<[VerdictLook, (typeof VERDICT_PALETTE)[VerdictLook]]>)
    .map(
      ([look, s]) =>
        `--cl-${look}:var(--creditlens-${look},${s.ink});--cl-${look}-fg:var(--creditlens-${look}-text,${s.onGround});--cl-${look}-ground:${s.ground}`,
    )
    .join(';');
}

/** Each look's outline style, as `.<prefix><look>{border-style:…}` rules (tells looks apart without colour). */
export function paletteBorderRules(prefix: string): string {
  return (Object.entries(VERDICT_PALETTE) as Array<[VerdictLook, (typeof VERDICT_PALETTE)[VerdictLook]]>)
    .map(([look, s]) => `${prefix}${look}{border-style:${s.border}}`)
    .join('\n');
}
