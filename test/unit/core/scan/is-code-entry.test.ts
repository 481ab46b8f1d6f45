import { describe, expect, it } from 'vitest';
import { isCodeEntry } from '../../../../core/scan/is-code-entry.ts';

describe('isCodeEntry', () => {
  it.each([
    ['91420105MA4KMF0001', true],
    ['  91420105MA4KMF0001 ', true],
    ['９１４２０１０５ＭＡ４ＫＭＦ０００１', true],
    ['91420105-MA4KMF0001', true],
    ['9142 0105 MA4K MF00 01', true],
    ['91420105\u3000MA4KMF0001', true],
    ['abcdefghijklmnopqr', true],
    ['武汉市汉阳区德信园林绿化股份有限公司', false],
    ['武汉德信园林91420105MA4KMF0001', false],
    ['91420105--MA4KMF0001', false],
    ['-91420105MA4KMF0001', false],
    ['91420105MA4KMF0001-', false],
    ['2024年01月01日至2025年01月01日', false],
    ['91420105MA4KMF0001。', false],
    ['', false],
  ])('returns %j → %s', (value, expected) => {
    expect(isCodeEntry(value)).toBe(expected);
  });
});
