/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { BLACK_CODE, CLEAR_CODE, NOW, RED_CODE, fakePlatform, type FakePlatform } from './fake-platform.ts';

let platform: FakePlatform;

function lens(options = {}) {
  return createCreditLens({ platform: 'https://credit.example.gov.cn', ...options } as Parameters<typeof createCreditLens>[0], {
    fetch: platform.fetch,
    now: () => NOW,
    changesIntervalMs: 60_000,
  });
}

function documents(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<p>申请人 ${BLACK_CODE}</p><p>供应商 ${RED_CODE}</p><p>投标人 ${CLEAR_CODE}</p>`;
  document.body.replaceChildren(root);
  return root;
}

beforeEach(() => {
  platform = fakePlatform();
});

describe('CreditLens.scan counts', () => {
  it('returns a clear from the public lists alone apart from the full clear, with its qualifier, when no token is set', async () => {
    const handle = await lens().scan(documents());
    expect(handle.findings.find((f) => f.code === CLEAR_CODE)?.look).toBe('public');
    expect(handle.counts().map(({ look, count, name }) => [look, count, name])).toEqual([
      ['black', 1, '黑名单'],
      ['red', 1, '红名单'],
      ['public', 1, '未列入·仅公开信息'],
    ]);
    handle.stop();
  });

  it('returns the full clear look when the department token is set', async () => {
    const handle = await lens({ token: 'dept-token' }).scan(documents());
    expect(handle.counts().map(({ look, count }) => [look, count])).toEqual([
      ['black', 1],
      ['red', 1],
      ['clear', 1],
    ]);
    expect(handle.findings.every((f) => f.look === f.kind)).toBe(true);
    handle.stop();
  });
});
