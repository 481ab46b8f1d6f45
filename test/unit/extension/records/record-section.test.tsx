/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useRenderRoot } from '../popup/use-render-root.ts';
import { RecordSection } from '../../../../extension/entrypoints/popup/record-section.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';

const signed = {
  record: {
    version: 1,
    recordId: 'r-42',
    platform: 'p',
    issuedAt: '2026-11-26T02:00:00.000Z',
    context: 'procurement',
    caseReference: 'HYCG-2026-0318',
    operator: '王立',
    department: '区市场监管局',
    source: { url: 'http://gov/bid.html', title: '评标' },
    items: [],
    asOf: '2026-11-26T02:00:00.000Z',
    dataVersion: 7,
  },
  signature: { algorithm: 'Ed25519', keyId: 'k', value: 'c2ln' },
};

function fakeSend(answers: Record<string, (data: any) => unknown>) {
  return vi.fn(async (type: string, data: unknown) =>
    answers[type] ? answers[type]!(data) : { ok: false, error: { kind: 'internal', message: type } },
  ) as unknown as typeof sendChecked & ReturnType<typeof vi.fn>;
}

let root: HTMLElement;

describe('RecordSection', () => {
  useRenderRoot((el) => (root = el));

  it('records the tab with the case the page showed, then prints through the platform’s page', async () => {
    const send = fakeSend({
      getLastRecord: () => ({ ok: true, value: null }),
      getSettings: () => ({
        ok: true,
        value: { platformUrl: 'http://127.0.0.1:8787', hasToken: true, sites: [], freshnessMinutes: 5, changesPollSeconds: 60, operator: '王立' },
      }),
      getCaseReference: () => ({ ok: true, value: { value: 'HYCG-2026-0318' } }),
      createRecord: () => ({ ok: true, value: { signed: { ...signed, record: { ...signed.record, items: [{}, {}] } }, source: 'tab', omitted: 0 } }),
    });
    const openTab = vi.fn();
    await act(async () => render(<RecordSection tabId={7} send={send} openTab={openTab} />, root));
    await vi.waitFor(() => expect(root.querySelector<HTMLInputElement>('#record-case')!.value).toBe('HYCG-2026-0318'));
    await act(async () => void root.querySelector('form.record-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(send).toHaveBeenCalledWith('createRecord', {
      tabId: 7,
      text: null,
      context: null,
      caseReference: 'HYCG-2026-0318',
      projectName: null,
      ownerTabId: 7,
    });
    expect(send).toHaveBeenCalledWith('getLastRecord', { tabId: 7 });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=record-status]')!.textContent).toBe('已生成，共 2 个代码，平台已签名。'));
    expect(root.querySelector('[data-testid=record]')!.textContent).toContain('王立 · 区市场监管局');
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === '打印')!.click());
    expect(openTab).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/127\.0\.0\.1:8787\/records\/print#[A-Za-z0-9_-]+$/));
  });

  it('shows the last record again, and records only pasted text when there is no checked tab', async () => {
    const send = fakeSend({
      getLastRecord: () => ({ ok: true, value: { signed, source: 'text', omitted: 2 } }),
      getSettings: () => ({ ok: false, error: { kind: 'internal', message: 'x' } }),
      createRecord: () => ({ ok: false, error: { kind: 'not-found', message: 'no codes' } }),
    });
    await act(async () => render(<RecordSection tabId={null} send={send} openTab={() => undefined} />, root));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=record]')?.getAttribute('data-record-id')).toBe('r-42'));
    expect(root.textContent).toContain('另有 2 个超出');
    expect(root.querySelector('input[name=record-from]')).toBeNull();
    await act(async () => void root.querySelector('form.record-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(root.querySelector('[data-testid=record-status]')!.textContent).toBe('请先粘贴要核查的代码。');
    const text = root.querySelector<HTMLTextAreaElement>('#record-text')!;
    await act(async () => {
      text.value = '没有代码';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void root.querySelector('form.record-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=record-status]')!.textContent).toBe('没有可记录的代码。'));
    expect(send).toHaveBeenCalledWith('createRecord', {
      tabId: null,
      text: '没有代码',
      context: null,
      caseReference: null,
      projectName: null,
      ownerTabId: null,
    });
    // A failed attempt leaves no older record to print.
    expect(root.querySelector('[data-testid=record]')).toBeNull();
  });
});
