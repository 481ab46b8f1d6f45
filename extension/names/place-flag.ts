/**
 * Where a name-mismatch tag goes, as a badge would (issue 14): on the code's own line, vertically
 * centred on it, just after its end — after a form field's right edge, so it never lies over the
 * text typed in the field, and never over the row above. When the viewport has no room on the
 * right, the tag goes under the code's end instead (right-aligned with it), still clear of its
 * text. Pure arithmetic, tested in Node.
 */

export interface FlagBox {
  left: number;
  top: number;
}

export interface PlaceFlagInput {
  /** The code's box (its text, or the form field holding it) in viewport coordinates. */
  anchor: { left: number; top: number; right: number; bottom: number };
  tag: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Space between the code and the tag; default 4. */
  gap?: number;
}

/** The tag's top-left corner; see the module comment. */
export function placeFlag({ anchor, tag, viewport, gap = 4 }: PlaceFlagInput): FlagBox {
  const middle = (anchor.top + anchor.bottom) / 2;
  const right = anchor.right + gap;
  if (right + tag.width <= viewport.width) return { left: right, top: Math.max(0, middle - tag.height / 2) };
  // No room on the right: under the code's end, never over its text nor the row above.
  return { left: Math.max(0, Math.min(anchor.right, viewport.width) - tag.width), top: anchor.bottom + gap };
}
