/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { flowsInline } from '../../../../core/scan/flows-inline.ts';

afterEach(() => {
  document.body.replaceChildren();
});

/** The text nodes `a` and `b` of `html` (marked as the texts "a" and "b"). */
function seam(html: string): [Text, Text] {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  return [texts.find((t) => t.data === 'a')!, texts.find((t) => t.data === 'b')!];
}

describe('flowsInline', () => {
  it.each([
    ['an element opened', 'a<b>b</b>'],
    ['an element closed', '<b>a</b>b'],
    ['one element closed and another opened', '<b>a</b><i>b</i>'],
    ['nested inline elements', '<a href="#"><span>a</span></a><span><mark>b</mark></span>'],
    ['an empty inline element', 'a<span></span>b'],
    ['a line-break opportunity', 'a<wbr>b'],
    ['a comment', 'a<!-- x -->b'],
    ['an unknown (custom) element', 'a<x-digit>b</x-digit>'],
    ['display: contents', 'a<span style="display: contents">b</span>'],
  ])('returns true across %s', (_, html) => {
    const [a, b] = seam(html);
    expect(flowsInline(a, b)).toBe(true);
  });

  it('returns true across an empty text node', () => {
    const [a, b] = seam('a<span>b</span>');
    a.after(document.createTextNode(''));
    expect(flowsInline(a, b)).toBe(true);
  });

  it.each([
    ['a block boundary', '<div>a</div><div>b</div>'],
    ['a paragraph inside', 'a<p>b</p>'],
    ['a line break', 'a<br>b'],
    ['table cells', '<table><tr><td>a</td><td>b</td></tr></table>'],
    ['a form field', 'a<input value="x">b'],
    ['a button', 'a<button>b</button>'],
    ['an image', 'a<img alt="">b'],
    ['a hidden element', 'a<span hidden></span>b'],
    ['an element styled display: none', 'a<span style="display: none"></span>b'],
    ['a span styled as a block', 'a<span style="display: block">b</span>'],
    ['an inline-block', 'a<span style="display: inline-block">b</span>'],
    ['a script', 'a<script>var x;</script>b'],
    ['a style', 'a<style>p {}</style>b'],
    ['inline SVG', 'a<svg><title>t</title></svg>b'],
    ['other text', 'a<span>x</span>b'],
  ])('returns false across %s', (_, html) => {
    const [a, b] = seam(html);
    expect(flowsInline(a, b)).toBe(false);
  });

  it('returns false into a shadow root and for text that does not follow', () => {
    const [a, b] = seam('<b>a</b><i>b</i>');
    expect(flowsInline(b, a)).toBe(false);
    const host = document.createElement('span');
    document.body.firstElementChild!.append(host);
    const inShadow = document.createTextNode('c');
    host.attachShadow({ mode: 'open' }).append(inShadow);
    expect(flowsInline(b, inShadow)).toBe(false);
  });
});
