// One classification of characters, shared by normalizeUscc and the page matcher, so that what
// the matcher finds is exactly what the parser accepts. Kept allocation-free: it runs on every
// character of every text node the extension scans.

/** Returned by foldCodeChar for a separator allowed (once) between code characters. */
export const SEPARATOR = -1;
/** Returned by foldCodeChar for anything else. */
export const OTHER = -2;

// ASCII table: uppercase char code for [0-9A-Za-z], SEPARATOR for space, tab and '-', else OTHER.
const ASCII = new Int16Array(128).fill(OTHER);
for (let c = 48; c <= 57; c++) ASCII[c] = c;
for (let c = 65; c <= 90; c++) ASCII[c] = c;
for (let c = 97; c <= 122; c++) ASCII[c] = c - 32;
ASCII[32] = SEPARATOR;
ASCII[9] = SEPARATOR;
ASCII[45] = SEPARATOR;

/**
 * Folds one UTF-16 code unit: an ASCII or full-width letter or digit becomes the char code of its
 * uppercase half-width form; spaces (ASCII, NBSP, Unicode spaces, ideographic space, zero-width
 * space), hyphens and dashes (U+2010-2015, minus sign, full-width hyphen) give SEPARATOR; anything
 * else gives OTHER. Line breaks are OTHER: a code is not wrapped across lines in practice, while
 * joining the ends of adjacent lines would invent codes.
 */
export function foldCodeChar(c: number): number {
  if (c < 128) return ASCII[c] as number;
  if (c >= 0xff10) {
    if (c <= 0xff19) return c - 0xfee0; // ０-９
    if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0; // Ａ-Ｚ
    if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0 - 32; // ａ-ｚ
    return OTHER;
  }
  if (c === 0xff0d) return SEPARATOR; // －
  if (c === 0x00a0 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x2212) return SEPARATOR;
  if (c >= 0x2000 && c <= 0x200b) return SEPARATOR; // en/em/thin… spaces, zero-width space
  if (c >= 0x2010 && c <= 0x2015) return SEPARATOR; // hyphen, non-breaking hyphen, figure dash, en/em dash, bar
  return OTHER;
}
