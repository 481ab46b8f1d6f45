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
