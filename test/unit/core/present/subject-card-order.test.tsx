/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../../core/api/measure-schema.ts';
import { orderMeasures } from '../../../../core/present/order-measures.ts';
import { sharedBasis } from '../../../../core/present/shared-basis.ts';
import { SubjectCard } from '../../../../core/present/subject-card.tsx';
import { taskLine } from '../../../../core/present/task-line.ts';
import { applicableMeasures } from '../../../../core/verdict/applicable-measures.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { pendingVerdict } from '../../../../core/verdict/local-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeMeasure } from '../fixtures/make-measure.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:05:00.000Z');
const PLAN = '《实施方案》第（十五）条';
const GUIDANCE = '《指导意见》（国发〔2016〕33号）';

// In the demo catalogue's order (a general measure moved first): the approval page's own measure comes third.
const CATALOGUE: Measure[] = [
  makeMeasure({ id: 'P17-1', item: '以统一社会信用代码公开披露', contexts: ['general'], basis: '《实施方案》第（十七）条' }),
  makeMeasure({ id: 'P15-3', item: '限制参与公共资源交易', contexts: ['procurement'], basis: `${PLAN}；${GUIDANCE}；《财库〔2016〕125号》` }),
  makeMeasure({ id: 'P15-4', item: '限制参与特许经营', contexts: ['procurement', 'approval'], basis: `${PLAN}；${GUIDANCE}` }),
  makeMeasure({ id: 'P15-6', item: '从严审核行政许可', contexts: ['approval', 'licensing'], basis: `${PLAN}；${GUIDANCE}` }),
  makeMeasure({ id: 'P16-2', item: '失信被执行人限制', categories: ['失信被执行人'], contexts: ['licensing', 'approval'], basis: '《备忘录》' }),
];

function black(context: 'approval' | 'procurement', category = '围标串标') {
  const result = makeStatusResult({ entries: [makeEntry({ category })] });
  const verdict = computeVerdict({ result, now: NOW });
  return { result, verdict, measures: applicableMeasures(verdict, CATALOGUE, context) };
}

const ids = (list: { measure: Measure }[]) => list.map((m) => m.measure.id);

describe('the card’s order', () => {
  it.each([
    ['approval', '围标串标', ['P15-6', 'P15-4', 'P17-1']],
    ['procurement', '围标串标', ['P15-3', 'P15-4', 'P17-1']],
    ['approval', '失信被执行人', ['P16-2', 'P15-6', 'P15-4', 'P17-1']],
  ] as const)('puts the most specific measure for %s (%s) first', (context, category, expected) => {
    expect(ids(orderMeasures(black(context, category).measures, context))).toEqual(expected);
  });

  it('puts suspended measures after those in force', () => {
    const { measures } = black('approval');
    const held = measures.map((m) => (m.measure.id === 'P15-6' ? { ...m, suspended: true } : m));
    expect(ids(orderMeasures(held, 'approval'))).toEqual(['P15-4', 'P17-1', 'P15-6']);
  });

  it.each([
    [[{ id: 'a', kind: 'punishment' as const, suspended: false }], '本事项应：a。'],
    [[{ id: 'a', kind: 'reward' as const, suspended: false }], '本事项可：a。'],
    [[{ id: 'a', kind: 'punishment' as const, suspended: true }], '异议核查期间暂停实施：a。'],
    [[], '本环节无适用的联合奖惩措施，按一般规定办理。'],
  ])('says in one line what the task must do: %j → %s', (specs, expected) => {
    const entry = makeEntry();
    const list = specs.map((m) => ({ measure: makeMeasure({ id: m.id, item: m.id, kind: m.kind }), entry, suspended: m.suspended }));
    expect(taskLine(list, 'zh-CN')).toBe(expected);
  });

  it('splits the basis several measures share from what each adds', () => {
    const { shared, own } = sharedBasis(orderMeasures(black('procurement').measures, 'procurement'));
    expect(shared).toEqual([PLAN, GUIDANCE]);
    expect(own.get('P15-3')).toEqual(['《财库〔2016〕125号》']);
    expect(own.get('P15-4')).toEqual([]);
    expect(own.get('P17-1')).toEqual(['《实施方案》第（十七）条']);
  });

  it('opens with the task line, then the measures most specific first with the shared basis once (folded), then the entries', () => {
    const { result, verdict, measures } = black('approval');
    const c = renderToContainer(
      <SubjectCard code={SAMPLE_CODE} verdict={verdict} result={result} measures={measures} context="approval" locale="zh-CN" now={NOW} />,
    );
    const article = c.querySelector('article')!;
    const order = [...article.children].map((el) => el.className.split(' ')[0]);
    expect(order.indexOf('cl-task')).toBe(1);
    expect(order.indexOf('cl-measures')).toBeLessThan(order.indexOf('cl-entries'));
    expect(c.querySelector('.cl-task')!.textContent).toBe('本事项应：从严审核行政许可。');
    expect([...c.querySelectorAll('.cl-measure')].map((m) => m.getAttribute('data-measure-id'))).toEqual(['P15-6', 'P15-4', 'P17-1']);
    const details = c.querySelector('details.cl-shared-basis')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('共同依据（2 项）');
    // Each shared document appears once in the whole card.
    expect(c.textContent!.split(GUIDANCE).length - 1).toBe(1);
  });

  it('shows a card being checked as 正在核查 and busy, with no reason that could read as an answer', () => {
    const c = renderToContainer(
      <SubjectCard code={SAMPLE_CODE} verdict={pendingVerdict()} result={null} measures={null} context="approval" locale="zh-CN" now={NOW} />,
    );
    expect(c.querySelector('article')!.getAttribute('aria-busy')).toBe('true');
    expect(c.querySelector('.cl-checking')!.textContent).toContain('正在核查');
    expect(c.querySelector('.cl-task')).toBeNull();
  });
});
