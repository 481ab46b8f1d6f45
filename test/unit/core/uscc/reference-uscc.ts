// An independent, deliberately naive implementation of the two check characters, written from the
// standards' text rather than from core/uscc, so the tests can catch a wrong implementation.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015: weight of position i is 3^i mod 31; check = (31 - sum mod 31) mod 31. */
export function referenceUsccCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += CHARSET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Appends the reference check character. */
export function withUsccCheck(first17: string): string {
  return first17 + referenceUsccCheck(first17);
}

/** GB 11643: weight of position i is 2^(17-i) mod 11; value = (12 - sum mod 11) mod 11, 10 = X. */
export function withResidentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}

/** A different character in the check position: a code that is suspect if it was valid. */
export function withWrongCheck(code: string): string {
  const right = code.charAt(17);
  return code.slice(0, 17) + (right === '1' ? '2' : '1');
}
