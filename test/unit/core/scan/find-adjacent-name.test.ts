/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { adjacentNameMemo, findAdjacentName, nameAfter, nameBefore } from '../../../../core/scan/find-adjacent-name.ts';
import { findTextRuns } from '../../../../core/scan/find-text-runs.ts';
import { matchTextRun } from '../../../../core/scan/match-text-run.ts';
import { vi } from 'vitest';
import { page } from './mount-page.ts';

const CODE = '91420105756704M24P';

afterEach(() => {
  document.body.replaceChildren();
});

/** A Range over the first occurrence of the code in root's text. */
function rangeOf(root: Element, code = CODE): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = (node as Text).data.indexOf(code);
    if (i >= 0) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + code.length);
      return range;
    }
  }
  throw new Error('code not in page');
}

/** A Range over the first code the scanner finds in root, which may span several text nodes. */
function scannedRangeOf(root: Element): Range {
  const ranges: Range[] = [];
  findTextRuns(root, (run) => {
    for (const o of matchTextRun(run)) {
      const range = document.createRange();
      range.setStart(o.node, o.start);
      range.setEnd(o.endNode, o.end);
      ranges.push(range);
    }
  });
  if (!ranges[0]) throw new Error('no code in page');
  return ranges[0];
}

describe('findAdjacentName in a table row', () => {
  it.each([
    [
      'a column headed 申请单位',
      `<table><thead><tr><th>申请事项</th><th>申请单位</th><th>统一社会信用代码</th></tr></thead>
       <tbody><tr><td>施工许可</td><td>武汉市汉阳区德信园林绿化股份有限公司</td><td class="c">${CODE}</td></tr></tbody></table>`,
      '武汉市汉阳区德信园林绿化股份有限公司',
    ],
    [
      'a column headed 投标人 without thead',
      `<table><tr><th>序号</th><th>投标人</th><th>代码</th></tr><tr><td>1</td><td>某某科技</td><td class="c">${CODE}</td></tr></table>`,
      '某某科技',
    ],
    [
      'a cell that looks like a name when headers say nothing',
      `<table><tr><td>1</td><td>汉阳区某某建筑工程有限公司</td><td class="c">${CODE}</td><td>2026-01-01</td></tr></table>`,
      '汉阳区某某建筑工程有限公司',
    ],
    [
      'a row labelled by its th',
      `<table><tr><th>企业名称</th><td>武汉某某商贸有限公司</td></tr><tr><th>统一社会信用代码</th><td class="c">${CODE}</td></tr></table>`,
      '武汉某某商贸有限公司',
    ],
  ])('returns the name from %s', (_label, html, expected) => {
    const root = page(html);
    expect(findAdjacentName(root, root.querySelector('.c')!)).toBe(expected);
  });

  it('returns the name for a Range over the code and for a <credit-status> in the row', () => {
    const root = page(`<table><thead><tr><th>供应商名称</th><th>代码</th><th>状态</th></tr></thead>
      <tbody><tr><td>武汉某某物业服务有限公司</td><td>${CODE}</td><td><credit-status code="${CODE}"></credit-status></td></tr></tbody></table>`);
    expect(findAdjacentName(root, rangeOf(root))).toBe('武汉某某物业服务有限公司');
    expect(findAdjacentName(root, root.querySelector('credit-status')!)).toBe('武汉某某物业服务有限公司');
  });

  it('returns the name for a Range over a code split across elements', () => {
    const root = page(`<table><thead><tr><th>供应商名称</th><th>代码</th></tr></thead>
      <tbody><tr><td>武汉某某物业服务有限公司</td><td><b>${CODE.slice(0, 8)}</b>${CODE.slice(8)}</td></tr></tbody></table>`);
    expect(findAdjacentName(root, scannedRangeOf(root))).toBe('武汉某某物业服务有限公司');
  });

  it('returns null for a code without a name beside it', () => {
    const root = page(`<table><thead><tr><th>代码</th><th>日期</th></tr></thead><tbody><tr><td class="c">${CODE}</td><td>2026-01-01</td></tr></tbody></table>`);
    expect(findAdjacentName(root, root.querySelector('.c')!)).toBeNull();
  });
});

describe('findAdjacentName on a line of text', () => {
  it.each([
    [`<p>武汉某某有限公司（统一社会信用代码：${CODE}）</p>`, '武汉某某有限公司'],
    [`<p>经审查，申请单位武汉市汉阳区月湖印务有限公司（统一社会信用代码 ${CODE}）提交的材料齐全。</p>`, '武汉市汉阳区月湖印务有限公司'],
    [`<p>联合申报单位武汉市汉阳区楚商联合会（${CODE}）列入守信激励对象。</p>`, '武汉市汉阳区楚商联合会'],
    [`<li><b>投标人：</b>武汉某某（集团）有限公司 <span>${CODE}</span></li>`, '武汉某某（集团）有限公司'],
    [`<p>${CODE} 武汉某某餐饮店，已核查。</p>`, '武汉某某餐饮店'],
    [`<p>代码 ${CODE} 校验位不符，请核对。</p>`, null],
    [`<p>供应商：武汉某某有限公司。另：${CODE}</p>`, null],
  ])('returns the name in %s', (html, expected) => {
    const root = page(html);
    expect(findAdjacentName(root, rangeOf(root))).toBe(expected);
  });

  it('returns the name before and after a code split across elements', () => {
    const before = page(`<p>申请单位武汉某某有限公司（统一社会信用代码：${CODE.slice(0, 4)}<em>${CODE.slice(4, 8)}</em>${CODE.slice(8)}）</p>`);
    expect(findAdjacentName(before, scannedRangeOf(before))).toBe('武汉某某有限公司');
    const after = page(`<p><span>${CODE.slice(0, 9)}</span><span>${CODE.slice(9)}</span> 武汉某某餐饮店，已核查。</p>`);
    expect(findAdjacentName(after, scannedRangeOf(after))).toBe('武汉某某餐饮店');
  });

  it.each([
    ['申请人名称：武汉某某有限公司（代码：', '武汉某某有限公司'],
    ['某某律师事务所 (USCC ', '某某律师事务所'],
    ['请核对', null],
  ])('nameBefore(%j) returns %j', (text, expected) => {
    expect(nameBefore(text)).toBe(expected);
  });

  it('nameAfter returns the name that follows a code', () => {
    expect(nameAfter('）武汉某某五金厂，地址…')).toBe('武汉某某五金厂');
  });
});

describe('findAdjacentName in a form', () => {
  it.each([
    [
      'a <label for> field',
      `<form><label for="n">申请人名称</label><input id="n" value="武汉某某有限公司"><label for="c">统一社会信用代码</label><input id="c" class="c" value="${CODE}"></form>`,
    ],
    ['a wrapping label', `<form><label>企业名称 <input value="武汉某某有限公司"></label><label>代码 <input class="c" value="${CODE}"></label></form>`],
    [
      'an aria-label',
      `<fieldset><input aria-label="单位名称" value="武汉某某有限公司"><input class="c" aria-label="统一社会信用代码" value="${CODE}"></fieldset>`,
    ],
    [
      'a table-layout form',
      `<form><table><tr><th>企业名称</th><td><input value="武汉某某有限公司"></td></tr><tr><th>统一社会信用代码</th><td><input class="c" value="${CODE}"></td></tr></table></form>`,
    ],
    ['a dl', `<dl><dt>单位名称</dt><dd>武汉某某有限公司</dd><dt>统一社会信用代码</dt><dd class="c">${CODE}</dd></dl>`],
  ])('returns the name from %s', (_label, html) => {
    const root = page(html);
    expect(findAdjacentName(root, root.querySelector('.c')!)).toBe('武汉某某有限公司');
  });

  it('returns null when the name field is empty or outside root', () => {
    const outer = page(`<form><label>企业名称 <input value=""></label><div id="inner"><input class="c" value="${CODE}"></div></form>`);
    expect(findAdjacentName(outer, outer.querySelector('.c')!)).toBeNull();
    expect(findAdjacentName(outer.querySelector('#inner')!, outer.querySelector('.c')!)).toBeNull();
  });
});

describe('findAdjacentName on a big page', () => {
  it('finds the header of a long table in the rows at its top', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `<tr><td>${i}</td><td>武汉某某${i}有限公司</td><td>某事项</td></tr>`).join('');
    const root = page(
      `<table><thead><tr><th>序号</th><th>投标人</th><th>备注</th></tr></thead><tbody>${rows}<tr><td>x</td><td>某某科技</td><td class="c">${CODE}</td></tr></tbody></table>`,
    );
    expect(findAdjacentName(root, root.querySelector('.c')!)).toBe('某某科技');
  });

  it('reads each form of a batch once for its fields, however many codes it holds', () => {
    const cells = Array.from({ length: 50 }, (_, i) => `<p>第${i}项：<span class="c">${CODE}</span></p>`).join('');
    const root = page(`<form><label>企业名称 <input value="武汉某某有限公司"></label>${cells}</form>`);
    const form = root.querySelector('form')!;
    const spy = vi.spyOn(form, 'querySelectorAll');
    const memo = adjacentNameMemo();
    const names = [...root.querySelectorAll('.c')].map((el) => findAdjacentName(root, el, memo));
    expect(names).toEqual(Array(50).fill('武汉某某有限公司'));
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('finds the name on a line inside a block holding a whole page of text', () => {
    const filler = '其他事项说明，'.repeat(20_000);
    const root = page(
      `<div>${filler}<b>另</b>经审查，申请单位武汉市汉阳区月湖印务有限公司（统一社会信用代码 <span>${CODE}</span>）提交的材料齐全。${filler}</div>`,
    );
    expect(findAdjacentName(root, rangeOf(root))).toBe('武汉市汉阳区月湖印务有限公司');
    const after = page(`<div>${filler}<span>${CODE}</span><i></i> 武汉某某餐饮店，已核查。${filler}</div>`);
    expect(findAdjacentName(after, rangeOf(after))).toBe('武汉某某餐饮店');
    const element = page(`<div>${filler}申请单位武汉某某有限公司（代码：<credit-status code="${CODE}"></credit-status>）${filler}</div>`);
    expect(findAdjacentName(element, element.querySelector('credit-status')!)).toBe('武汉某某有限公司');
  });
});
