/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';
import { showFirstRunHint, type FirstRunHintStore } from '../../../../extension/content/show-first-run-hint.tsx';

function memoryStore(dismissed = false): FirstRunHintStore & { value: boolean } {
  const store = {
    value: dismissed,
    dismissed: async () => store.value,
    dismiss: async () => {
      store.value = true;
    },
  };
  return store;
}

async function shown(store: FirstRunHintStore) {
  const controller = new AbortController();
  const overlay = createOverlay(document, controller.signal, { mode: 'closed' });
  await showFirstRunHint({ document, overlay, signal: controller.signal, store, locale: 'zh-CN' });
  const hint = () => overlay.shadow.querySelector<HTMLElement>('.first-run-hint');
  return { overlay, hint, controller };
}

describe('showFirstRunHint', () => {
  afterEach(() => {
    document.documentElement.querySelectorAll('creditlens-overlay').forEach((e) => e.remove());
  });

  it('says what was marked, in the closed overlay, before the card; the legend opens inside it and it is never shown again', async () => {
    const store = memoryStore();
    const { overlay, hint, controller } = await shown(store);
    expect(hint()?.textContent).toContain('信用透镜已标出本页的统一社会信用代码。');
    expect(document.body.querySelector('.first-run-hint')).toBeNull();
    expect(hint()!.compareDocumentPosition(overlay.card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    hint()!.querySelector<HTMLButtonElement>('.hint-legend')!.click();
    await expect.poll(() => hint()?.querySelector('[data-testid=legend]')?.hasAttribute('open')).toBe(true);
    expect(hint()!.querySelectorAll('.cl-legend-item').length).toBeGreaterThan(3);
    expect(store.value).toBe(true);
    controller.abort();
    expect((await shown(store)).hint()).toBeNull();
  });

  it('closes with its button, for good', async () => {
    const store = memoryStore();
    const { hint, controller } = await shown(store);
    hint()!.querySelector<HTMLButtonElement>('.hint-close')!.click();
    expect(hint()).toBeNull();
    expect(store.value).toBe(true);
    controller.abort();
  });

  it('goes away by itself once a card is opened', async () => {
    const store = memoryStore();
    const { overlay, hint, controller } = await shown(store);
    expect(hint()).not.toBeNull();
    overlay.card.hidden = false;
    await expect.poll(() => hint()).toBeNull();
    expect(store.value).toBe(true);
    controller.abort();
  });

  it('is removed with the overlay', async () => {
    const { hint, controller } = await shown(memoryStore());
    controller.abort();
    expect(hint()).toBeNull();
  });
});
