import { describe, expect, it } from 'vitest';
import { formulaSafe } from '../../../../core/text/formula-safe.ts';

describe('formulaSafe', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('returns %j behind an apostrophe', (text, safe) => {
    expect(formulaSafe(text)).toBe(safe);
  });

  it.each(['武汉市市场监督管理局', 'a=b', '', "'already"])('returns %j unchanged when it does not start like a formula', (text) => {
    expect(formulaSafe(text)).toBe(text);
  });
});
