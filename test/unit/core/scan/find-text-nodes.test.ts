/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { findTextNodes } from '../../../../core/scan/find-text-nodes.ts';
import { OVERLAY_TAG } from '../../../../core/scan/highlight-names.ts';
import { page } from './mount-page.ts';

afterEach(() => {
  document.body.replaceChildren();
});

/** What a walk of `root` reads: each text, and `[shadow of <host>]` where it enters an open shadow root. */
function walk(root: Node): string[] {
  const read: string[] = [];
  findTextNodes(
    root,
    (node) => read.push(node.data),
    (shadow) => read.push(`[shadow of ${(shadow.host as Element).id}]`),
  );
  return read;
}

describe('findTextNodes', () => {
  it('reads the text of the page in document order', () => {
    expect(walk(page('<p>申请单位<b>甲</b></p><table><tr><td>乙</td><td>丙<i>丁</i></td></tr></table>戊'))).toEqual(['申请单位', '甲', '乙', '丙', '丁', '戊']);
  });

  it.each([
    ['a script', '<script>var code = "91420105756704M24P";</script>'],
    ['a style sheet', '<style>.x::after { content: "91420105756704M24P" }</style>'],
    ['a text area (its value is a field)', '<textarea>91420105756704M24P</textarea>'],
    ['an object, however deep', '<object><div><span><b>91420105756704M24P</b></span></div></object>'],
    ['an SVG drawing, however deep', '<svg><g><text><tspan>91420105756704M24P</tspan></text></g></svg>'],
    ['a select', '<select><option>91420105756704M24P</option></select>'],
    ['our own overlay', `<${OVERLAY_TAG}><div><span>91420105756704M24P</span></div></${OVERLAY_TAG}>`],
  ])('reads nothing inside %s, and goes on after it', (_, inside) => {
    expect(walk(page(`<p>前</p>${inside}<p>后</p>`))).toEqual(['前', '后']);
  });

  it('reads the text of open shadow roots after the text around them, and names each root it enters', () => {
    const root = page('<p>前</p><div id="outer"></div><p>后</p>');
    const outer = root.querySelector('#outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<span>外层</span><div id="inner"></div>';
    outer.querySelector('#inner')!.attachShadow({ mode: 'open' }).innerHTML = '<b>内层</b>';
    expect(walk(root)).toEqual(['前', '后', '[shadow of outer]', '外层', '[shadow of inner]', '内层']);
  });

  it('does not enter a shadow root whose host is inside a skipped element', () => {
    const root = page('<p>前</p><object><div id="hidden"></div></object>');
    root.querySelector('#hidden')!.attachShadow({ mode: 'open' }).innerHTML = '<b>91420105756704M24P</b>';
    expect(walk(root)).toEqual(['前']);
  });

  it('reads nothing when the root itself sits inside a skipped element', () => {
    const root = page('<object><div id="inside"><span>91420105756704M24P</span></div></object>');
    expect(walk(root.querySelector('#inside')!)).toEqual([]);
  });
});
