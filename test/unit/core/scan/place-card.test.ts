import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../../core/scan/place-card.ts';

const viewport = { width: 800, height: 600 };
const card = { width: 400, height: 300 };

describe('placeCard', () => {
  it.each([
    ['below a code near the top', { left: 100, top: 50, bottom: 70 }, { side: 'below', top: 74, left: 100 }],
    ['above a code near the bottom (flipped)', { left: 100, top: 550, bottom: 570 }, { side: 'above', top: 246, left: 100 }],
    ['shifted left from the right edge', { left: 700, top: 50, bottom: 70 }, { side: 'below', left: 392 }],
    ['kept off the left edge', { left: -30, top: 50, bottom: 70 }, { side: 'below', left: 8 }],
  ] as const)('opens %s', (_, anchor, expected) => {
    expect(placeCard({ anchor, card, viewport })).toMatchObject(expected);
  });

  it('caps the height to the larger side when neither side has room (the card scrolls inside)', () => {
    const box = placeCard({ anchor: { left: 0, top: 250, bottom: 270 }, card: { width: 400, height: 900 }, viewport });
    expect(box.side).toBe('below');
    expect(box.top + box.maxHeight).toBeLessThanOrEqual(600 - 8);
    const up = placeCard({ anchor: { left: 0, top: 400, bottom: 420 }, card: { width: 400, height: 900 }, viewport });
    expect(up).toMatchObject({ side: 'above', top: 8, maxHeight: 388 });
  });

  it('lies over the code when the frame is too small for either side, never past its edges', () => {
    const box = placeCard({ anchor: { left: 10, top: 60, bottom: 80 }, card, viewport: { width: 300, height: 160 } });
    expect(box).toMatchObject({ side: 'over', top: 8, maxHeight: 144, left: 8, maxWidth: 284 });
  });

  it('never leaves the viewport, wherever the code is', () => {
    for (let top = -50; top < 650; top += 37) {
      for (const height of [50, 250, 590, 1200]) {
        const box = placeCard({ anchor: { left: 500, top, bottom: top + 18 }, card: { width: 420, height }, viewport });
        const shown = Math.min(height, box.maxHeight);
        expect(box.top).toBeGreaterThanOrEqual(8);
        expect(box.top + shown).toBeLessThanOrEqual(592);
        expect(box.left).toBeGreaterThanOrEqual(8);
        expect(box.left + Math.min(420, box.maxWidth)).toBeLessThanOrEqual(792);
      }
    }
  });
});
