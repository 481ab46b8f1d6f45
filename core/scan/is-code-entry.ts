/**
 * Whether a form field's whole value is written like a code: only code characters (ASCII or
 * full-width letters and digits) with at most one separator between them. The scanner flags such
 * an entry as a mistyped code even when it fails every check; anything else in a field of the
 * right length (a company name such as 武汉市汉阳区德信园林绿化股份有限公司, a date, an address)
 * is no code at all and must not be reported as an invalid one.
 */
import { foldCodeChar, SEPARATOR } from '../uscc/fold-code-char.ts';

/** True when trimmed `value` is made of code characters and single inner separators only. */
export function isCodeEntry(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return false;
  let separatorBefore = true; // no leading separator
  for (let i = 0; i < text.length; i++) {
    const f = foldCodeChar(text.charCodeAt(i));
    if (f >= 0) separatorBefore = false;
    else if (f === SEPARATOR && !separatorBefore) separatorBefore = true;
    else return false;
  }
  return !separatorBefore;
}
