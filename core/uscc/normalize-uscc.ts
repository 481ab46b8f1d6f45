import { foldCodeChar, OTHER, SEPARATOR } from './fold-code-char.ts';

// Codes are copied from pages and documents as people wrote them: full-width, lowercase, grouped
// with spaces or hyphens, wrapped in brackets or quotes. We keep where each character came from so
// a highlight can be drawn over the original text.

/** Brackets, quotes and punctuation (ASCII and Chinese) that may surround a code. */
const SURROUNDING = new Set(Array.from('()[]{}<>"\'`:;,.!?（）［］｛｝＜＞【】〔〕〖〗《》〈〉「」『』“”‘’«»：；，。、！？．·…'));

/** Whether `raw[i]` may stand around a code rather than in it: a separator, a bracket or quote, white space. */
function isEdge(raw: string, i: number): boolean {
  return foldCodeChar(raw.charCodeAt(i)) === SEPARATOR || SURROUNDING.has(raw[i] as string) || /\s/.test(raw[i] as string);
}

/**
 * Normalizes what a person typed or pasted as a code: surrounding whitespace and punctuation are
 * dropped, full-width letters and digits become half-width, letters uppercase, and separators
 * (spaces of any kind, hyphens, dashes) are removed. Other characters inside are kept (folded if
 * possible) so that the parser reports them. `offsets[i]` is the index in `raw` of `code[i]`.
 */
export function normalizeUscc(raw: string): { code: string; offsets: number[] } {
  let start = 0;
  let end = raw.length;
  while (start < end && isEdge(raw, start)) start++;
  while (end > start && isEdge(raw, end - 1)) end--;

  let code = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const folded = foldCodeChar(raw.charCodeAt(i));
    if (folded === SEPARATOR) continue;
    code += folded === OTHER ? (raw[i] as string).toUpperCase() : String.fromCharCode(folded);
    offsets.push(i);
  }
  return { code, offsets };
}
