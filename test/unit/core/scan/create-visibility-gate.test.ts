/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVisibilityGate } from '../../../../core/scan/create-visibility-gate.ts';

/** An IntersectionObserver the test drives: `report(el, true)` says the element came near the viewport. */
function fakeObserverView() {
  const observers: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
  class FakeIntersectionObserver {
    #entry: { callback: IntersectionObserverCallback; targets: Set<Element> };
    constructor(callback: IntersectionObserverCallback) {
      this.#entry = { callback, targets: new Set() };
      observers.push(this.#entry);
    }
    observe(el: Element) {
      this.#entry.targets.add(el);
    }
    unobserve(el: Element) {
      this.#entry.targets.delete(el);
    }
    disconnect() {
      this.#entry.targets.clear();
    }
  }
  const view = { IntersectionObserver: FakeIntersectionObserver } as unknown as Window & typeof globalThis;
  const report = (el: Element, isIntersecting: boolean, box = { width: 100, height: 20 }) => {
    for (const o of observers)
      if (o.targets.has(el)) o.callback([{ target: el, isIntersecting, boundingClientRect: box } as IntersectionObserverEntry], o as never);
  };
  const observed = (el: Element) => observers.some((o) => o.targets.has(el));
  return { view, report, observed };
}

const sized = (el: HTMLElement, width = 100, height = 20) => {
  el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, width, height, right: width, bottom: height, toJSON: () => ({}) }) as DOMRect;
  return el;
};

function cell(html = '<span>91420105MA4KMF039Y</span>', style = '') {
  const host = document.createElement('div');
  host.setAttribute('style', style);
  host.innerHTML = html;
  document.body.append(host);
  return sized(host.firstElementChild as HTMLElement);
}

describe('createVisibilityGate', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  it('returns nothing until the element comes near the viewport, then calls back once', () => {
    const { view, report } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal });
    const el = cell();
    const shown = vi.fn();
    gate.whenShown(el, shown);
    expect(shown).not.toHaveBeenCalled();
    report(el, false);
    expect(shown).not.toHaveBeenCalled();
    report(el, true);
    report(el, true);
    expect(shown).toHaveBeenCalledTimes(1);
    expect(gate.waiting).toBe(0);
  });

  it.each([
    ['display: none on an ancestor', '<span>x</span>', 'display:none'],
    ['visibility: hidden', '<span>x</span>', 'visibility:hidden'],
    ['opacity: 0', '<span>x</span>', 'opacity:0'],
    ['aria-hidden on an ancestor', '<span>x</span>', ''],
  ])('returns nothing for an element near the viewport but hidden by %s', (what, html, style) => {
    const { view, report } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal });
    const el = cell(html, style);
    if (what.startsWith('aria')) el.parentElement!.setAttribute('aria-hidden', 'true');
    const shown = vi.fn();
    gate.whenShown(el, shown);
    report(el, true);
    expect(shown).not.toHaveBeenCalled();
    expect(gate.waiting).toBe(1);
  });

  it('returns nothing for a code of zero size, however near', () => {
    const { view, report } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal });
    const el = cell();
    const shown = vi.fn();
    gate.whenShown(el, shown, () => ({ width: 0, height: 0 }) as DOMRect);
    report(el, true);
    expect(shown).not.toHaveBeenCalled();
  });

  it('returns the call once a hidden element near the viewport is shown (looked at again on a timer)', () => {
    vi.useFakeTimers();
    const { view, report } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal, recheckMs: 500 });
    const el = cell('<span>x</span>', 'visibility:hidden');
    const shown = vi.fn();
    gate.whenShown(el, shown);
    report(el, true);
    vi.advanceTimersByTime(600);
    expect(shown).not.toHaveBeenCalled();
    el.parentElement!.setAttribute('style', '');
    vi.advanceTimersByTime(600);
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('waits on the nearest ancestor with a box for an element of display: contents', () => {
    const { view, report, observed } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal });
    const el = cell('<span style="display:contents"><b style="display:contents">91420105MA4KMF039Y</b></span>');
    const inner = el.firstElementChild as HTMLElement;
    sized(el.parentElement!);
    const shown = vi.fn();
    gate.whenShown(inner, shown);
    report(inner, false, { width: 0, height: 0 });
    expect(observed(inner)).toBe(false);
    expect(observed(el.parentElement!)).toBe(true);
    report(el.parentElement!, true);
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('keeps waiting on a hidden element without a box (display: none is no display: contents)', () => {
    const { view, report, observed } = fakeObserverView();
    const gate = createVisibilityGate({ view, signal: new AbortController().signal });
    const el = cell('<span style="display:none">x</span>');
    const shown = vi.fn();
    gate.whenShown(el, shown);
    report(el, false, { width: 0, height: 0 });
    expect(observed(el)).toBe(true);
    expect(shown).not.toHaveBeenCalled();
  });

  it('returns nothing after the signal aborts', () => {
    const { view, report, observed } = fakeObserverView();
    const controller = new AbortController();
    const gate = createVisibilityGate({ view, signal: controller.signal });
    const el = cell();
    const shown = vi.fn();
    gate.whenShown(el, shown);
    controller.abort();
    report(el, true);
    expect(shown).not.toHaveBeenCalled();
    expect(observed(el)).toBe(false);
  });
});
