/** @vitest-environment happy-dom */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCreditLens, type CreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { VERDICT_EVENT, type VerdictEventDetail } from '../../../widget/contract/verdict-event.ts';
import { BLACK_CODE, CLEAR_CODE, NOW, RED_CODE, fakePlatform, openCard, settle, type FakePlatform } from './fake-platform.ts';

let platform: FakePlatform;
let lens: CreditLens;
const documentEvents: VerdictEventDetail[] = [];

beforeAll(() => {
  platform = fakePlatform();
  const fetchVia: typeof fetch = (input, init) => platform.fetch(input, init);
  lens = createCreditLens(
    { platform: 'https://credit.example.gov.cn', context: 'procurement' },
    { fetch: fetchVia, now: () => NOW, changesIntervalMs: 60_000 },
  );
  expect(lens.defineElement()).toBe(true);
  document.addEventListener(VERDICT_EVENT, (e) => documentEvents.push(e.detail));
});

beforeEach(() => {
  platform = fakePlatform();
  lens.configure({ platform: `https://credit-${Math.random().toString(36).slice(2)}.example.gov.cn` });
  document.documentElement.setAttribute('lang', 'zh-CN');
  documentEvents.length = 0;
});

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(attrs: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('credit-status');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await settle();
  return el;
}

const badgeOf = (el: HTMLElement) => el.shadowRoot!.querySelector('.cl-badge')!;

describe('<credit-status>', () => {
  it('returns false when defined a second time', () => {
    expect(lens.defineElement()).toBe(false);
  });

  it('returns a pending badge first, then the verdict with the name', async () => {
    const el = document.createElement('credit-status');
    el.setAttribute('code', BLACK_CODE);
    document.body.append(el);
    expect(badgeOf(el).getAttribute('data-verdict')).toBe('pending');
    await settle();
    expect(badgeOf(el).getAttribute('data-verdict')).toBe('black');
    expect(badgeOf(el).textContent).toContain('黑名单');
    expect(badgeOf(el).textContent).toContain(`主体${BLACK_CODE.slice(-4)}`);
  });

  it('returns an accessible toggle button with a full label', async () => {
    const el = await mount({ code: RED_CODE });
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // It starts with the words the badge shows (WCAG 2.5.3), then the full label.
    expect(button.getAttribute('aria-label')).toBe(
      `${button.textContent!.trim()}，信用状态：列入守信联合激励名单（红名单），主体${RED_CODE.slice(-4)}，${RED_CODE}`,
    );
  });

  it('returns the card with entries and context measures when expanded, and closes on Escape', async () => {
    const el = await mount({ code: BLACK_CODE, context: 'approval' });
    const button = el.shadowRoot!.querySelector('button')!;
    await openCard(el);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel.querySelector('.cl-entry')!.textContent).toContain('区法院');
    expect(panel.querySelector('.cl-measures h3')!.textContent).toContain('行政审批');
    expect(panel.querySelector('.cl-measure-item')!.textContent).toBe('限制参与政府采购');
    expect(platform.calls.some((c) => c.url === '/api/v1/measures')).toBe(true);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(el.shadowRoot!.querySelector('.cl-panel')).toBeNull();
  });

  it('returns one status request for many elements', async () => {
    for (const code of [BLACK_CODE, RED_CODE, CLEAR_CODE, BLACK_CODE]) {
      const el = document.createElement('credit-status');
      el.setAttribute('code', code);
      document.body.append(el);
    }
    await settle();
    const statusCalls = platform.calls.filter((c) => c.url === '/api/v1/status');
    expect(statusCalls).toHaveLength(1);
    expect(new Set(statusCalls[0]!.codes)).toEqual(new Set([BLACK_CODE, RED_CODE, CLEAR_CODE]));
  });

  it('returns English when the page lang is en, and follows a change', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await mount({ code: CLEAR_CODE });
    expect(badgeOf(el).textContent).toContain('Not listed');
    document.documentElement.setAttribute('lang', 'zh-CN');
    await settle();
    expect(badgeOf(el).textContent).toContain('未列入');
  });

  it('returns its own lang over the page lang', async () => {
    const el = await mount({ code: CLEAR_CODE, lang: 'en' });
    expect(badgeOf(el).textContent).toContain('Not listed');
  });

  it('returns the new verdict when the code attribute changes', async () => {
    const el = await mount({ code: CLEAR_CODE });
    el.setAttribute('code', RED_CODE);
    await settle();
    expect(badgeOf(el).getAttribute('data-verdict')).toBe('red');
  });

  it('returns invalid for a malformed code without a request', async () => {
    const el = await mount({ code: '91420105-bad' });
    expect(badgeOf(el).getAttribute('data-verdict')).toBe('invalid');
    expect(platform.calls.filter((c) => c.url === '/api/v1/status')).toHaveLength(0);
  });

  it('returns unknown, never clear, when the platform is down', async () => {
    platform.down = true;
    const el = await mount({ code: CLEAR_CODE });
    // The client retries once after 300 ms before the store shows the failure (and keeps retrying).
    await settle(1500);
    expect(badgeOf(el).getAttribute('data-verdict')).toBe('unknown');
    expect(badgeOf(el).textContent).not.toContain('未列入');
  });

  it('returns a creditlens:verdict event on the element and one on the document', async () => {
    const seen: VerdictEventDetail[] = [];
    const el = document.createElement('credit-status');
    el.addEventListener(VERDICT_EVENT, (e) => seen.push(e.detail));
    el.setAttribute('code', BLACK_CODE);
    document.body.append(el);
    await settle();
    expect(seen.map((d) => [d.code, d.verdict.kind, d.previous])).toEqual([[BLACK_CODE, 'black', null]]);
    expect(documentEvents.filter((d) => d.code === BLACK_CODE).map((d) => d.verdict.kind)).toEqual(['black']);
  });

  it('returns no style attributes inside its shadow root', async () => {
    const el = await mount({ code: BLACK_CODE });
    el.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(el.shadowRoot!.querySelector('[style]')).toBeNull();
    expect(el.shadowRoot!.querySelector('style')).toBeNull();
  });

  it('returns nothing rendered after it is removed', async () => {
    const el = await mount({ code: BLACK_CODE });
    el.remove();
    expect(el.shadowRoot!.childNodes).toHaveLength(0);
  });
});
