import { describe, expect, it } from 'vitest';
import { placeFlag } from '../../../../extension/names/place-flag.ts';

const viewport = { width: 800, height: 600 };
const tag = { width: 100, height: 18 };

describe('placeFlag', () => {
  it('puts the tag just after the code, centred on its line', () => {
    expect(placeFlag({ anchor: { left: 10, top: 40, right: 200, bottom: 60 }, tag, viewport })).toEqual({ left: 204, top: 41 });
  });

  it('goes under the code’s end when the viewport has no room on its right, never over the code', () => {
    const at = placeFlag({ anchor: { left: 500, top: 40, right: 760, bottom: 60 }, tag, viewport });
    expect(at).toEqual({ left: 660, top: 64 });
    expect(at.top).toBeGreaterThanOrEqual(60);
  });

  it('never starts above the viewport', () => {
    expect(placeFlag({ anchor: { left: 10, top: -30, right: 200, bottom: 4 }, tag, viewport }).top).toBe(0);
  });
});
