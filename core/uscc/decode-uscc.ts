import { normalizeUscc } from './normalize-uscc.ts';
import { orgCodeCheckChar } from './org-code-check-char.ts';
import { USCC_AUTHORITIES, type UsccNamed } from './uscc-authorities.ts';

/** The parts of a unified social credit code. */
export interface UsccDecoded {
  authority: { code: string; zh: string; en: string } | null;
  category: { code: string; zh: string; en: string } | null;
  /** Positions 3-8: the administrative division code (see describeRegion for names). */
  regionCode: string;
  /** Positions 9-17: the embedded GB 11714 organization code; `checkValid` is informational only. */
  orgCode: { code: string; checkValid: boolean };
}

const plain = ({ code, zh, en }: UsccNamed) => ({ code, zh, en });

/** Splits a code (normalized here if needed) into authority, category, region and organization code. */
export function decodeUscc(code: string): UsccDecoded {
  const normalized = normalizeUscc(code).code;
  const authority = USCC_AUTHORITIES.get(normalized.charAt(0)) ?? null;
  const categoryChar = normalized.charAt(1);
  let category = authority?.categories.find((c) => c.code === categoryChar) ?? null;
  if (!category && authority?.anyCategory && categoryChar) category = { code: categoryChar, zh: '其他', en: 'Other' };
  const org = normalized.slice(8, 17);
  return {
    authority: authority && plain(authority),
    category: category && plain(category),
    regionCode: normalized.slice(2, 8),
    orgCode: { code: org, checkValid: org.length === 9 && orgCodeCheckChar(org.slice(0, 8)) === org[8] },
  };
}
