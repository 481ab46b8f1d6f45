import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../cli/html-to-text.ts';

describe('htmlToText', () => {
  it.each([
    ['plain text', 'abc', 'abc'],
    ['inline tags removed', 'a<b>b</b>c', 'abc'],
    ['block tags become a line break', '<p>a</p><p>b</p>', '\na\nb\n'],
    ['scripts and styles dropped', 'a<script>var x = "<p>";</script>b<style>p{}</style>c', 'a\nb\nc'],
    ['comments dropped', 'a<!-- b -->c', 'ac'],
    ['entities decoded', '&lt;&amp;&#x39;&#49;&nbsp;&unknown;', '<&91\u00a0&unknown;'],
    ['whitespace collapsed', 'a \n\t b', 'a b'],
  ])('returns the visible text when given %s', (_, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it('returns source spans for every text character when given entities and tags', () => {
    const html = '<td>9&#x31;<b>3</b></td>';
    const mapped = htmlToText(html);
    expect(mapped.text).toBe('\n913\n');
    // '9' at 4, '&#x31;' spans 5-11, '3' at 14
    expect(mapped.starts.slice(1, 4)).toEqual([4, 5, 14]);
    expect(mapped.ends.slice(1, 4)).toEqual([5, 11, 15]);
  });
});
