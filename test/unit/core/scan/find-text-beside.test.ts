/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { findTextBesideGap, findTextBesideNode, type TextBeside } from '../../../../core/scan/find-text-beside.ts';
import { page } from './mount-page.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const data = ({ before, after }: TextBeside) => [before?.data ?? null, after?.data ?? null];

describe('findTextBesideNode', () => {
  it('returns the text right before and right after an element, outside it', () => {
    const root = page('<p>前<b>中<i>内</i></b>后</p>');
    expect(data(findTextBesideNode(root, root.querySelector('b')!))).toEqual(['前', '后']);
  });

  it('returns the neighbours of a text node, looking through elements', () => {
    const root = page('<span>9142</span>0105<em><i>7567</i></em>');
    expect(data(findTextBesideNode(root, root.childNodes[1]!))).toEqual(['9142', '7567']);
  });

  it('returns nothing beyond `within`', () => {
    const root = page('外<span id="w"><b>里</b></span>外');
    const within = root.querySelector('#w')!;
    expect(data(findTextBesideNode(within, within.firstChild!))).toEqual([null, null]);
  });
});

describe('findTextBesideGap', () => {
  it('returns the text on both sides of removed nodes', () => {
    const root = page('<p><b>9142</b><br><i>0105</i></p>');
    const p = root.querySelector('p')!;
    const [b, br, i] = [...p.childNodes];
    br!.remove();
    expect(data(findTextBesideGap(root, p, b!, i!))).toEqual(['9142', '0105']);
  });

  it('returns the text before and after the parent when the gap is at its edges', () => {
    const root = page('前<span id="s"><b>x</b></span>后');
    const span = root.querySelector('#s')!;
    span.firstChild!.remove();
    expect(data(findTextBesideGap(root, span, null, null))).toEqual(['前', '后']);
  });

  it('returns the last text inside the previous sibling and the first inside the next', () => {
    const root = page('<p><span>a<b>9142</b></span>-<span><i>0105</i>z</span></p>');
    const p = root.querySelector('p')!;
    const [first, dash, second] = [...p.childNodes];
    dash!.remove();
    expect(data(findTextBesideGap(root, p, first!, second!))).toEqual(['9142', '0105']);
  });
});
