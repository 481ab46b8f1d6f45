import { describe, expect, it } from 'vitest';
import { USCC_AUTHORITIES } from '../../../../core/uscc/uscc-authorities.ts';
import { USCC_CATEGORY_CODES } from '../../../../core/uscc/uscc-category-codes.ts';

describe('USCC_CATEGORY_CODES', () => {
  it('returns the same authorities and categories as the named table that decoding shows', () => {
    const fromNames = [...USCC_AUTHORITIES].map(([code, a]) => [code, a.anyCategory ? null : a.categories.map((c) => c.code).join('')]);
    expect([...USCC_CATEGORY_CODES].sort()).toEqual(fromNames.sort());
  });
});
