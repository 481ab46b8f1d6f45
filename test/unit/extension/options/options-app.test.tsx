/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useRenderRoot } from '../popup/use-render-root.ts';
import { OptionsApp } from '../../../../extension/entrypoints/options/options-app.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import type { ManagedKey } from '../../../../extension/settings/managed-policy.ts';
import type { SettingsView } from '../../../../extension/settings/settings-schema.ts';

const view: SettingsView = { platformUrl: 'http://127.0.0.1:8787', hasToken: true, sites: [], freshnessMinutes: 5, changesPollSeconds: 60, operator: '' };

function setup(locked: ManagedKey[], granted = true, saved: Partial<SettingsView> = {}, access = true) {
  const send = vi.fn(async (type: string, data: any) => {
    if (type === 'getSettings') return { ok: true, value: { ...view, ...saved } };
    if (type === 'saveSettings') return { ok: true, value: { ...view, ...data, hasToken: view.hasToken } };
    if (type === 'testConnection') {
      return {
        ok: true,
        value: { platform: '参考平台', apiVersion: 'v1', anonymousReads: true, latencyMs: 3, tokenAccepted: true, asOf: '2026-11-26T10:00:00.000Z' },
      };
    }
    return { ok: false, error: { kind: 'internal', message: type } };
  });
  const requestOrigins = vi.fn(async () => granted);
  const removeOrigins = vi.fn(async () => true);
  const hasAccess = vi.fn(async () => access);
  return { send, requestOrigins, removeOrigins, hasAccess, readLocked: async () => locked };
}

let root: HTMLElement;
async function mount(env: ReturnType<typeof setup>) {
  await act(async () => {
    render(
      <OptionsApp
        send={env.send as unknown as typeof sendChecked}
        readLocked={env.readLocked}
        builtInSites={['http://127.0.0.1/*', 'http://localhost/*']}
        requestOrigins={env.requestOrigins}
        removeOrigins={env.removeOrigins}
        hasAccess={env.hasAccess}
      />,
      root,
    );
  });
  await vi.waitFor(() => expect(root.querySelector('#platform-url')).not.toBeNull());
}
const input = async (selector: string, value: string) =>
  act(async () => {
    const el = root.querySelector(selector) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = async (text: string) => act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!.click());

describe('OptionsApp', () => {
  useRenderRoot((el) => (root = el));

  it('shows the saved settings without the token, and the built-in sites', async () => {
    await mount(setup([]));
    expect((root.querySelector('#platform-url') as HTMLInputElement).value).toBe('http://127.0.0.1:8787');
    expect((root.querySelector('#platform-token') as HTMLInputElement).value).toBe('');
    expect((root.querySelector('#platform-token') as HTMLInputElement).placeholder).toContain('已保存令牌');
    expect(root.textContent).toContain('http://127.0.0.1/*、http://localhost/*');
    expect(root.querySelector('[data-testid=policy-notice]')).toBeNull();
  });

  it('shows policy-set fields disabled, says why, and leaves them out of the saved patch', async () => {
    const env = setup(['platformUrl', 'token']);
    await mount(env);
    const url = root.querySelector('#platform-url') as HTMLInputElement;
    expect(url.disabled).toBe(true);
    expect((root.querySelector('#platform-token') as HTMLInputElement).disabled).toBe(true);
    expect(root.querySelectorAll('[data-testid=locked-note]')).toHaveLength(2);
    expect(document.getElementById(url.getAttribute('aria-describedby')!)!.textContent).toContain('由单位管理员');
    expect(root.querySelector('[data-testid=policy-notice]')).not.toBeNull();
    await input('#freshness', '10');
    await click('保存');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=save-status]')!.textContent).toBe('已保存。'));
    expect(env.send).toHaveBeenCalledWith('saveSettings', { sites: [], freshnessMinutes: 10, operator: '' });
    expect(env.requestOrigins).not.toHaveBeenCalled();
  });

  it('asks for the platform origin and saves the typed URL and token', async () => {
    const env = setup([]);
    await mount(env);
    await input('#platform-url', 'https://credit.example.gov.cn/');
    await input('#platform-token', 'tok');
    await click('保存');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=save-status]')!.textContent).toBe('已保存。'));
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://credit.example.gov.cn/*']);
    expect(env.send).toHaveBeenCalledWith('saveSettings', expect.objectContaining({ platformUrl: 'https://credit.example.gov.cn/', token: 'tok' }));
  });

  it('tests the connection with what is typed and reports the token as accepted', async () => {
    const env = setup([]);
    await mount(env);
    await input('#platform-token', 'tok');
    await click('测试连接');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=connection-status]')!.textContent).toContain('令牌有效'));
    expect(env.send).toHaveBeenCalledWith('testConnection', { platformUrl: 'http://127.0.0.1:8787', token: 'tok' });
  });

  it('adds a site only after the browser grants access to it', async () => {
    const env = setup([]);
    await mount(env);
    await input('#site-input', 'oa.example.gov.cn');
    await click('添加并授权');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=sites] [data-pattern]')).not.toBeNull());
    expect(env.requestOrigins).toHaveBeenCalledWith(['*://oa.example.gov.cn/*']);
    expect(root.querySelector('[data-testid=sites] [data-pattern]')!.getAttribute('data-pattern')).toBe('*://oa.example.gov.cn/*');
  });

  it('does not add a site the browser refused', async () => {
    const env = setup([], false);
    await mount(env);
    await input('#site-input', 'https://oa.example.gov.cn/');
    await click('添加并授权');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=site-message]')!.textContent).toContain('未授权'));
    expect(root.querySelector('[data-testid=sites]')).toBeNull();
  });

  it('offers to allow access to a policy-set site the browser has not granted, though the list is locked', async () => {
    const site = { pattern: 'https://oa.example.gov.cn/*', context: 'approval' as const };
    const env = setup(['sites'], true, { sites: [site] }, false);
    await mount(env);
    const allow = await vi.waitFor(() => {
      const button = root.querySelector('[data-testid=site-allow]') as HTMLButtonElement | null;
      expect(button).not.toBeNull();
      return button!;
    });
    expect(allow.getAttribute('aria-label')).toBe('授权访问 https://oa.example.gov.cn/*');
    expect((root.querySelector('#site-context-0') as HTMLSelectElement).disabled).toBe(true);
    expect(root.querySelector('#site-input')).toBeNull();
    await act(async () => allow.click());
    await vi.waitFor(() => expect(root.querySelector('[data-testid=site-message]')!.textContent).toBe('已授权访问 https://oa.example.gov.cn/*。'));
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://oa.example.gov.cn/*']);
    expect(root.querySelector('[data-testid=site-allow]')).toBeNull();
  });
});
