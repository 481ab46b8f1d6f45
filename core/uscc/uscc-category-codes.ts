/**
 * The institution categories (position 2) each registration authority (position 1) may issue
 * under GB 32100-2015, as codes only: what validation needs, without the names that decoding
 * shows (uscc-authorities.ts; a unit test keeps the two tables in agreement). `null` is authority
 * Y ("other"), which accepts any charset character as category.
 */
export const USCC_CATEGORY_CODES: ReadonlyMap<string, string | null> = new Map(
  Object.entries({ 1: '1239', 2: '19', 3: '123459', 4: '19', 5: '1239', 6: '129', 7: '129', 8: '19', 9: '123', A: '19', N: '1239', Y: null }),
);
