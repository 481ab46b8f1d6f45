// The 31 characters GB 32100-2015 allows, in value order: I, O, S, V and Z are left out because
// they are too easily confused with 1, 0, 5, U and 2. The check character is computed over these values.

/** The USCC character set in value order (index = value used by the check character). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) VALUES[USCC_CHARSET.charCodeAt(i)] = i;

/** Value (0-30) of an uppercase half-width USCC character code, or -1 when it is outside the charset. */
export function usccCharValue(charCode: number): number {
  return charCode < 128 ? (VALUES[charCode] as number) : -1;
}
