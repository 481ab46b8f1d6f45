import { isPlausibleRegion } from './is-plausible-region.ts';
import { isResidentId } from './is-resident-id.ts';
import { normalizeUscc } from './normalize-uscc.ts';
import { USCC_CATEGORY_CODES } from './uscc-category-codes.ts';
import { usccCharValue } from './uscc-charset.ts';
import { usccCheckChar } from './uscc-check-char.ts';
import type { UsccParse, UsccReason } from './uscc-types.ts';

/**
 * Checks an already normalized code. Authority, category and region are judged on whatever
 * characters are present; the check character only when length and charset are right (otherwise
 * it cannot be computed). A valid resident ID is always 'invalid' with `residentId: true`.
 */
export function parseNormalizedUscc(code: string, input: string = code): UsccParse {
  const reasons: UsccReason[] = [];
  if (code.length !== 18) reasons.push('length');

  let charsetOk = true;
  for (let i = 0; i < code.length; i++) {
    if (usccCharValue(code.charCodeAt(i)) < 0) {
      charsetOk = false;
      break;
    }
  }
  if (!charsetOk) reasons.push('charset');

  const categories = code.length >= 1 ? USCC_CATEGORY_CODES.get(code[0] as string) : undefined;
  if (categories === undefined) reasons.push('authority');
  else if (code.length >= 2) {
    const category = code[1] as string;
    const known = categories === null ? usccCharValue(category.charCodeAt(0)) >= 0 : categories.includes(category);
    if (!known) reasons.push('category');
  }
  if (code.length >= 8 && !isPlausibleRegion(code.slice(2, 8))) reasons.push('region');
  if (code.length === 18 && charsetOk && usccCheckChar(code.slice(0, 17)) !== code[17]) reasons.push('checksum');

  const residentId = code.length === 18 && isResidentId(code);
  const validity =
    residentId || code.length < 18 || (reasons.length > 0 && !(reasons.length === 1 && reasons[0] === 'checksum'))
      ? 'invalid'
      : reasons.length === 0
        ? 'valid'
        : 'suspect';
  return { input, code, validity, reasons, residentId };
}

/** Parses and checks a unified social credit code as a person or page wrote it (see normalizeUscc). */
export function parseUscc(input: string): UsccParse {
  return parseNormalizedUscc(normalizeUscc(input).code, input);
}
