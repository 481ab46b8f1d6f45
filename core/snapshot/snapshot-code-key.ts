import { USCC_CHARSET, usccCharValue } from '../uscc/uscc-charset.ts';
import { usccCheckChar } from '../uscc/uscc-check-char.ts';

/**
 * A code as a number: its first 17 characters in base 31 (the check character follows from them,
 * so it is not stored), below 2^85. Held as two exact 42-bit halves in plain numbers (no BigInt)
 * for the encoding's gaps, and in memory as three 32-bit words, so a million codes take 12 MB and
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

/**
 * The three 32-bit words of a key, most significant first: its base-31 digits in groups of 6, 6
 * and 5 (31^6 < 2^32), the form the index holds and `codeWords` makes from a code in one pass.
 */
export function keyWords(key: CodeKey): [number, number, number] {
  let { hi, lo } = key;
  const words: [number, number, number] = [0, 0, 0];
  let scale = 1;
  for (let i = 16; i >= 0; i--) {
    const rem = (hi % 31) * HALF + lo;
    hi = Math.floor(hi / 31);
    const digit = rem % 31;
    lo = (rem - digit) / 31;
    const group = i < 6 ? 0 : i < 12 ? 1 : 2;
    if (i === 11 || i === 5) scale = 1;
    words[group] += digit * scale;
    scale *= 31;
  }
  return words;
}

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The lookup's hot path: a code's words into `out` with no allocation, or false when it is not
 * 18 charset characters with the right check character (as `codeKey`).
 */
export function codeWords(code: string, out: Uint32Array): boolean {
  if (code.length !== 18) return false;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccCharValue(code.charCodeAt(i));
    if (v < 0) return false;
    sum += v * (WEIGHTS[i] as number);
    if (i < 6) g0 = g0 * 31 + v;
    else if (i < 12) g1 = g1 * 31 + v;
    else g2 = g2 * 31 + v;
  }
  const remainder = sum % 31;
  if (USCC_CHARSET[remainder === 0 ? 0 : 31 - remainder] !== code[17]) return false;
  out[0] = g0;
  out[1] = g1;
  out[2] = g2;
  return true;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareKeys(a: CodeKey, b: CodeKey): number {
  return a.hi - b.hi || a.lo - b.lo;
}
