import { USCC_CHARSET, usccCharValue } from '../uscc/uscc-charset.ts';
import { usccCheckChar } from '../uscc/uscc-check-char.ts';

/**
 * A code as a number: its first 17 characters in base 31 (the check character follows from them,
 * so it is not stored), below 2^85. Held as two exact 42-bit halves in plain numbers — no BigInt
 * on the hot path — and in memory as three 32-bit words, so a million codes take 12 MB and
 * compare as integers.
 */
export interface CodeKey {
  hi: number;
  lo: number;
}

const HALF = 2 ** 42;

/** The key of an 18-character code whose check character is right, else null (the snapshot holds only such codes). */
export function codeKey(code: string): CodeKey | null {
  if (code.length !== 18) return null;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccCharValue(code.charCodeAt(i));
    if (v < 0) return null;
    lo = lo * 31 + v;
    const carry = Math.floor(lo / HALF);
    lo -= carry * HALF;
    hi = hi * 31 + carry;
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return null;
  return { hi, lo };
}

/** The code of a key (the check character computed). */
export function keyCode(key: CodeKey): string {
  let { hi, lo } = key;
  const chars: string[] = [];
  for (let i = 0; i < 17; i++) {
    const rem = (hi % 31) * HALF + lo;
    hi = Math.floor(hi / 31);
    // rem < 31·2^42 < 2^47: exact.
    const digit = rem % 31;
    lo = (rem - digit) / 31;
    chars.push(USCC_CHARSET[digit] as string);
  }
  const body = chars.reverse().join('');
  return body + usccCheckChar(body);
}

/** The three 32-bit words of a key, most significant first. */
export function keyWords(key: CodeKey): [number, number, number] {
  const w0 = key.lo % 2 ** 32;
  const w1 = Math.floor(key.lo / 2 ** 32) + (key.hi % 2 ** 22) * 2 ** 10;
  const w2 = Math.floor(key.hi / 2 ** 22);
  return [w2, w1, w0];
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareKeys(a: CodeKey, b: CodeKey): number {
  return a.hi - b.hi || a.lo - b.lo;
}
