import { foldCodeChar, OTHER, SEPARATOR } from '../uscc/fold-code-char.ts';
import { hasResidentIdShape } from '../uscc/is-resident-id.ts';
import { parseNormalizedUscc } from '../uscc/parse-uscc.ts';
import type { UsccReason, UsccValidity } from '../uscc/uscc-types.ts';

/** A code found in text; `start`/`end` (exclusive) index the raw characters, without surrounding punctuation. */
export interface CodeMatch {
  /** Normalized code (uppercase, half-width, no separators). */
  code: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  raw: string;
  validity: UsccValidity;
  reasons: UsccReason[];
}

const CODE_LENGTH = 18;

// Reused across calls: the matcher runs on every text node of large pages and must not allocate
// per character. A "word" is a maximal stretch of code characters with no separator inside.
let wordStart = new Int32Array(64);
let wordEnd = new Int32Array(64);
let wordLen = new Int32Array(64);

function growWords(): void {
  const grow = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  wordStart = grow(wordStart);
  wordEnd = grow(wordEnd);
  wordLen = grow(wordLen);
}

/** Cheap bail-out: true when the text has at least 18 code characters in one separator-joined stretch. */
function mayContainCode(text: string): boolean {
  let run = 0;
  let lastWasSeparator = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // CJK and most punctuation: the common case on Chinese pages.
    if (c >= 0x3001 && c < 0xff00) {
      run = 0;
      continue;
    }
    const f = foldCodeChar(c);
    if (f >= 0) {
      if (++run >= CODE_LENGTH) return true;
      lastWasSeparator = false;
    } else if (f === SEPARATOR && !lastWasSeparator && run > 0) {
      lastWasSeparator = true;
    } else {
      run = 0;
      lastWasSeparator = false;
    }
  }
  return false;
}

/**
 * Whether an invalid candidate is worth showing as a probably mistyped code: the authority and
 * category must be right, and of region and check character at least one must hold (a bad
 * character counts against the check). Random 18-character numbers (order numbers, phone lists)
 * rarely meet that.
 */
function isPlausibleTypo(reasons: UsccReason[]): boolean {
  if (reasons.includes('authority') || reasons.includes('category') || reasons.includes('length')) return false;
  const badRegion = reasons.includes('region');
  const badCheck = reasons.includes('checksum') || reasons.includes('charset');
  return !(badRegion && badCheck);
}

const RANK: Record<UsccValidity, number> = { valid: 0, suspect: 1, invalid: 2 };

/**
 * Finds unified social credit codes in text, in one linear pass.
 *
 * A candidate is 18 code characters (ASCII or full-width letters and digits, any case) made of
 * whole "words": letters and digits may be grouped with at most ONE separator (space of any kind,
 * hyphen or dash) between groups, as in `91510132-MA6AULU68M`; two separators in a row, a line
 * break or any other character ends it. A candidate never starts or ends inside a longer run of
 * letters and digits, so a 19+ character run yields nothing. Chinese text or punctuation directly
 * around a code is fine.
 *
 * Reported: valid and suspect (only the check character wrong) codes, and invalid candidates that
 * look like a mistyped code: known authority and category, and region or check character right.
 * Resident identity numbers are never reported: neither valid ones, nor anything shaped like one
 * (17 digits, a real birth date at positions 7-14) unless it is a fully valid code. When candidates overlap
 * (different groupings of the same separated words), the best validity wins, then the leftmost.
 */
export function matchCodes(text: string): CodeMatch[] {
  if (text.length < CODE_LENGTH || !mayContainCode(text)) return [];

  const matches: CodeMatch[] = [];
  let words = 0; // words in the current separator-joined stretch
  let total = 0; // code characters in it
  let inWord = false;
  let separatorBefore = false;

  const flushStretch = () => {
    if (total >= CODE_LENGTH) collect(text, words, matches);
    words = 0;
    total = 0;
  };

  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    // CJK and most punctuation (the common case on Chinese pages) is OTHER without a lookup.
    const f = c >= 0x3001 && c < 0xff00 ? OTHER : i < text.length ? foldCodeChar(c) : OTHER;
    if (f >= 0) {
      if (!inWord) {
        if (words === wordStart.length) growWords();
        wordStart[words] = i;
        wordLen[words] = 0;
        inWord = true;
        separatorBefore = false;
      }
      wordLen[words]!++;
      continue;
    }
    if (inWord) {
      wordEnd[words] = i;
      total += wordLen[words]!;
      words++;
      inWord = false;
    }
    if (f === SEPARATOR && !separatorBefore && words > 0 && wordEnd[words - 1] === i) {
      separatorBefore = true;
      continue;
    }
    separatorBefore = false;
    if (words > 0) flushStretch();
  }
  return matches;
}

/** Evaluates every window of whole words summing to 18 characters in the current stretch. */
function collect(text: string, words: number, out: CodeMatch[]): void {
  const found: CodeMatch[] = [];
  let lo = 0;
  let sum = 0;
  for (let hi = 0; hi < words; hi++) {
    sum += wordLen[hi]!;
    while (sum > CODE_LENGTH && lo <= hi) sum -= wordLen[lo++]!;
    if (sum !== CODE_LENGTH) continue;
    const start = wordStart[lo]!;
    const end = wordEnd[hi]!;
    let code = '';
    for (let i = start; i < end; i++) {
      const f = foldCodeChar(text.charCodeAt(i));
      if (f >= 0) code += String.fromCharCode(f);
    }
    const parsed = parseNormalizedUscc(code);
    const reportable = parsed.validity === 'valid' || (!hasResidentIdShape(code) && (parsed.validity === 'suspect' || isPlausibleTypo(parsed.reasons)));
    if (reportable) {
      found.push({ code, start, end, raw: text.slice(start, end), validity: parsed.validity, reasons: parsed.reasons });
    }
  }
  if (found.length > 1) found.sort((a, b) => RANK[a.validity] - RANK[b.validity] || a.start - b.start);
  const kept: CodeMatch[] = [];
  for (const m of found) if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  kept.sort((a, b) => a.start - b.start);
  for (const m of kept) out.push(m);
}
