import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../../core/uscc/uscc-check-char.ts';
import { referenceUsccCheck } from './reference-uscc.ts';

describe('usccCheckChar', () => {
  // Real or hand-computed codes; each row is also checked against the reference implementation.
  it.each([
    ['91350100M000100Y43', '3'],
    ['91420105MA4KMF0000', '0'], // remainder 0 gives '0', not an out-of-range 31
    ['91420105MA4KMF039Y', 'Y'],
    ['12100000400010003X', 'X'],
    ['A1110000MA0012123P', 'P'],
    ['N2420105MA4K00123H', 'H'],
    ['Y1420105MA4K00123C', 'C'],
  ])('returns the check character of %s when given its first 17 characters', (code, check) => {
    expect(referenceUsccCheck(code.slice(0, 17))).toBe(check);
    expect(usccCheckChar(code.slice(0, 17))).toBe(check);
  });

  it('returns 0 when the weighted sum is a multiple of 31', () => {
    // 9*1 + 1*3 + 6*9 + ... constructed by the reference; assert the rule itself on that input.
    const first17 = '91420105MA4KMF000';
    expect(referenceUsccCheck(first17)).toBe('0');
    expect(usccCheckChar(first17)).toBe('0');
  });

  it('returns the same character as the reference when given many generated bodies', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        body += charset[seed % 31];
      }
      expect(usccCheckChar(body)).toBe(referenceUsccCheck(body));
    }
  });

  it.each([['9142010574830646'], ['91420105MA4KMFO00'], ['914201057483064620']])('throws when given %s (not 17 charset characters)', (input) => {
    expect(() => usccCheckChar(input)).toThrow(RangeError);
  });
});
