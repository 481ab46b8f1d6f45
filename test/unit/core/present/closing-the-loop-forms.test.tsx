/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { FeedbackRecord } from '../../../../core/api/feedback-schema.ts';
import type { ObjectionResponse } from '../../../../core/api/objection-schema.ts';
import type { QueuedFeedback } from '../../../../core/feedback/create-feedback-queue.ts';
import { FeedbackForm, type FeedbackFormProps } from '../../../../core/present/feedback-form.tsx';
import { NameMismatchNotice } from '../../../../core/present/name-mismatch-notice.tsx';
import { ObjectionForm } from '../../../../core/present/objection-form.tsx';
import { SubjectCard } from '../../../../core/present/subject-card.tsx';
import { VerdictBadge } from '../../../../core/present/verdict-badge.tsx';
import { applicableMeasures } from '../../../../core/verdict/applicable-measures.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeMeasure } from '../fixtures/make-measure.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:05:00.000Z');
const result = makeStatusResult({ entries: [makeEntry({ id: 'e-1' })] });
const verdict = computeVerdict({ result, now: NOW });
const measures = applicableMeasures(verdict, [makeMeasure(), makeMeasure({ id: 'm-2', item: '限制新增项目审批' })], 'procurement');
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.replaceChildren();
});

function form(overrides: Partial<FeedbackFormProps> = {}) {
  const onSubmit = vi.fn(async () => undefined);
  const props: FeedbackFormProps = {
    code: SAMPLE_CODE,
    measures,
    locale: 'zh-CN',
    reporter: '张三（区发改局）',
    caseReference: '',
    queued: [],
    given: [],
    onSubmit,
    idPrefix: 'fb',
    ...overrides,
  };
  return { c: renderToContainer(<FeedbackForm {...props} />), onSubmit };
}

function input(el: Element, value: string) {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(c: Element, measureId: string, value: string) {
  const radio = c.querySelector(`fieldset[data-measure-id="${measureId}"] input[value="${value}"]`) as HTMLInputElement;
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
  radio.dispatchEvent(new Event('click', { bubbles: true }));
}

async function submit(c: Element) {
  c.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await tick();
  await tick();
}

describe('FeedbackForm', () => {
  it('returns one labelled radio group per applicable measure and a labelled case reference', () => {
    const { c } = form();
    expect([...c.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['限制参与政府采购', '限制新增项目审批']);
    const caseInput = c.querySelector('input[name="caseReference"]')!;
    expect(c.querySelector(`label[for="${caseInput.id}"]`)!.textContent).toContain('业务编号');
    expect(c.querySelectorAll('input[type=radio]')).toHaveLength(8);
    expect(c.textContent).toContain('反馈人：张三（区发改局）');
    expect(c.innerHTML).not.toMatch(/style=/);
  });

  it('returns an error instead of submitting without a case reference or a reason', async () => {
    const { c, onSubmit } = form();
    choose(c, 'm-1', 'applied');
    await tick();
    await submit(c);
    expect(c.querySelector('[role=alert]')!.textContent).toBe('请填写业务编号。');
    input(c.querySelector('input[name="caseReference"]')!, '审批-2026-001');
    choose(c, 'm-2', 'not-applicable');
    await tick();
    await submit(c);
    expect(c.querySelector('[role=alert]')!.textContent).toContain('限制新增项目审批');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('returns the drafts for the chosen measures on submit', async () => {
    const { c, onSubmit } = form({ caseReference: '审批-2026-001' });
    choose(c, 'm-1', 'applied');
    await tick();
    choose(c, 'm-2', 'not-applicable');
    await tick();
    input(c.querySelector('fieldset[data-measure-id="m-2"] textarea')!, '本事项不涉及新增项目');
    input(c.querySelector('textarea[name="note"]')!, '经科室会商');
    await tick();
    await submit(c);
    expect(onSubmit).toHaveBeenCalledWith([
      { code: SAMPLE_CODE, entryId: 'e-1', measureId: 'm-1', outcome: 'applied', reason: null, caseReference: '审批-2026-001', note: '经科室会商' },
      {
        code: SAMPLE_CODE,
        entryId: 'e-1',
        measureId: 'm-2',
        outcome: 'not-applicable',
        reason: '本事项不涉及新增项目',
        caseReference: '审批-2026-001',
        note: '经科室会商',
      },
    ]);
    expect(c.querySelector('[role=status]')!.textContent).toContain('已保存 2 条反馈');
  });

  it('sends once when two submits arrive before it re-renders (a double Enter, a racing script)', async () => {
    let finish = () => {};
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { c } = form({ caseReference: '审批-2026-001', onSubmit });
    choose(c, 'm-1', 'applied');
    await tick();
    const element = c.querySelector('form')!;
    element.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    element.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    finish();
    await tick();
    await tick();
    expect(c.querySelector('[role=status]')!.textContent).toContain('已保存 1 条反馈');
  });

  it('returns the pending and refused items and the feedback already given', () => {
    const request = {
      idempotencyKey: 'k-00000001',
      code: SAMPLE_CODE,
      entryId: 'e-1',
      measureId: 'm-1',
      outcome: 'applied' as const,
      reason: null,
      caseReference: 'A-1',
      note: null,
      operator: null,
      context: 'procurement' as const,
    };
    const queued: QueuedFeedback[] = [
      { request, status: 'pending', enqueuedAt: NOW.toISOString(), attempts: 2, nextAttemptAt: 1, error: { kind: 'offline', status: null, message: 'x' } },
      {
        request: { ...request, idempotencyKey: 'k-00000002', measureId: 'm-2' },
        status: 'failed',
        enqueuedAt: NOW.toISOString(),
        attempts: 1,
        nextAttemptAt: null,
        error: { kind: 'http', status: 400, message: 'unknown measure' },
      },
    ];
    const given: FeedbackRecord[] = [{ ...request, id: 'fb-1', department: '区财政局', operator: '李四', receivedAt: '2026-03-01T02:00:00.000Z' }];
    const { c } = form({ queued, given });
    const items = [...c.querySelectorAll('.cl-queued-item')];
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['pending', 'failed']);
    expect(items[0]!.textContent).toContain('等待发送');
    expect(items[1]!.textContent).toContain('平台未接受：unknown measure');
    expect(c.querySelector('.cl-given-item')!.textContent).toBe('限制参与政府采购：已实施 — 区财政局 李四，2026-03-01 10:00');
  });

  it('returns English labels', () => {
    const { c } = form({ locale: 'en', given: 'unavailable' });
    expect(c.textContent).toContain('Case reference');
    expect(c.textContent).toContain('Not applicable');
    expect(c.textContent).toContain('could not be loaded');
  });
});

describe('ObjectionForm', () => {
  const entry = makeEntry({ id: 'e-1' });
  const accepted: ObjectionResponse = {
    objection: {
      id: 'obj-1',
      code: SAMPLE_CODE,
      entryId: 'e-1',
      status: 'pending',
      reason: 'r',
      filedAt: NOW.toISOString(),
      resolvedAt: null,
      department: '区发改局',
    },
    entryState: 'disputed',
    asOf: NOW.toISOString(),
    dataVersion: 2,
  };

  it('returns the objection request and the accepted message', async () => {
    const onSubmit = vi.fn(async () => accepted);
    const onAccepted = vi.fn();
    const c = renderToContainer(<ObjectionForm code={SAMPLE_CODE} entry={entry} locale="zh-CN" onSubmit={onSubmit} onAccepted={onAccepted} idPrefix="o" />);
    (c.querySelector('button') as HTMLButtonElement).click();
    await tick();
    expect(c.querySelector('label[for="o-reason"]')!.textContent).toBe('异议理由');
    input(c.querySelector('#o-reason')!, '该判决已履行完毕');
    input(c.querySelector('#o-contact')!, '027-84000000');
    await tick();
    await submit(c);
    expect(onSubmit).toHaveBeenCalledWith({ code: SAMPLE_CODE, entryId: 'e-1', reason: '该判决已履行完毕', contact: '027-84000000' });
    expect(c.querySelector('[role=status]')!.textContent).toBe('异议已受理：惩戒措施暂停执行');
    expect(onAccepted).toHaveBeenCalledWith(accepted);
  });

  it('posts one objection when two submits arrive before it re-renders', async () => {
    const onSubmit = vi.fn(async () => accepted);
    const c = renderToContainer(<ObjectionForm code={SAMPLE_CODE} entry={entry} locale="zh-CN" onSubmit={onSubmit} idPrefix="o" />);
    (c.querySelector('button') as HTMLButtonElement).click();
    await tick();
    input(c.querySelector('#o-reason')!, '该判决已履行完毕');
    input(c.querySelector('#o-contact')!, '027-84000000');
    await tick();
    const element = c.querySelector('form')!;
    element.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    element.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick();
    await tick();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it.each([
    [new CreditError('auth', 'no', { status: 403 }), '需要部门账号'],
    [new CreditError('http', 'dup', { status: 409 }), '已在异议核查中'],
    [new CreditError('offline', 'down'), '稍后重试'],
  ])('returns a message for %s', async (error, text) => {
    const c = renderToContainer(<ObjectionForm code={SAMPLE_CODE} entry={entry} locale="zh-CN" onSubmit={async () => Promise.reject(error)} idPrefix="o" />);
    (c.querySelector('button') as HTMLButtonElement).click();
    await tick();
    input(c.querySelector('#o-reason')!, 'r');
    input(c.querySelector('#o-contact')!, 'c');
    await tick();
    await submit(c);
    expect(c.querySelector('[role=alert]')!.textContent).toContain(text);
  });
});

describe('name mismatch', () => {
  it.each([
    ['武汉某某有限公司', '武汉某某有限公司', false],
    ['武汉某某有限公司（联合体牵头人）', '武汉某某有限公司', false],
    ['武汉另一家有限公司', '武汉某某有限公司', true],
    [null, '武汉某某有限公司', false],
  ])('NameMismatchNotice(%j vs %j) shows: %s', (page, registered, shown) => {
    const c = renderToContainer(<NameMismatchNotice pageName={page} registeredName={registered} locale="zh-CN" />);
    expect(c.querySelector('.cl-mismatch-notice') !== null).toBe(shown);
    if (shown) expect(c.textContent).toContain('名称与代码不符');
  });

  it('returns the flag on the badge and the notice and entry actions on the card', () => {
    const badge = renderToContainer(<VerdictBadge verdict={verdict} locale="en" nameMismatch />);
    expect(badge.querySelector('.cl-mismatch')!.textContent).toBe('⚠ Name does not match code');
    expect(badge.querySelector('.cl-badge')!.getAttribute('data-name-mismatch')).toBe('true');
    const card = renderToContainer(
      <SubjectCard
        code={SAMPLE_CODE}
        verdict={verdict}
        result={result}
        measures={measures}
        context="procurement"
        locale="zh-CN"
        now={NOW}
        pageName="别的公司"
        entryActions={(e) => <span class="x">{e.id}</span>}
      >
        <p class="extra">more</p>
      </SubjectCard>,
    );
    expect(card.querySelector('.cl-mismatch-notice')!.textContent).toContain('别的公司');
    expect(card.querySelector('.cl-entry .x')!.textContent).toBe('e-1');
    expect(card.querySelector('.extra')).not.toBeNull();
  });
});
