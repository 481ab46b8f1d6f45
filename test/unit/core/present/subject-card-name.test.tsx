/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SubjectCard } from '../../../../core/present/subject-card.tsx';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { localVerdict } from '../../../../core/verdict/local-verdict.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:00:00.000Z');

function nameOn(verdict: CodeVerdict): string {
  const { result, ...plain } = verdict;
  const c = renderToContainer(
    <SubjectCard code={SAMPLE_CODE} verdict={plain} result={result} measures={null} context="procurement" locale="zh-CN" platformUrl={null} now={NOW} />,
  );
  return c.querySelector('.cl-card-name')!.textContent!;
}

describe('SubjectCard, the name line', () => {
  it('says the name is to come when the verdict was shown before the platform’s answer (the list snapshot)', () => {
    const early = { ...localVerdict('black', { code: 'black-active', detail: 'snapshot' }), result: null } as CodeVerdict;
    expect(nameOn(early)).toBe('（名称待平台答复）');
  });

  it('says unregistered when the platform answered without a name, and for an invalid code', () => {
    const result = makeStatusResult({ asOf: NOW.toISOString(), found: false, subject: null });
    expect(nameOn({ ...computeVerdict({ result, now: NOW }), result })).toBe('（未登记名称）');
    expect(nameOn({ ...localVerdict('invalid', { code: 'invalid-code' }), result: null } as CodeVerdict)).toBe('（未登记名称）');
  });
});
