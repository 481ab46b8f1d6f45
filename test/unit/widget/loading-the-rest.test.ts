/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCreditLensCore, type CreditLensCore } from '../../../widget/runtime/create-credit-lens-core.ts';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { createCreditStatusElement } from '../../../widget/element/credit-status-element.ts';
import { loadMore, type WidgetMore } from '../../../widget/runtime/load-more.ts';
import { queueStorageKey } from '../../../widget/contract/local-storage-queue.ts';
import { BLACK_CODE, NOW, RED_CODE, fakePlatform, openCard, settle, type FakePlatform } from './fake-platform.ts';

// The script tag carries badges and check(); the card, forms, scans and records load on first use.
let platform: FakePlatform;
let failing = false;
const load = vi.fn((): Promise<WidgetMore> => (failing ? Promise.reject(new Error('network down')) : loadMore()));
let core: CreditLensCore;
let tag: string;
let seq = 0;

/** A fresh runtime per test (it keeps what it loaded), with its own element name. */
beforeEach(() => {
  platform = fakePlatform();
  failing = false;
  load.mockClear();
  localStorage.clear();
  core = createCreditLensCore({ fetch: (input, init) => platform.fetch(input, init), now: () => NOW, changesIntervalMs: 60_000, loadMore: load });
  core.configure({ platform: 'https://credit.example.gov.cn' });
  tag = `credit-status-lazy-${++seq}`;
  customElements.define(tag, createCreditStatusElement(core));
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function mount(code: string): Promise<HTMLElement> {
  const el = document.createElement(tag);
  el.setAttribute('code', code);
  document.body.append(el);
  await settle();
  return el;
}

describe('loading the rest of the widget', () => {
  it('returns badges and check() answers without loading the rest', async () => {
    const el = await mount(BLACK_CODE);
    const [result] = await core.check(RED_CODE);
    expect(el.shadowRoot!.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('black');
    expect(result!.verdict.kind).toBe('red');
    expect(load).not.toHaveBeenCalled();
  });

  it('returns the card after loading the rest on first open, and loads it only once', async () => {
    const first = await mount(BLACK_CODE);
    const second = await mount(RED_CODE);
    const root = await openCard(first);
    expect(root.querySelector('.cl-panel .cl-entry')).not.toBeNull();
    await openCard(second);
    // The runtime keeps what it loaded: one call, however many cards open.
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('returns a message in place of the card when the rest cannot be loaded, and keeps the badge', async () => {
    failing = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount(BLACK_CODE);
    el.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(el.shadowRoot!.textContent).toContain('详情暂时无法加载');
    expect(el.shadowRoot!.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('black');
    expect(errors).toHaveBeenCalled();
  });

  it('returns a retry on the next open after a failed load', async () => {
    failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount(BLACK_CODE);
    const button = el.shadowRoot!.querySelector('button')!;
    button.click();
    await settle();
    button.click();
    failing = false;
    const root = await openCard(el);
    expect(root.querySelector('.cl-panel')).not.toBeNull();
  });

  it('returns the feedback queue loaded at once when an earlier visit left feedback waiting', () => {
    const platformUrl = 'https://credit-waiting.example.gov.cn';
    localStorage.setItem(queueStorageKey(platformUrl), '[]');
    core.configure({ platform: platformUrl });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('returns no load at configure when nothing is waiting', () => {
    core.configure({ platform: 'https://credit-idle.example.gov.cn' });
    expect(load).not.toHaveBeenCalled();
  });

  it('returns a clear error from exportRecord before any record was made', () => {
    const fresh = createCreditLens({}, { loadMore: load });
    expect(() => fresh.exportRecord({} as never, 'json')).toThrow(/record\(\)/);
  });
});
