/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';
import { createMismatchFlags } from '../../../../extension/names/create-mismatch-flags.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');

describe('createMismatchFlags', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('tags a mismatched code inside the overlay root it is given, closed as the extension makes it', async () => {
    document.body.innerHTML = `<input id="code" value="${A}">`;
    const field = document.getElementById('code') as HTMLInputElement;
    vi.spyOn(field, 'getBoundingClientRect').mockReturnValue({ left: 10, top: 40, right: 200, bottom: 60, width: 190, height: 20, x: 10, y: 40 } as DOMRect);
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal, { mode: 'closed' });
    createMismatchFlags(overlay.shadow, controller.signal, '⚠ 名称与代码不符').set(new Map([[A, [field]]]));
    await vi.waitFor(() => expect(overlay.shadow.querySelector(`.name-flag[data-code="${A}"]`)?.textContent).toBe('⚠ 名称与代码不符'));
    // Nothing lands in the page's own DOM.
    expect(document.body.querySelector('.name-flag')).toBeNull();
    controller.abort();
    expect(overlay.shadow.querySelector('.name-flag')).toBeNull();
  });
});

describe('where the mismatch tag goes (issue 14: like a badge, never over the card or the field’s text)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  const rect = (left: number, top: number, right: number, bottom: number): DOMRect =>
    ({ left, top, right, bottom, width: right - left, height: bottom - top, x: left, y: top }) as DOMRect;

  function flagged(fieldBox: DOMRect) {
    document.body.innerHTML = `<input id="code" value="${A}">`;
    const field = document.getElementById('code') as HTMLInputElement;
    vi.spyOn(field, 'getBoundingClientRect').mockReturnValue(fieldBox);
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal, { mode: 'closed' });
    createMismatchFlags(overlay.shadow, controller.signal).set(new Map([[A, [field]]]));
    const tag = () => overlay.shadow.querySelector<HTMLElement>(`.name-flag[data-code="${A}"]`);
    return { overlay, tag, controller };
  }

  it('sits after the field’s right edge on its line, not over its text nor the row above', async () => {
    const { tag, controller } = flagged(rect(10, 40, 200, 60));
    await vi.waitFor(() => expect(tag()).not.toBeNull());
    expect(parseFloat(tag()!.style.left)).toBeGreaterThanOrEqual(200);
    // Centred on the field's line: its top is below the field's top (the row above stays clear).
    expect(parseFloat(tag()!.style.top)).toBeGreaterThanOrEqual(40);
    expect(parseFloat(tag()!.style.top)).toBeLessThan(60);
    controller.abort();
  });

  it('lies under the card (before it in the root) and hides while the open card covers it', async () => {
    const { overlay, tag, controller } = flagged(rect(10, 40, 200, 60));
    await vi.waitFor(() => expect(tag()).not.toBeNull());
    const box = overlay.shadow.querySelector('.name-flags')!;
    expect(box.compareDocumentPosition(overlay.card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(tag()!.hidden).toBe(false);
    vi.spyOn(overlay.card, 'getBoundingClientRect').mockReturnValue(rect(150, 30, 560, 400));
    overlay.card.hidden = false;
    await vi.waitFor(() => expect(tag()!.hidden).toBe(true));
    overlay.card.hidden = true;
    await vi.waitFor(() => expect(tag()!.hidden).toBe(false));
    controller.abort();
  });
});
