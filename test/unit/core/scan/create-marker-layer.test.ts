/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMarkerLayer, type TextTarget } from '../../../../core/scan/create-marker-layer.ts';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';
import { verdictLabel } from '../../../../core/verdict/verdict-labels.ts';

const A = '91420105MA4KMF039Y';
const B = '91350100M000100Y43';

function targetIn(element: Element, code: string): TextTarget {
  const node = element.firstChild as Text;
  return { code, kind: 'clear', suspect: false, node, start: 0, endNode: node, end: code.length };
}

describe('createMarkerLayer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('measures only the codes that may be near the viewport', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<p id="a">${A}</p><p id="b">${B}</p>`;
    const box = { left: 10, top: 10, right: 200, bottom: 30, width: 190, height: 20, x: 10, y: 10 } as DOMRect;
    const measure = vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box);
    const signal = new AbortController().signal;
    const overlay = createOverlay(document, signal);
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const far = new Set<Element>();
    const layer = createMarkerLayer({
      document,
      overlay,
      signal,
      fallback: false,
      label: (kind) => verdictLabel(kind, 'zh-CN'),
      suspectLabel: '校验位不符',
      textTargets: () => [targetIn(a, A), targetIn(b, B)],
      mayBeNear: (t) => !far.has(t.node.parentElement!),
      fieldTargets: () => [],
      renderCard: () => undefined,
    });
    const drawn = () => [...overlay.layer.querySelectorAll<HTMLElement>('button.mark:not([hidden])')].map((m) => m.dataset.code);

    layer.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(drawn()).toEqual([A, B]);

    far.add(b);
    measure.mockClear();
    layer.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(drawn()).toEqual([A]);
    expect(measure).toHaveBeenCalledTimes(1);

    far.delete(b);
    layer.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(drawn()).toEqual([A, B]);
  });
});
