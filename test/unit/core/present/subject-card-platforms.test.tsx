/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { mergePlatformVerdicts } from '../../../../core/platforms/merge-platform-verdicts.ts';
import { SubjectCard } from '../../../../core/present/subject-card.tsx';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:00:00.000Z');
const answered = (result: StatusResult): CodeVerdict => ({ ...computeVerdict({ result, now: NOW }), result });

function render(verdict: CodeVerdict) {
  const { result, ...plain } = verdict;
  return renderToContainer(
    <SubjectCard code={SAMPLE_CODE} verdict={plain} result={result} measures={null} context="procurement" locale="zh-CN" platformUrl={null} now={NOW} />,
  );
}

describe('SubjectCard with several platforms', () => {
  it('labels each entry with its source platform and says what each platform answered', () => {
    const verdict = mergePlatformVerdicts(
      [
        { platform: { id: 'district', name: '区平台' }, verdict: answered(makeStatusResult({ asOf: NOW.toISOString() })) },
        {
          platform: { id: 'province', name: '省平台' },
          verdict: answered(makeStatusResult({ asOf: NOW.toISOString(), entries: [makeEntry({ id: 'p-1', list: 'black' })] })),
        },
      ],
      { now: NOW },
    );
    const c = render(verdict);
    expect(c.querySelector('.cl-platforms')!.textContent).toBe('区平台：未列入；省平台：黑名单');
    expect(c.querySelector('[data-entry-id="province:p-1"] .cl-entry-source')!.textContent).toBe('来源：省平台');
  });

  it('shows both entries, each with its own source, when two platforms number theirs alike', () => {
    const listed = (id: string, list: 'red' | 'black') =>
      answered(makeStatusResult({ asOf: NOW.toISOString(), entries: [makeEntry({ id, list, ...(list === 'red' && { category: '纳税信用A级纳税人' }) })] }));
    const verdict = mergePlatformVerdicts(
      [
        { platform: { id: 'district', name: '区平台' }, verdict: listed('e-1', 'red') },
        { platform: { id: 'province', name: '省平台' }, verdict: listed('e-1', 'black') },
      ],
      { now: NOW },
    );
    const c = render(verdict);
    const sources = [...c.querySelectorAll('[data-entry-id] .cl-entry-source')].map((e) => e.textContent);
    expect(sources.sort()).toEqual(['来源：区平台', '来源：省平台']);
  });

  it('names the platform that could not be reached', () => {
    const verdict = mergePlatformVerdicts(
      [
        { platform: { id: 'district', name: '区平台' }, verdict: answered(makeStatusResult({ asOf: NOW.toISOString() })) },
        {
          platform: { id: 'province', name: '省平台' },
          verdict: { ...computeVerdict({ result: null, error: new CreditError('offline', 'x'), now: NOW }), result: null },
        },
      ],
      { now: NOW },
    );
    const c = render(verdict);
    expect(c.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('unknown');
    expect(c.querySelector('.cl-platforms')!.textContent).toBe('区平台：未列入；省平台：无法连接');
  });

  it('adds nothing for the single-platform configuration', () => {
    const verdict = mergePlatformVerdicts(
      [
        {
          platform: { id: 'default', name: '信用平台' },
          verdict: answered(makeStatusResult({ asOf: NOW.toISOString(), entries: [makeEntry({ id: 'e-1' })] })),
        },
      ],
      { now: NOW },
    );
    const c = render(verdict);
    expect(c.querySelector('.cl-platforms')).toBeNull();
    expect(c.querySelector('.cl-entry-source')).toBeNull();
  });
});
