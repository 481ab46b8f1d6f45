/**
 * Where the detail card goes so that all of it stays inside the viewport of its frame: below the
 * code when it fits there, flipped above when it fits there instead, otherwise on the side with
 * more room with its height capped to that room (the card then scrolls inside, only because it
 * must); shifted sideways so it never runs off either edge. Pure arithmetic, tested in Node.
 */

export interface CardBox {
  left: number;
  top: number;
  /** The card's own height limit: the room on the side it opens to. */
  maxHeight: number;
  /** Its width limit: the viewport less the margins. */
  maxWidth: number;
  side: 'below' | 'above' | 'over';
}

export interface PlaceCardInput {
  /** The code's box in viewport coordinates. */
  anchor: { left: number; top: number; bottom: number };
  /** The card's natural size (width as laid out, height of all its content). */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Room kept free at the viewport's edges; default 8. */
  margin?: number;
  /** Space between the code and the card; default 4. */
  gap?: number;
  /** Less room than this on both sides: the card lies over the code, using the whole height. Default 120. */
  minRoom?: number;
}

/** The card's position and limits; see the module comment. */
export function placeCard({ anchor, card, viewport, margin = 8, gap = 4, minRoom = 120 }: PlaceCardInput): CardBox {
  const maxWidth = Math.max(0, viewport.width - 2 * margin);
  const width = Math.min(card.width, maxWidth);
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - margin - width));
  // A code partly scrolled out: the card still starts and ends inside the viewport.
  const start = Math.min(Math.max(anchor.bottom + gap, margin), viewport.height - margin);
  const end = Math.max(Math.min(anchor.top - gap, viewport.height - margin), margin);
  const below = viewport.height - margin - start;
  const above = end - margin;
  if (card.height <= below) return { left, top: start, maxHeight: below, maxWidth, side: 'below' };
  if (card.height <= above) return { left, top: end - card.height, maxHeight: above, maxWidth, side: 'above' };
  if (Math.max(below, above) < minRoom) {
    const room = Math.max(0, viewport.height - 2 * margin);
    return { left, top: margin, maxHeight: room, maxWidth, side: 'over' };
  }
  if (below >= above) return { left, top: start, maxHeight: below, maxWidth, side: 'below' };
  return { left, top: margin, maxHeight: above, maxWidth, side: 'above' };
}
