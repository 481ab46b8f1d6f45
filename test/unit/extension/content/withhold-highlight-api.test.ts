import { describe, expect, it } from 'vitest';
import { withholdHighlightApi } from '../../../../extension/content/withhold-highlight-api.ts';

/** A window-like object with the Highlight API as Chromium defines it (configurable accessors). */
function viewWithHighlights() {
  const registry = new Map();
  const css = {};
  Object.defineProperty(css, 'highlights', { get: () => registry, configurable: true, enumerable: true });
  const view = { CSS: css } as Record<string, unknown>;
  Object.defineProperty(view, 'Highlight', { value: class Highlight {}, writable: true, configurable: true });
  return view as unknown as Window & typeof globalThis;
}

describe('withholdHighlightApi', () => {
  it('returns true and leaves neither CSS.highlights nor Highlight when the browser has them', () => {
    const view = viewWithHighlights();
    expect(withholdHighlightApi(view)).toBe(true);
    expect(view.CSS.highlights).toBeUndefined();
    expect((view as { Highlight?: unknown }).Highlight).toBeUndefined();
  });

  it('returns true for a browser without the API, changing nothing', () => {
    const view = { CSS: {} } as unknown as Window & typeof globalThis;
    expect(withholdHighlightApi(view)).toBe(true);
    expect(view.CSS).toEqual({});
  });

  it('returns true when the registry cannot be deleted but can be overwritten', () => {
    const css = {};
    Object.defineProperty(css, 'highlights', { value: new Map(), writable: true, configurable: false });
    const view = { CSS: css } as unknown as Window & typeof globalThis;
    expect(withholdHighlightApi(view)).toBe(true);
    expect(view.CSS.highlights).toBeUndefined();
  });

  it('returns false when the registry can be neither deleted nor overwritten', () => {
    const css = {};
    Object.defineProperty(css, 'highlights', { value: new Map(), writable: false, configurable: false });
    const view = { CSS: css } as unknown as Window & typeof globalThis;
    // Say so rather than pretend: the caller's overlay-only promise would not hold.
    expect(withholdHighlightApi(view)).toBe(false);
  });
});
