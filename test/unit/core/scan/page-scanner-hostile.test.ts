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
// Every observer the scanner made (the visibility gate's, the marker layer's), each told about its own targets.
const observers = new Set<FakeIntersectionObserver>();
const report = (...els: Element[]): void => {
  for (const o of [...observers]) {
    const entries = els.filter((el) => o.targets.has(el)).map((el) => ({ target: el, isIntersecting: true }) as IntersectionObserverEntry);
    if (entries.length > 0) o.callback(entries, o as never);
  }
};
class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    observers.add(this);
  }
  observe(el: Element) {
    observed.add(el);
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
    if (![...observers].some((o) => o.targets.has(el))) observed.delete(el);
  }
  disconnect() {
    for (const el of this.targets) this.unobserve(el);
    observers.delete(this);
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
    observers.clear();
  });

  it('returns only shown codes to onCodes, and only once the observer reports them near the viewport', async () => {
    const onCodes = vi.fn<(codes: AskedCode[]) => void>();
    createPageScanner<ScanVerdict>({ document, signal: controller.signal, onCodes, askWhenShown: true, overlay: createOverlay(document, controller.signal) });
    await Promise.resolve();
    expect(onCodes).not.toHaveBeenCalled();
    for (const el of [...observed]) report(el);
    await vi.waitFor(() => expect(onCodes.mock.calls.flat(2).map((a) => a.code)).toEqual([SHOWN]));
    // The hidden one is asked for once it is shown.
    document.getElementById('hidden')!.removeAttribute('style');
    report(document.getElementById('hidden')!);
    await vi.waitFor(() => expect(onCodes.mock.calls.flat(2).map((a) => a.code)).toEqual([SHOWN, HIDDEN]));
  });

  it('asks for the codes the observer shows together in one question', async () => {
    const codes = Array.from({ length: 50 }, (_, i) => withUsccCheck(`91420105MA4K${String(i).padStart(5, '0')}`));
    document.body.innerHTML = codes.map((code) => `<p>${code}</p>`).join('');
    const onCodes = vi.fn<(codes: AskedCode[]) => void>();
    createPageScanner<ScanVerdict>({ document, signal: controller.signal, onCodes, askWhenShown: true, overlay: createOverlay(document, controller.signal) });
    report(...document.querySelectorAll('p'));
    await vi.waitFor(() => expect(onCodes).toHaveBeenCalled());
    expect(onCodes).toHaveBeenCalledTimes(1);
    expect(onCodes.mock.calls[0]![0].map((a) => a.code).sort()).toEqual([...codes].sort());
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
