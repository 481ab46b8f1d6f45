/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { badgeWords, VerdictBadge } from '../../../../core/present/verdict-badge.tsx';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { pendingVerdict } from '../../../../core/verdict/local-verdict.ts';
import { verdictLabel } from '../../../../core/verdict/verdict-labels.ts';
import type { Verdict, VerdictKind } from '../../../../core/verdict/verdict-types.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResult } from '../fixtures/make-status-result.ts';
import { renderToContainer } from './render-to-container.ts';

const NOW = new Date('2026-03-01T02:01:00.000Z');

function verdictOf(kind: VerdictKind): Verdict {
  const at = (entries: Parameters<typeof makeStatusResult>[0]) => computeVerdict({ result: makeStatusResult(entries), now: NOW });
  switch (kind) {
    case 'black':
      return at({ entries: [makeEntry()] });
    case 'red':
      return at({ entries: [makeEntry({ list: 'red', category: '纳税信用A级纳税人' })] });
    case 'disputed':
      return at({ entries: [makeEntry({ state: 'disputed' })] });
    case 'watch':
      return at({ entries: [makeEntry({ state: 'exited', monitoringUntil: '2027-01-01' })] });
    case 'clear':
      return at({});
    case 'invalid':
      return at({ invalid: true, found: false, subject: null });
    case 'unknown':
      return computeVerdict({ result: null, now: NOW });
    case 'pending':
      return pendingVerdict();
  }
}

describe('VerdictBadge', () => {
  it.each<[VerdictKind, string, string]>([
    ['black', '黑名单', 'Black list'],
    ['red', '红名单', 'Red list'],
    ['disputed', '异议中', 'Disputed'],
    ['watch', '重点监测', 'Monitoring'],
    ['clear', '未列入', 'Not listed'],
    ['invalid', '代码无效', 'Invalid code'],
    ['unknown', '未能核查', 'Not checked'],
    ['pending', '查询中', 'Checking'],
  ])('returns a %s badge with its symbol and words (%s / %s)', (kind, zh, en) => {
    const verdict = verdictOf(kind);
    expect(verdict.kind).toBe(kind);
    const zhBadge = renderToContainer(<VerdictBadge verdict={verdict} locale="zh-CN" />).querySelector('.cl-badge')!;
    expect(zhBadge.getAttribute('data-verdict')).toBe(kind);
    expect(zhBadge.getAttribute('part')).toBe(`badge badge-${kind}`);
    expect(zhBadge.querySelector('.cl-symbol')!.textContent).toBe(verdictLabel(kind, 'zh-CN').symbol);
    expect(zhBadge.querySelector('.cl-symbol')!.getAttribute('aria-hidden')).toBe('true');
    expect(zhBadge.textContent).toContain(zh);
    expect(renderToContainer(<VerdictBadge verdict={verdict} locale="en" />).textContent).toContain(en);
  });

  it('returns different symbols and outline classes for unknown and clear', () => {
    const unknown = renderToContainer(<VerdictBadge verdict={verdictOf('unknown')} locale="zh-CN" />);
    const clear = renderToContainer(<VerdictBadge verdict={verdictOf('clear')} locale="zh-CN" />);
    expect(unknown.querySelector('.cl-symbol')!.textContent).not.toBe(clear.querySelector('.cl-symbol')!.textContent);
    expect(unknown.querySelector('.cl-badge')!.className).toContain('cl-unknown');
    expect(unknown.textContent).not.toContain('未列入');
  });

  it('returns the suspension qualifier for a disputed verdict', () => {
    expect(renderToContainer(<VerdictBadge verdict={verdictOf('disputed')} locale="zh-CN" />).textContent).toContain('异议中·惩戒暂停');
  });

  it('returns the check-digit qualifier for a clean answer on a suspect code', () => {
    const verdict = computeVerdict({ result: makeStatusResult(), now: NOW, suspect: true });
    expect(renderToContainer(<VerdictBadge verdict={verdict} locale="zh-CN" />).textContent).toContain('校验位不符');
  });

  it('returns the age only when the answer is stale', () => {
    const fresh = verdictOf('black');
    const stale = computeVerdict({ result: makeStatusResult({ entries: [makeEntry()] }), now: new Date('2026-03-01T05:00:00.000Z') });
    expect(renderToContainer(<VerdictBadge verdict={fresh} locale="zh-CN" />).querySelector('.cl-age')).toBeNull();
    expect(renderToContainer(<VerdictBadge verdict={stale} locale="zh-CN" />).querySelector('.cl-age')!.textContent).toBe('3 小时前');
  });

  it('returns the name as a text node, never markup', () => {
    const name = '<img src=x onerror=alert(1)>某公司';
    const container = renderToContainer(<VerdictBadge verdict={verdictOf('red')} name={name} locale="zh-CN" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cl-name')!.textContent).toBe(name);
  });

  it('qualifies a clear answer that covers published lists only', () => {
    const verdict: Verdict = { ...verdictOf('clear'), reason: { code: 'nothing-active-public' } };
    expect(renderToContainer(<VerdictBadge verdict={verdict} locale="zh-CN" />).textContent).toContain('未列入·仅公开信息');
    expect(renderToContainer(<VerdictBadge verdict={verdictOf('clear')} locale="zh-CN" />).textContent).not.toContain('仅公开信息');
  });

  it('returns symbol, short label and qualifier but no name when compact', () => {
    const container = renderToContainer(<VerdictBadge verdict={verdictOf('disputed')} name="某公司" locale="zh-CN" compact />);
    expect(container.querySelector('.cl-name')).toBeNull();
    expect(container.textContent).toBe(`${verdictLabel('disputed', 'zh-CN').symbol}异议中·惩戒暂停`);
  });

  it.each([
    ['black', 'zh-CN', '武汉市汉阳区德信园林绿化股份有限公司', false],
    ['disputed', 'en', 'Some Co.', true],
    ['clear', 'zh-CN', null, false],
    ['unknown', 'en', null, true],
  ] as const)('returns from badgeWords exactly the text a %s badge shows (%s)', (kind, locale, name, mismatch) => {
    const verdict = { ...verdictOf(kind), stale: true, ageMs: 90_000 };
    const shown = renderToContainer(<VerdictBadge verdict={verdict} name={name} locale={locale} nameMismatch={mismatch} />).textContent!.trim();
    expect(badgeWords(verdict, locale, name, mismatch)).toBe(shown);
  });
});
