/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { findTextRuns } from '../../../../core/scan/find-text-runs.ts';
import { matchTextRun, type TextOccurrence } from '../../../../core/scan/match-text-run.ts';
import { withUsccCheck } from '../uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('A1110000MA0012123');

afterEach(() => {
  document.body.replaceChildren();
});

/** Every occurrence in `html`, as the code, the text its Range covers, and the elements its ends sit in. */
function occurrences(html: string): { code: string; text: string; from: string; to: string }[] {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  const found: TextOccurrence[] = [];
  findTextRuns(root, (run) => found.push(...matchTextRun(run)));
  return found.map((o) => {
    const range = document.createRange();
    range.setStart(o.node, o.start);
    range.setEnd(o.endNode, o.end);
    return { code: o.match.code, text: range.toString(), from: o.node.parentElement!.localName, to: o.endNode.parentElement!.localName };
  });
}

describe('matchTextRun', () => {
  const groups = (sep: string) => [A.slice(0, 4), A.slice(4, 8), A.slice(8, 12), A.slice(12)].map((g) => `<span>${g}</span>`).join(sep);
  it.each([
    ['split in two elements', `<td><b>${A.slice(0, 8)}</b>${A.slice(8)}</td>`, A, 'b', 'div'],
    ['split in three', `代码：${A.slice(0, 4)}<em>${A.slice(4, 8)}</em>${A.slice(8)}。`, A, 'div', 'div'],
    ['in nested inline elements', `<a href="#"><span>${A.slice(0, 6)}</span><span><mark>${A.slice(6, 12)}</mark>${A.slice(12)}</span></a>`, A, 'span', 'span'],
    ['with one element per character', [...A].map((c) => `<span>${c}</span>`).join(''), A, 'span', 'span'],
    ['in groups with spaces between elements', groups(' '), `${A.slice(0, 4)} ${A.slice(4, 8)} ${A.slice(8, 12)} ${A.slice(12)}`, 'span', 'span'],
    ['with a hyphen at the seam', `<b>${A.slice(0, 8)}</b>-${A.slice(8)}`, `${A.slice(0, 8)}-${A.slice(8)}`, 'b', 'div'],
    ['in full-width characters', `<b>${toFullWidth(A.slice(0, 4))}</b>${toFullWidth(A.slice(4))}`, toFullWidth(A), 'b', 'div'],
  ])('returns a code %s, from its first character to its last', (_, html, text, from, to) => {
    expect(occurrences(html)).toEqual([{ code: A, text, from, to }]);
  });

  it('returns a code in one node with that node at both ends, as before', () => {
    expect(occurrences(`<p>代码 <b>${A}</b> 与 ${B}。</p>`)).toEqual([
      { code: A, text: A, from: 'b', to: 'b' },
      { code: B, text: B, from: 'p', to: 'p' },
    ]);
  });

  it.each([
    ['a letter in the element before', `<b>X</b>${A}`],
    ['a digit in the element after', `${A}<i>7</i>`],
    ['a letter before a split code', `<b>X${A.slice(0, 8)}</b>${A.slice(8)}`],
    ['a block boundary inside', `<div>${A.slice(0, 8)}</div><div>${A.slice(8)}</div>`],
    ['a line break inside', `${A.slice(0, 8)}<br>${A.slice(8)}`],
    ['a table cell boundary inside', `<table><tr><td>${A.slice(0, 8)}</td><td>${A.slice(8)}</td></tr></table>`],
    ['a hidden element inside', `${A.slice(0, 8)}<span hidden>x</span>${A.slice(8)}`],
    ['two separators at the seam', `<b>${A.slice(0, 8)} </b> ${A.slice(8)}`],
  ])('returns nothing for %s', (_, html) => {
    expect(occurrences(html)).toEqual([]);
  });

  it('returns a code beside a letter that a block boundary parts from it', () => {
    expect(occurrences(`<div>X</div>${A}<p>7</p>`)).toEqual([{ code: A, text: A, from: 'div', to: 'div' }]);
  });
});

function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
