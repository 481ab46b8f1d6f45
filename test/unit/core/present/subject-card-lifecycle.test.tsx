/** @vitest-environment happy-dom */
/** Issue 11 on the card: not yet in force, pending repair, persons of a black entry (落实到人), a disputed red entry. */
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../../../core/api/list-entry-schema.ts';
import { SubjectCard } from '../../../../core/present/subject-card.tsx';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:05:00.000Z');

function card(entries: ListEntry[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const result = makeStatusResult({ entries });
  const verdict = computeVerdict({ result, now: NOW });
  return renderToContainer(<SubjectCard code={SAMPLE_CODE} verdict={verdict} result={result} measures={null} context="general" locale={locale} now={NOW} />);
}

describe('SubjectCard over the life of an entry', () => {
  it('returns a future listing as 未生效, apart from the entries in force, and a clear verdict', () => {
    const c = card([makeEntry({ listedOn: '2026-03-02', category: '拖欠农民工工资' })]);
    expect(c.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('clear');
    expect(c.querySelector('.cl-entries-active')).toBeNull();
    const upcoming = c.querySelector('.cl-entries-upcoming .cl-entry')!;
    expect(upcoming.textContent).toContain('拖欠农民工工资');
    expect(upcoming.textContent).toContain('未生效');
    expect(upcoming.textContent).toContain('2026-03-02');
  });

  it('returns an entry listed today as in force, without the 未生效 note', () => {
    const c = card([makeEntry({ listedOn: '2026-03-01' })]);
    expect(c.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('black');
    expect(c.querySelector('.cl-entries-upcoming')).toBeNull();
    expect(c.textContent).not.toContain('未生效');
  });

  it.each<[string, NonNullable<ListEntry['repair']>['status'], boolean]>([
    ['pending', 'pending', true],
    ['refused', 'refused', false],
  ])('returns 信用修复申请审核中 only while a repair is pending (%s)', (_what, status, shown) => {
    const c = card([makeEntry({ repair: { id: 'r-1', status, filedAt: '2026-02-20T01:00:00.000Z', decidedAt: null } })]);
    expect(c.querySelector('.cl-entries-active .cl-entry')!.textContent!.includes('信用修复申请审核中')).toBe(shown);
  });

  it('returns the persons of a black entry masked as the platform sent them', () => {
    const persons = [
      { role: '法定代表人', name: '张*', idNumber: '420105********1234' },
      { role: '主要负责人', name: '李**', idNumber: null },
    ];
    const c = card([makeEntry({ persons })]);
    const shown = c.querySelector('.cl-entries-active .cl-persons')!.textContent!;
    expect(shown).toContain('法定代表人：张*（420105********1234）');
    expect(shown).toContain('主要负责人：李**');
    expect(c.textContent).toContain('落实到人');
  });

  it('returns a disputed red entry as disputed with its incentives held, never 未列入', () => {
    const c = card([
      makeEntry({
        list: 'red',
        category: '守信激励',
        state: 'disputed',
        objection: { id: 'o-1', status: 'pending', filedAt: '2026-02-01T00:00:00.000Z', resolvedAt: null },
      }),
    ]);
    expect(c.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('disputed');
    expect(c.textContent).not.toContain('未列入');
    expect(c.querySelector('.cl-reason')!.textContent).toContain('暂停适用激励措施');
    expect(c.querySelector('.cl-entries-disputed .cl-entry')!.textContent).toContain('守信激励');
  });

  it('returns platform text without bidi overrides and zero-width characters', () => {
    const c = card([makeEntry({ facts: '拒不\u200b履行', persons: [{ role: '法定代表人', name: '张\u202e*', idNumber: '4201\u202e**********1234' }] })]);
    expect(c.textContent).toContain('拒不履行');
    expect(c.textContent).toContain('法定代表人：张*（4201**********1234）');
    expect(c.textContent).not.toMatch(/[\u200b\u202e]/);
  });
});
