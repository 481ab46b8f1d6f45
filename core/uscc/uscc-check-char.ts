import { USCC_CHARSET, usccCharValue } from './uscc-charset.ts';

// Weights are 3^i mod 31 for positions 1-17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The mod-31 check character for the first 17 characters of a normalized code.
 * A remainder of 0 gives `0` (not the nonexistent value 31, a mistake some public validators make).
 * Throws when `first17` is not 17 charset characters: callers check the charset first.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccCharValue(first17.charCodeAt(i));
    if (value < 0) throw new RangeError(`usccCheckChar: ${JSON.stringify(first17[i])} is not a USCC character`);
    sum += value * (WEIGHTS[i] as number);
  }
  const remainder = sum % 31;
  return USCC_CHARSET[remainder === 0 ? 0 : 31 - remainder] as string;
}
