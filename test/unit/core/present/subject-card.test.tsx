/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SubjectCard, type SubjectCardProps } from '../../../../core/present/subject-card.tsx';
import { applicableMeasures } from '../../../../core/verdict/applicable-measures.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeMeasure } from '../fixtures/make-measure.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:05:00.000Z');

function card(overrides: Partial<SubjectCardProps> & { entries?: Parameters<typeof makeEntry>[0][] } = {}) {
  const result = makeStatusResult({ entries: (overrides.entries ?? [{}]).map((e) => makeEntry(e)) });
  const verdict = computeVerdict({ result, now: NOW });
  const measures = applicableMeasures(verdict, [makeMeasure(), makeMeasure({ id: 'm-2', item: '限制评优', contexts: ['honours'] })], 'procurement');
  const props: SubjectCardProps = {
    code: SAMPLE_CODE,
    verdict,
    result,
    measures,
    context: 'procurement',
    locale: 'zh-CN',
    platformUrl: 'https://credit.example.gov.cn',
    now: NOW,
    ...overrides,
  };
  return renderToContainer(<SubjectCard {...props} />);
}

describe('SubjectCard', () => {
  it('returns the name, code, verdict and reason', () => {
    const c = card();
    expect(c.querySelector('.cl-card-name')!.textContent).toBe('武汉某某建设有限公司');
    expect(c.querySelector('.cl-card-code')!.textContent).toBe(SAMPLE_CODE);
    expect(c.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('black');
    expect(c.querySelector('.cl-reason')!.textContent).toContain('联合惩戒');
  });

  it('returns each active entry with category, facts, department and dates', () => {
    const c = card({
      entries: [{ category: '围标串标', department: '区发改局', listedOn: '2025-06-01', validUntil: '2028-06-01', documentNumber: '汉发改〔2025〕3号' }],
    });
    const entry = c.querySelector('.cl-entries-active .cl-entry')!;
    expect(entry.textContent).toContain('围标串标');
    expect(entry.textContent).toContain('认定部门区发改局');
    expect(entry.textContent).toContain('2025-06-01');
    expect(entry.textContent).toContain('有效期至2028-06-01');
    expect(entry.textContent).toContain('汉发改〔2025〕3号');
  });

  it('returns a disputed entry with its objection state and suspended measures', () => {
    const c = card({
      entries: [{ state: 'disputed', objection: { id: 'o-1', status: 'pending', filedAt: '2026-02-01T00:00:00.000Z', resolvedAt: null } }],
    });
    expect(c.querySelector('.cl-entries-disputed .cl-objection')!.textContent).toBe('核查中（暂停惩戒）');
    const measure = c.querySelector('.cl-measure')!;
    expect(measure.getAttribute('part')).toBe('measure measure-suspended');
    expect(measure.textContent).toContain('暂停适用');
  });

  it('returns only the measures of the context, with basis and implementing department', () => {
    const c = card();
    const items = [...c.querySelectorAll('.cl-measure-item')].map((n) => n.textContent);
    expect(items).toEqual(['限制参与政府采购']);
    expect(c.querySelector('.cl-measures h3')!.textContent).toContain('政府采购');
    expect(c.querySelector('.cl-measure')!.textContent).toContain('方案第（十六）条');
    expect(c.querySelector('.cl-measure')!.textContent).toContain('区财政局');
  });

  it('returns no measure section while the catalogue is loading', () => {
    expect(card({ measures: null }).querySelector('.cl-measures')).toBeNull();
  });

  it('returns when the answer was given, in China time', () => {
    expect(card().querySelector('.cl-as-of')!.textContent).toBe('数据时间：2026-03-01 10:00（5 分钟前）');
  });

  it.each([
    ['https://credit.example.gov.cn', `https://credit.example.gov.cn/subjects/${SAMPLE_CODE}`],
    ['http://127.0.0.1:8080/', `http://127.0.0.1:8080/subjects/${SAMPLE_CODE}`],
    ['javascript:alert(1)', null],
    ['not a url', null],
    [null, null],
  ])('returns the platform link for %s', (platformUrl, href) => {
    const link = card({ platformUrl }).querySelector('a');
    expect(link?.getAttribute('href') ?? null).toBe(href);
    if (link) expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('returns platform text as text, never markup', () => {
    const c = card({ entries: [{ facts: '<b>bold</b><script>x()</script>', category: '<i>c</i>' }] });
    expect(c.querySelector('b, script, i')).toBeNull();
    expect(c.textContent).toContain('<b>bold</b><script>x()</script>');
  });

  it('returns no style attributes (a strict CSP forbids them)', () => {
    expect(card().querySelector('[style]')).toBeNull();
  });

  it('returns English text when the locale is en', () => {
    const c = card({ locale: 'en' });
    expect(c.textContent).toContain('Identifying department');
    expect(c.textContent).toContain('Measures that apply here (Procurement and bidding)');
    expect(c.querySelector('article')!.getAttribute('lang')).toBe('en');
  });

  it('returns the platform’s Chinese data marked lang="zh-CN" inside an English card, and its own words in English', () => {
    const c = card({ locale: 'en', entries: [{ category: '围标串标', department: '区发改局', documentNumber: '汉发改〔2025〕3号' }] });
    const langOf = (selector: string) => c.querySelector(selector)!.closest('[lang]')!.getAttribute('lang');
    expect(langOf('.cl-card-name')).toBe('zh-CN');
    expect(langOf('.cl-entry-category')).toBe('zh-CN');
    expect(langOf('.cl-measure-item')).toBe('zh-CN');
    const facts = [...c.querySelectorAll('.cl-entries-active .cl-facts dd')].filter((dd) => ['区发改局', '汉发改〔2025〕3号'].includes(dd.textContent!));
    expect(facts.map((dd) => dd.getAttribute('lang'))).toEqual(['zh-CN', 'zh-CN']);
    // The card's labels and reason are English, under the card's own lang.
    expect(langOf('.cl-entries-active .cl-facts dt')).toBe('en');
    expect(langOf('.cl-reason')).toBe('en');
  });

  it('returns the unnamed placeholder in the card’s language, not marked Chinese', () => {
    const result = makeStatusResult({ entries: [] });
    const c = card({ locale: 'en', result: { ...result, subject: null }, verdict: computeVerdict({ result: { ...result, subject: null }, now: NOW }) });
    expect(c.querySelector('.cl-card-name')!.hasAttribute('lang')).toBe(false);
  });
});
