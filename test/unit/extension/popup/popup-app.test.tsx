/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useRenderRoot } from './use-render-root.ts';
import { PopupApp } from '../../../../extension/entrypoints/popup/popup-app.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import { batch, codeView, finding } from './fixtures.ts';

type Send = typeof sendChecked;
const A = '91420105MA4KXXXX1A';
const B = '91420105MA4KYYYY2B';
const C = '91420105MA4KZZZZ3C';

/** A fake background: answers by message type from `answers`, recording every call. */
function fakeSend(answers: Record<string, (data: any) => unknown>) {
  return vi.fn(async (type: string, data: unknown) => {
    const answer = answers[type];
    return answer ? answer(data) : { ok: false, error: { kind: 'internal', message: `no ${type}` } };
  }) as unknown as Send & ReturnType<typeof vi.fn>;
}

let root: HTMLElement;

async function mount(send: Send, tabId: number | null = 7) {
  await act(async () => {
    render(<PopupApp tabId={tabId} send={send} locale="zh-CN" openOptions={() => undefined} pollMs={20} />, root);
  });
}

describe('PopupApp', () => {
  useRenderRoot((el) => (root = el));

  it('lists the tab codes most urgent first, with counts per verdict', async () => {
    const send = fakeSend({
      getTabFindings: ({ tabId }) => ({
        ok: true,
        value: {
          tabId,
          frames: [{ frameId: 0, url: 'http://127.0.0.1/demo/approval.html', context: 'approval' }],
          findings: [
            finding(A, 'clear', { name: '武汉甲公司', count: 2 }),
            finding(B, 'black', { name: '武汉乙公司' }),
            finding(C, 'unknown', { validity: 'suspect' }),
          ],
        },
      }),
    });
    await mount(send);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=findings]')).not.toBeNull());
    expect(send).toHaveBeenCalledWith('getTabFindings', { tabId: 7 });
    expect(root.querySelector('#summary-title')!.textContent).toBe('本页共发现 3 个代码');
    const summary = [...root.querySelectorAll('[data-testid=summary] li')].map((li) => li.textContent);
    expect(summary).toEqual(['× 黑名单1', '? 未能核查1', '√ 未列入1', '! 校验位不符1']);
    const rows = [...root.querySelectorAll('[data-testid=findings] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual([B, C, A]);
    expect(rows[0]!.textContent).toContain('武汉乙公司');
    expect(rows[1]!.textContent).toContain('校验位不符');
    expect(rows[1]!.textContent).toContain('（未登记名称）');
    expect(rows[2]!.querySelector('.num')!.textContent).toBe('2');
    expect(root.querySelector('caption')!.textContent).toBe('本页代码及核查结论');
    expect(root.querySelectorAll('th[scope=col]').length).toBeGreaterThanOrEqual(4);
  });

  it('says the page is not checked when the background knows no frames of the tab', async () => {
    const send = fakeSend({ getTabFindings: () => ({ ok: false, error: { kind: 'not-found', message: 'no frames' } }) });
    await mount(send);
    await vi.waitFor(() => expect(root.textContent).toContain('本页面未启用核查'));
  });

  it('re-checks the tab and announces how many codes were asked again', async () => {
    const send = fakeSend({
      getTabFindings: ({ tabId }) => ({ ok: true, value: { tabId, frames: [], findings: [finding(A, 'red')] } }),
      recheckTab: () => ({ ok: true, value: { codes: 1 } }),
    });
    await mount(send);
    const button = await vi.waitFor(() => {
      const b = [...root.querySelectorAll('button')].find((x) => x.textContent === '立即重新核查');
      expect(b).toBeDefined();
      return b!;
    });
    await act(async () => button.click());
    await vi.waitFor(() => expect(root.querySelector('[data-testid=recheck-status]')!.textContent).toBe('已重新核查 1 个代码。'));
    expect(send).toHaveBeenCalledWith('recheckTab', { tabId: 7 });
  });

  it("returns the pause notice of a tab that asked for too many codes, and resumes it on the person's click", async () => {
    let paused: { held: number; limit: number } | null = { held: 2500, limit: 500 };
    const send = fakeSend({
      getTabFindings: ({ tabId }) => ({ ok: true, value: { tabId, frames: [], findings: [finding(A, 'unknown')], paused } }),
      resumeTab: () => {
        paused = null;
        return { ok: true, value: { codes: 2500 } };
      },
    });
    await mount(send);
    const notice = await vi.waitFor(() => {
      const n = root.querySelector('[data-testid=paused-notice]');
      expect(n).not.toBeNull();
      return n!;
    });
    expect(notice.textContent).toContain('超过 500 个代码');
    expect(notice.textContent).toContain('2500 个代码未查询');
    await act(async () => notice.querySelector('button')!.click());
    expect(send).toHaveBeenCalledWith('resumeTab', { tabId: 7 });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=paused-notice]')).toBeNull());
    expect(root.querySelector('[data-testid=recheck-status]')!.textContent).toBe('已继续核查 2500 个代码。');
  });

  it('shows a clear from the public lists alone (no token) with the public chip, not the clear one', async () => {
    const send = fakeSend({
      getTabFindings: ({ tabId }) => ({
        ok: true,
        value: {
          tabId,
          frames: [{ frameId: 0, url: 'http://127.0.0.1/demo/approval.html', context: 'approval' }],
          findings: [finding(A, 'clear', { look: 'public' }), finding(B, 'clear', { look: 'clear' })],
        },
      }),
    });
    await mount(send);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=findings]')).not.toBeNull());
    const chip = (code: string) => root.querySelector(`[data-testid=findings] tr[data-code="${code}"] .chip`)!;
    expect(chip(A).classList.contains('chip-public')).toBe(true);
    expect(chip(A).classList.contains('chip-clear')).toBe(false);
    expect(chip(A).getAttribute('data-verdict')).toBe('public');
    expect(chip(A).textContent).not.toContain('√');
    expect(chip(B).classList.contains('chip-clear')).toBe(true);
  });

  it('runs a batch check of pasted codes, showing progress and then every result in input order', async () => {
    const pending = batch('b1', [codeView(A, 'pending'), codeView(B, 'pending')], 0);
    const half = batch('b1', [codeView(A, 'black', '武汉乙公司'), codeView(B, 'pending')], 1);
    const done = batch('b1', [codeView(A, 'black', '武汉乙公司'), codeView(B, 'clear', '武汉甲公司')], 2);
    const progress = [half, done];
    const send = fakeSend({
      getTabFindings: ({ tabId }) => ({ ok: true, value: { tabId, frames: [{ frameId: 0, url: 'x', context: 'procurement' }], findings: [] } }),
      checkCodes: () => ({ ok: true, value: pending }),
      getBatch: () => ({ ok: true, value: progress.length > 1 ? progress.shift() : progress[0] }),
    });
    await mount(send);
    await vi.waitFor(() => expect((root.querySelector('#batch-context') as HTMLSelectElement).value).toBe('procurement'));
    const textarea = root.querySelector('#batch-text') as HTMLTextAreaElement;
    await act(async () => {
      textarea.value = `${A}\n${B}\n`;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void root.querySelector('form.batch-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(send).toHaveBeenCalledWith('checkCodes', { text: `${A}\n${B}`, context: 'procurement' });
    expect(root.querySelector('[data-testid=batch-progress]')!.textContent).toBe('正在核查：已完成 0 / 2');
    await vi.waitFor(() => expect(root.querySelector('[data-testid=batch-progress]')!.textContent).toBe('核查完成，共 2 个代码。'));
    const rows = [...root.querySelectorAll('[data-testid=batch-results] tbody tr')];
    expect(rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-verdict')])).toEqual([
      [A, 'black'],
      [B, 'clear'],
    ]);
    expect(rows[1]!.textContent).toContain('武汉甲公司');
    expect((root.querySelector('progress') as HTMLProgressElement).getAttribute('value')).toBe('2');
  });

  it('asks for codes instead of starting an empty batch', async () => {
    const send = fakeSend({ getTabFindings: ({ tabId }) => ({ ok: true, value: { tabId, frames: [], findings: [] } }) });
    await mount(send, null);
    await act(async () => void root.querySelector('form.batch-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('请先粘贴要核查的代码。');
    expect(send).not.toHaveBeenCalledWith('checkCodes', expect.anything());
    expect(root.textContent).toContain('没有可核查的当前页面');
  });
});
