/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { applicableMeasures } from '../../../../core/verdict/applicable-measures.ts';
import { actionPanel, type ActionPanel } from '../../../../extension/feedback/action-panel.tsx';
import { CardWithActions } from '../../../../extension/feedback/card-with-actions.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeMeasure } from '../../core/fixtures/make-measure.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const NOW = new Date();

function props(send: typeof sendChecked, pageName: string | null = null) {
  const entry = makeEntry({ id: 'e-1' });
  const result = {
    code: A,
    found: true,
    invalid: false,
    subject: { code: A, name: '武汉甲公司', regionCode: null, legalRepresentative: null },
    entries: [entry],
    asOf: NOW.toISOString(),
    dataVersion: 1,
  };
  const verdict = computeVerdict({ result, now: NOW });
  const measures = applicableMeasures(verdict, [makeMeasure({ id: 'm-1', list: 'black', contexts: ['procurement'] })], 'procurement');
  return {
    code: A,
    verdict,
    result,
    measures,
    context: 'procurement' as const,
    locale: 'zh-CN' as const,
    now: NOW,
    pageName,
    send,
    actionable: true,
    idPrefix: 't',
  };
}

function fakeSend(answers: Record<string, (data: any) => unknown>) {
  return vi.fn(async (type: string, data: unknown) =>
    answers[type] ? answers[type]!(data) : { ok: false, error: { kind: 'internal', message: type } },
  ) as unknown as typeof sendChecked & ReturnType<typeof vi.fn>;
}

const view = (over: object = {}) => ({ ok: true, value: { code: A, reporter: '王立', caseReference: 'HYCG-1', queued: [], given: [], ...over } });
let host: HTMLElement;
let root: HTMLElement;
let shadow: ShadowRoot;
let panel: ActionPanel;
const panelBox = () => shadow.querySelector<HTMLElement>('.cl-panel');

describe('CardWithActions', () => {
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    shadow = host.attachShadow({ mode: 'open' });
    root = document.createElement('div');
    shadow.append(root);
    panel = actionPanel(shadow);
  });
  afterEach(() => {
    render(null, root);
    panel.close();
    host.remove();
  });

  it('offers feedback and objections as buttons that open the pinned panel, not forms inside the card', async () => {
    const send = fakeSend({ getFeedback: () => view() });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} />, root));
    expect(root.querySelector('form')).toBeNull();
    expect(root.querySelector('.cl-open-feedback')?.textContent).toBe('反馈措施落实情况');
    expect(root.querySelector('.cl-report')?.textContent).toBe('报告信息有误');
    expect(panelBox()).toBeNull();
    await act(async () => root.querySelector<HTMLButtonElement>('.cl-open-feedback')!.click());
    await vi.waitFor(() => expect(panelBox()?.querySelector('.cl-feedback form')).not.toBeNull());
    expect(panelBox()!.getAttribute('role')).toBe('dialog');
    expect(shadow.activeElement?.className).toBe('cl-panel-title');
  });

  it('keeps what was typed in the panel when the card is rendered again with a fresher answer', async () => {
    const send = fakeSend({ getFeedback: () => view() });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('.cl-open-feedback')!.click());
    await vi.waitFor(() => expect(panelBox()?.querySelector('input[name=caseReference]')).not.toBeNull());
    const field = panelBox()!.querySelector<HTMLInputElement>('input[name=caseReference]')!;
    await act(async () => {
      field.value = 'SP-TYPED';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => panel.update({ ...props(send), panel, now: new Date(NOW.getTime() + 5000) }));
    expect(panelBox()!.querySelector<HTMLInputElement>('input[name=caseReference]')).toBe(field);
    expect(field.value).toBe('SP-TYPED');
  });

  it('closes the panel with Esc and gives focus back to the code it was opened for', async () => {
    const marker = document.createElement('button');
    marker.dataset.code = A;
    shadow.append(marker);
    const send = fakeSend({ getFeedback: () => view() });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('.cl-report')!.click());
    expect(panelBox()?.querySelector('.cl-objection-form textarea[name=reason]')).not.toBeNull();
    await act(async () => void panelBox()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(panelBox()).toBeNull();
    expect(shadow.activeElement).toBe(marker);
  });

  it('starts the feedback section with the tab’s case and sends the drafts for the frame’s context', async () => {
    const send = fakeSend({ getFeedback: () => view(), submitFeedback: () => view({ queued: [] }) });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('.cl-open-feedback')!.click());
    root = panelBox()!;
    await vi.waitFor(() => expect(root.querySelector<HTMLInputElement>('input[name=caseReference]')?.value).toBe('HYCG-1'));
    expect(send).toHaveBeenCalledWith('getFeedback', { code: A, caseReference: null });
    expect(root.textContent).toContain('反馈人：王立');
    await act(async () => {
      const applied = root.querySelector<HTMLInputElement>('fieldset[data-measure-id=m-1] input[value=applied]')!;
      applied.checked = true;
      applied.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => void root.querySelector('.cl-feedback form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await vi.waitFor(() =>
      expect(send).toHaveBeenCalledWith('submitFeedback', {
        context: 'procurement',
        drafts: [{ code: A, entryId: 'e-1', measureId: 'm-1', outcome: 'applied', reason: null, caseReference: 'HYCG-1', note: null }],
      }),
    );
  });

  it('says an objection was refused because the entry is already disputed (409)', async () => {
    const send = fakeSend({
      getFeedback: () => view(),
      submitObjection: () => ({ ok: true, value: { accepted: false, kind: 'http', status: 409, message: 'conflict' } }),
    });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('.cl-report')!.click());
    const card = root;
    root = panelBox()!;
    await act(async () => {
      for (const [selector, value] of [
        ['textarea[name=reason]', '已履行'],
        ['input[name=contact]', '027-1'],
      ] as const) {
        const field = root.querySelector<HTMLInputElement>(`.cl-objection-form ${selector}`)!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(async () => void root.querySelector('.cl-objection-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await vi.waitFor(() => expect(root.querySelector('.cl-objection-form [role=alert]')?.textContent).toContain('已在异议核查中'));
    expect(send).toHaveBeenCalledWith('submitObjection', { code: A, entryId: 'e-1', reason: '已履行', contact: '027-1' });
    root = card;
  });

  it('still shows what waits in the queue when the card offers no measures (e.g. unknown during an outage)', async () => {
    const queued = [
      {
        request: {
          idempotencyKey: 'k-12345678',
          code: A,
          entryId: 'e-1',
          measureId: 'm-1',
          outcome: 'applied',
          reason: null,
          caseReference: 'SP-2',
          note: null,
          operator: null,
          context: 'procurement',
        },
        status: 'pending',
        enqueuedAt: NOW.toISOString(),
        attempts: 1,
        nextAttemptAt: null,
        error: null,
      },
    ];
    const send = fakeSend({ getFeedback: () => view({ queued, given: [] }) });
    await act(async () => render(<CardWithActions {...props(send)} panel={panel} measures={null} />, root));
    await vi.waitFor(() => expect(root.querySelector('.cl-queued-item[data-status=pending]')?.textContent).toContain('SP-2'));
    expect(send).toHaveBeenCalledWith('getFeedback', { code: A, caseReference: null, queuedOnly: true });
    expect(root.querySelector('.cl-feedback')).toBeNull();
  });

  it('flags a name on the page that is not the registered one, and offers nothing for a code it cannot act on', async () => {
    const send = fakeSend({});
    await act(async () => render(<CardWithActions {...props(send, '武汉乙公司')} panel={panel} actionable={false} />, root));
    expect(root.querySelector('.cl-mismatch-notice')?.textContent).toContain('名称与代码不符');
    expect(root.querySelector('.cl-feedback')).toBeNull();
    expect(root.querySelector('.cl-report')).toBeNull();
    expect(root.querySelector('.cl-open-feedback')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
