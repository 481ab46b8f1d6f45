/** @vitest-environment happy-dom */
/** Issue 10 finding 5 in the widget: opening the card of an answer past the freshness window asks again; when that fails the card says unknown with the last answer. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { BLACK_CODE, fakePlatform, openCard, settle, type FakePlatform } from './fake-platform.ts';

let platform: FakePlatform;
beforeEach(() => {
  platform = fakePlatform();
});
const statusCalls = () => platform.calls.filter((c) => c.url === '/api/v1/status').length;

describe('<credit-status> card past the freshness window', () => {
  it('returns unknown with 上次结果：黑名单 after opening the card asks again during an outage', async () => {
    const lens = createCreditLens({ platform: 'https://credit.example.gov.cn', freshness: 200 }, { fetch: platform.fetch, changesIntervalMs: 60_000 });
    lens.defineElement();
    const el = document.createElement('credit-status');
    el.setAttribute('code', BLACK_CODE);
    document.body.append(el);
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.cl-badge')?.getAttribute('data-verdict')).toBe('black'));
    expect(statusCalls()).toBe(1);
    await settle(300);
    platform.down = true;
    const root = await openCard(el);
    await vi.waitFor(() => expect(statusCalls()).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    await vi.waitFor(() => expect(root.querySelector('.cl-badge')?.getAttribute('data-verdict')).toBe('unknown'), { timeout: 10_000 });
    await vi.waitFor(() => expect(root.querySelector('.cl-reason')?.textContent).toContain('上次结果：黑名单'), { timeout: 5_000 });
    expect(root.querySelector('.cl-card-foot')?.textContent).not.toContain('刚刚');
    el.remove();
  }, 20_000);
});
