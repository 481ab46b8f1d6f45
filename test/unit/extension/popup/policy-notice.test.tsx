/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { loadPolicyView, PolicyNotice, type PolicyView } from '../../../../extension/entrypoints/popup/policy-notice.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import type { ManagedPolicyReport } from '../../../../extension/settings/managed-policy.ts';
import { useRenderRoot } from './use-render-root.ts';

type Send = typeof sendChecked;
const URL = 'https://credit.hanyang.gov.cn';

function fakeSend(health: boolean): Send {
  return vi.fn(async (type: string) => {
    if (type === 'getSettings') return { ok: true, value: { platformUrl: URL, hasToken: true, sites: [], freshnessMinutes: 5, changesPollSeconds: 60 } };
    if (type === 'testConnection')
      return health
        ? {
            ok: true,
            value: {
              platform: '汉阳市公共信用信息平台',
              apiVersion: 'v1',
              anonymousReads: false,
              latencyMs: 3,
              tokenAccepted: true,
              asOf: '2026-12-02T08:00:00Z',
            },
          }
        : { ok: false, error: { kind: 'offline', message: 'down' } };
    return { ok: false, error: { kind: 'internal', message: type } };
  }) as unknown as Send;
}

describe('loadPolicyView', () => {
  it('returns null when no policy is in force and none was dropped', async () => {
    expect(await loadPolicyView(fakeSend(true), async (): Promise<ManagedPolicyReport> => ({ policy: {}, problems: [] }))).toBeNull();
  });

  it('returns the platform by name and URL when a policy is in force and the platform answers', async () => {
    expect(await loadPolicyView(fakeSend(true), async () => ({ policy: { platformUrl: URL }, problems: [] }))).toEqual({
      platformUrl: URL,
      platformName: '汉阳市公共信用信息平台',
      problems: [],
    });
  });

  it('returns the problems, and the platform by URL alone, when only a broken value came and the platform is down', async () => {
    const problems = [{ kind: 'type' as const, path: 'maxCodesPerMinute' }];
    expect(await loadPolicyView(fakeSend(false), async () => ({ policy: {}, problems }))).toEqual({ platformUrl: URL, platformName: null, problems });
  });
});

describe('PolicyNotice', () => {
  let root: HTMLElement;
  useRenderRoot((el) => (root = el));
  const mount = async (view: PolicyView | null) => {
    await act(async () => {
      render(<PolicyNotice load={async () => view} />, root);
    });
  };

  it('names the managing platform when a policy is in force', async () => {
    await mount({ platformUrl: URL, platformName: '汉阳市公共信用信息平台', problems: [] });
    expect(root.querySelector('[data-testid=policy-managed-by]')?.textContent).toBe(`本扩展由单位统一管理：核查结果来自 汉阳市公共信用信息平台（${URL}）。`);
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('reports each dropped policy value as an alert', async () => {
    await mount({
      platformUrl: URL,
      platformName: null,
      problems: [
        { kind: 'type', path: 'maxCodesPerMinute' },
        { kind: 'format', path: 'sites[1].context' },
      ],
    });
    expect(root.querySelector('[data-testid=policy-managed-by]')?.textContent).toBe(`本扩展由单位统一管理：核查结果来自 ${URL}。`);
    const items = [...root.querySelectorAll('[data-testid=policy-problems] li')].map((li) => li.textContent);
    expect(items).toEqual(['maxCodesPerMinute：类型不对', 'sites[1].context：格式不对']);
    expect(root.querySelector('[data-testid=policy-problems]')?.getAttribute('role')).toBe('alert');
  });

  it('says nothing when no policy applies', async () => {
    await mount(null);
    expect(root.innerHTML).toBe('');
  });
});
