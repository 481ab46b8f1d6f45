/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightPainter } from '../../../../core/scan/create-highlight-painter.ts';

class FakeHighlight extends Set<AbstractRange> {}

/** An IntersectionObserver the test drives: `report(el, near)`; `box` false reports an element without a box. */
function stubObserver() {
  let callback: IntersectionObserverCallback = () => undefined;
  const targets = new Set<Element>();
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(cb: IntersectionObserverCallback) {
        callback = cb;
      }
      observe = (el: Element) => targets.add(el);
      unobserve = (el: Element) => targets.delete(el);
      disconnect = () => targets.clear();
    },
  );
  const report = (el: Element, near: boolean, box = true) => {
    const rect = { width: box ? 100 : 0, height: box ? 20 : 0 } as DOMRectReadOnly;
    callback([{ target: el, isIntersecting: near, boundingClientRect: rect } as IntersectionObserverEntry], {} as IntersectionObserver);
  };
  return { report, targets };
}

function rangeIn(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element.firstChild!);
  return range;
}

describe('createHighlightPainter', () => {
  let registry: Map<string, FakeHighlight>;
  let controller: AbortController;
  const sizes = () => Object.fromEntries([...registry].map(([name, h]) => [name, h.size]));

  beforeEach(() => {
    registry = new Map();
    controller = new AbortController();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    document.body.innerHTML = '<p id="a">91420105MA4KMF039Y</p><p id="b">91350100M000100Y43</p>';
  });
  afterEach(() => {
    controller.abort();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('keeps only ranges near the viewport in the registry, and paints one that comes near with its latest verdict', () => {
    const { report, targets } = stubObserver();
    const painter = createHighlightPainter(window as unknown as Window & typeof globalThis, controller.signal);
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const ra = rangeIn(a);
    const rb = rangeIn(b);
    painter.paint(ra, 'pending');
    painter.paint(rb, 'pending');
    painter.flagSuspect(rb, true);
    // Painted at once, before the observer has said anything.
    expect(sizes()).toEqual({ 'creditlens-pending': 2, 'creditlens-suspect': 1 });
    expect(targets).toEqual(new Set([a, b]));

    report(b, false);
    expect(sizes()).toEqual({ 'creditlens-pending': 1 });
    // Its answer arrives while it is far: kept, not shown.
    painter.paint(rb, 'black');
    expect(sizes()).toEqual({ 'creditlens-pending': 1 });
    report(b, true);
    expect(sizes()).toEqual({ 'creditlens-pending': 1, 'creditlens-black': 1, 'creditlens-suspect': 1 });
    expect(registry.get('creditlens-black')!.has(rb)).toBe(true);
  });

  it('never takes out the ranges of an element without a box, and forgets an element once its ranges are erased', () => {
    const { report, targets } = stubObserver();
    const painter = createHighlightPainter(window as unknown as Window & typeof globalThis, controller.signal);
    const a = document.getElementById('a')!;
    const ra = rangeIn(a);
    painter.paint(ra, 'clear');
    report(a, false, false);
    expect(sizes()).toEqual({ 'creditlens-clear': 1 });
    report(a, false);
    painter.erase(ra);
    expect(sizes()).toEqual({});
    expect(targets.size).toBe(0);
    // Painted again after it was erased: shown, whatever the observer said before.
    painter.paint(ra, 'red');
    expect(sizes()).toEqual({ 'creditlens-red': 1 });
  });

  it("past the first elements, holds an element's codes back until the observer reports it near", () => {
    const { report } = stubObserver();
    const onShown = vi.fn();
    const painter = createHighlightPainter(window as unknown as Window & typeof globalThis, controller.signal, { onShown });
    document.body.innerHTML = Array.from({ length: 201 }, (_, i) => `<p>code ${i}</p>`).join('');
    const cells = [...document.querySelectorAll('p')];
    for (const cell of cells) painter.paint(rangeIn(cell), 'pending');
    expect(sizes()).toEqual({ 'creditlens-pending': 200 });
    const last = cells.at(-1)!;
    expect(painter.holdsBack(last)).toBe(true);
    expect(painter.holdsBack(cells[0]!)).toBe(false);
    report(last, true);
    expect(sizes()).toEqual({ 'creditlens-pending': 201 });
    expect(painter.holdsBack(last)).toBe(false);
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('paints everything where there is no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const painter = createHighlightPainter(window as unknown as Window & typeof globalThis, controller.signal);
    painter.paint(rangeIn(document.getElementById('a')!), 'clear');
    painter.paint(rangeIn(document.getElementById('b')!), 'black');
    expect(sizes()).toEqual({ 'creditlens-clear': 1, 'creditlens-black': 1 });
  });
});
