import { describe, expect, it } from 'vitest';
import { hasControls, stripControls, stripControlsDeep } from '../../../../core/text/strip-controls.ts';
import { escapeHtml } from '../../../../platform/pages/escape-html.ts';

describe('stripControls', () => {
  it.each([
    ['a right-to-left override reversing a masked ID number', '4201\u202E**********1234\u202C', '4201**********1234'],
    ['bidi isolates', '\u2066张三\u2069\u2067李四\u2068\u2069', '张三李四'],
    ['embeddings and marks', '\u202A甲\u202B乙\u200E丙\u200F丁\u061C', '甲乙丙丁'],
    ['zero-width space, joiner and non-joiner', '914201\u200B0575\u200C6704\u200DM24P', '91420105756704M24P'],
    ['a byte-order mark inside text', '武汉\uFEFF市', '武汉市'],
    ['word joiner and invisible operators', 'a\u2060b\u2061c\u2064d', 'abcd'],
    ['C0 and C1 controls, but tab and line breaks kept', 'a\u0000b\u0007c\u001Bd\u0085e\tf\ng\r\nh', 'abcde\tf\ng\r\nh'],
    ['tag characters', 'x\u{E0041}\u{E007F}y', 'xy'],
    ['plain Chinese text and full-width punctuation', '武汉市汉阳区（甲）公司，〔2026〕9号', '武汉市汉阳区（甲）公司，〔2026〕9号'],
  ])('returns the text without %s', (_what, input, expected) => {
    expect(stripControls(input)).toBe(expected);
    expect(hasControls(input)).toBe(input !== expected);
  });
});

describe('escapeHtml', () => {
  it('returns escaped text with invisible controls removed', () => {
    expect(escapeHtml('<b>\u202E4321</b>')).toBe('&lt;b&gt;4321&lt;/b&gt;');
  });
});

describe('stripControlsDeep', () => {
  it('returns a copy with every string stripped, other values as they are', () => {
    const input = { a: 'x\u202Ey', b: [1, null, true, '\u200Bz'], c: { d: '\uFEFFw' } };
    expect(stripControlsDeep(input)).toEqual({ a: 'xy', b: [1, null, true, 'z'], c: { d: 'w' } });
    expect(input.a).toBe('x\u202Ey');
  });
});
