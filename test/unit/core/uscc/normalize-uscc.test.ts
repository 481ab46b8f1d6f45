import { describe, expect, it } from 'vitest';
import { normalizeUscc } from '../../../../core/uscc/normalize-uscc.ts';

const CODE = '91350100M000100Y43';

describe('normalizeUscc', () => {
  it.each([
    ['plain', CODE],
    ['full-width digits and letters', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['lowercase', '91350100m000100y43'],
    ['full-width lowercase', '９１３５０１００ｍ０００１００ｙ４３'],
    ['one hyphen group', '91350100-M000100Y43'],
    ['groups of four with spaces', '9135 0100 M000 100Y 43'],
    ['NBSP', '91350100\u00a0M000100Y43'],
    ['ideographic space', '91350100\u3000M000100Y43'],
    ['en dash', '91350100\u2013M000100Y43'],
    ['full-width hyphen', '91350100－M000100Y43'],
    ['Chinese brackets', '（91350100M000100Y43）'],
    ['lenticular brackets and full stop', '【91350100M000100Y43】。'],
    ['quotes', '“91350100M000100Y43”'],
    ['colon and comma', '：91350100M000100Y43，'],
    ['ASCII brackets and spaces', ' (91350100M000100Y43) '],
  ])('returns the plain code when given %s', (_, raw) => {
    expect(normalizeUscc(raw).code).toBe(CODE);
  });

  it.each([
    ['9135 0100 M000 100Y 43', [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 15, 16, 17, 18, 20, 21]],
    ['（91350100-M000100Y43）', [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]],
  ])('returns offsets into the raw string when given %s', (raw, offsets) => {
    const result = normalizeUscc(raw);
    expect(result.offsets).toEqual(offsets);
    // every offset points at a character that folds to the code character
    result.offsets.forEach((o, i) => expect(normalizeUscc(raw[o] as string).code).toBe(result.code[i]));
  });

  it('returns inner punctuation uppercased in place when it is not surrounding', () => {
    expect(normalizeUscc('9135/0100m').code).toBe('9135/0100M');
  });
});
