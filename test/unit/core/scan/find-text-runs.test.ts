/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { findTextRuns, textRunAround } from '../../../../core/scan/find-text-runs.ts';
import { page } from './mount-page.ts';

afterEach(() => {
  document.body.replaceChildren();
});

/** The runs of `root`, each as the data of its nodes. */
function runsOf(root: Node): string[][] {
  const runs: string[][] = [];
  findTextRuns(root, (run) => runs.push(run.map((node) => node.data)));
  return runs;
}

describe('findTextRuns', () => {
  it.each([
    ['split in two elements', '<b>91420105</b>756704M24P', [['91420105', '756704M24P']]],
    ['split in three', '9142<em>0105</em>756704M24P', [['9142', '0105', '756704M24P']]],
    ['nested inline elements', '<a href="#"><span>914201</span><span><mark>057567</mark>04M24P</span></a>', [['914201', '057567', '04M24P']]],
    ['grouped with spaces between elements', '<span>9142</span> <span>0105</span>', [['9142', ' ', '0105']]],
    ['a separator before the seam', '<b>9142 </b>0105', [['9142 ', '0105']]],
    ['a separator after the seam', '<b>9142</b>-0105', [['9142', '-0105']]],
    ['a letter before a code', '<b>A</b>91420105756704M24P', [['A', '91420105756704M24P']]],
  ])('returns one run for text %s', (_, html, expected) => {
    expect(runsOf(page(html))).toEqual(expected);
  });

  it.each([
    ['block elements', '<div>91420105</div><div>756704M24P</div>', [['91420105'], ['756704M24P']]],
    ['a line break', '91420105<br>756704M24P', [['91420105'], ['756704M24P']]],
    ['table cells', '<table><tr><td>91420105</td><td>756704M24P</td></tr></table>', [['91420105'], ['756704M24P']]],
    ['a hidden element', '91420105<span style="display:none">X</span>756704M24P', [['91420105'], ['X'], ['756704M24P']]],
    ['Chinese text at the seam', '<b>代码</b>91420105756704M24P<i>号</i>', [['代码'], ['91420105756704M24P'], ['号']]],
    ['a separator not next to a code character', '<b>代码 </b>91420105756704M24P', [['代码 '], ['91420105756704M24P']]],
    ['separators on both sides', '<b>9142 </b> 0105', [['9142 '], [' 0105']]],
    ['a line break character at the seam', '<b>9142\n</b>0105', [['9142\n'], ['0105']]],
  ])('returns separate runs for text parted by %s', (_, html, expected) => {
    expect(runsOf(page(html))).toEqual(expected);
  });

  it('returns runs that end at the edge of a shadow root', () => {
    const root = page('<b>9142</b><span id="host"></span>');
    root.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '0105<i>7567</i>';
    expect(runsOf(root)).toEqual([['9142'], ['0105', '7567']]);
  });
});

describe('textRunAround', () => {
  it('returns the whole run from any of its nodes', () => {
    const root = page('<p>代码：<b>9142</b>0105<em>7567</em>04M24P，<i>12</i></p>');
    const texts = [...root.querySelectorAll('b, em')].map((el) => el.firstChild as Text);
    for (const node of texts) expect(textRunAround(node, root).map((t) => t.data)).toEqual(['9142', '0105', '7567', '04M24P，']);
  });

  it('returns only the node when nothing beside it joins', () => {
    const root = page('<div>9142</div><div>0105</div>');
    expect(textRunAround(root.firstChild!.firstChild as Text, root).map((t) => t.data)).toEqual(['9142']);
  });

  it('returns no text outside `within`', () => {
    const root = page('<b>9142</b><span id="inner">0105<i>7567</i></span>');
    const inner = root.querySelector('#inner')!;
    expect(textRunAround(inner.firstChild as Text, inner).map((t) => t.data)).toEqual(['0105', '7567']);
  });
});
