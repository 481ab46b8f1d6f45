/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findCaseReference } from '../../../../extension/feedback/find-case-reference.ts';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('findCaseReference', () => {
  it.each([
    ['a labelled table cell', '<table><tr><th>项目名称</th><td>道路养护</td><th>项目编号</th><td>HYCG-2026-0318</td></tr></table>', 'HYCG-2026-0318'],
    ['a definition list', '<dl><dt>审批事项编号：</dt><dd> SP-2026-0042 </dd></dl>', 'SP-2026-0042'],
    ['a labelled field', '<label for="c">业务编号</label><input id="c" value="YW-77-2026">', 'YW-77-2026'],
    ['running text with a colon', '<p>本件项目编号：HYZC-2026-12，请核对。</p>', 'HYZC-2026-12'],
    ['running text in brackets', '<p>新建受理单（受理号 HY-SP-2026-11-0381）</p>', 'HY-SP-2026-11-0381'],
  ])('finds it in %s', (_, html, expected) => {
    expect(findCaseReference(page(html))).toBe(expected);
  });

  it.each([
    ['no label at all', '<p>汉阳区2026年度市政道路养护服务采购项目</p>'],
    ['a value without a digit', '<table><tr><th>项目编号</th><td>待定</td></tr></table>'],
    ['a label that is not a case', '<table><tr><th>统一社会信用代码</th><td>91420105756704M24P</td></tr></table>'],
  ])('returns null for %s', (_, html) => {
    expect(findCaseReference(page(html))).toBeNull();
  });
});
