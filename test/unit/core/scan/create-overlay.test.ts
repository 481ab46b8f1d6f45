/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';

describe('createOverlay', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('styles the host through the CSSOM and adopts a sheet, never a style attribute or <style> (strict CSP)', () => {
    // happy-dom reflects CSSOM changes through setAttribute, so the attribute itself is not
    // checked here; test/e2e/widget-strict-csp.test.ts sees the real CSP.
    const setProperty = vi.spyOn(CSSStyleDeclaration.prototype, 'setProperty');
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal);
    expect(setProperty).toHaveBeenCalledWith('position', 'fixed', 'important');
    expect(overlay.host.style.getPropertyValue('position')).toBe('fixed');
    expect(overlay.host.style.getPropertyPriority('position')).toBe('important');
    expect(overlay.host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(overlay.shadow.querySelector('style')).toBeNull();
    expect(overlay.shadow.adoptedStyleSheets.length).toBe(1);
    controller.abort();
    expect(overlay.host.isConnected).toBe(false);
  });

  it('shares one sheet between overlays of a document', () => {
    const a = new AbortController();
    const b = new AbortController();
    const first = createOverlay(document, a.signal);
    const second = createOverlay(document, b.signal);
    expect(second.shadow.adoptedStyleSheets[0]).toBe(first.shadow.adoptedStyleSheets[0]);
    a.abort();
    b.abort();
  });

  it('opens its shadow root by default, so the widget’s host page may style and test it', () => {
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal);
    expect(overlay.shadow.mode).toBe('open');
    expect(overlay.host.shadowRoot).toBe(overlay.shadow);
    controller.abort();
  });

  it('closes its shadow root when asked, so page scripts get null from host.shadowRoot', () => {
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal, { mode: 'closed' });
    expect(overlay.shadow.mode).toBe('closed');
    expect(overlay.host.shadowRoot).toBeNull();
    // Whoever created it still draws in it.
    expect(overlay.shadow.querySelector('.card')).toBe(overlay.card);
    expect(overlay.shadow.adoptedStyleSheets.length).toBe(1);
    controller.abort();
    expect(overlay.host.isConnected).toBe(false);
  });

  it('falls back to a <style> element without constructable sheets', () => {
    vi.spyOn(window, 'CSSStyleSheet', 'get').mockReturnValue(undefined as never);
    const controller = new AbortController();
    const overlay = createOverlay(document, controller.signal);
    expect(overlay.shadow.querySelector('style')?.textContent).toContain('.card');
    controller.abort();
  });
});
