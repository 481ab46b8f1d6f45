/** @vitest-environment happy-dom */
/** Issue 10 finding 3 in the scanner: codes are asked for only once shown, and what the page may read (`pageKind`) is what is painted. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';
import { createPageScanner, type AskedCode, type ScanVerdict } from '../../../../core/scan/create-page-scanner.ts';
import { withUsccCheck } from '../uscc/reference-uscc.ts';

const SHOWN = withUsccCheck('91420105MA4KMF000');
const HIDDEN = withUsccCheck('A1110000MA0012123');

class FakeHighlight extends Set<AbstractRange> {}
const observed = new Set<Element>();
let report: (el: Element) => void = () => undefined;
class FakeIntersectionObserver {
  constructor(callback: IntersectionObserverCallback) {
    report = (el) => callback([{ target: el, isIntersecting: true } as IntersectionObserverEntry], this as never);
  }
  observe(el: Element) {
    observed.add(el);
  }
  unobserve(el: Element) {
    observed.delete(el);
  }
  disconnect() {
    observed.clear();
  }
}

describe('createPageScanner with askWhenShown', () => {
  let controller: AbortController;
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    controller = new AbortController();
    registry = new Map();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry, supports: () => false, escape: (s: string) => s });
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const box = { left: 10, top: 10, right: 200, bottom: 30, width: 190, height: 20, x: 10, y: 10 } as DOMRect;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(box);
    document.body.innerHTML = `<p id="shown">${SHOWN}</p><p id="hidden" style="display:none">${HIDDEN}</p>`;
  });
  afterEach(() => {
    controller.abort();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    observed.clear();
  });

  it('returns only shown codes to onCodes, and only once the observer reports them near the viewport', () => {
    const onCodes = vi.fn<(codes: AskedCode[]) => void>();
    createPageScanner<ScanVerdict>({ document, signal: controller.signal, onCodes, askWhenShown: true, overlay: createOverlay(document, controller.signal) });
    expect(onCodes).not.toHaveBeenCalled();
    for (const el of [...observed]) report(el);
    expect(onCodes.mock.calls.flat(2).map((a) => a.code)).toEqual([SHOWN]);
    // The hidden one is asked for once it is shown.
    document.getElementById('hidden')!.removeAttribute('style');
    report(document.getElementById('hidden')!);
    expect(onCodes.mock.calls.flat(2).map((a) => a.code)).toEqual([SHOWN, HIDDEN]);
  });

  it('returns every code at once without askWhenShown', () => {
    const onCodes = vi.fn<(codes: AskedCode[]) => void>();
    createPageScanner<ScanVerdict>({ document, signal: controller.signal, onCodes, overlay: createOverlay(document, controller.signal) });
    expect(
      onCodes.mock.calls
        .flat(2)
        .map((a) => a.code)
        .sort(),
    ).toEqual([SHOWN, HIDDEN].sort());
  });

  it('returns the page-readable kind in CSS.highlights, never the real one behind it', () => {
    const scanner = createPageScanner<ScanVerdict>({
      document,
      signal: controller.signal,
      onCodes: () => undefined,
      overlay: createOverlay(document, controller.signal),
    });
    scanner.setVerdicts([
      [SHOWN, { kind: 'black', pageKind: 'pending' }],
      [HIDDEN, { kind: 'black' }],
    ]);
    const sizes = Object.fromEntries([...registry].map(([name, h]) => [name, h.size]));
    expect(sizes['creditlens-black']).toBe(1);
    expect(sizes['creditlens-pending']).toBe(1);
    expect(scanner.findings().find((f) => f.code === SHOWN)?.kind).toBe('black');
  });
});
