/**
 * Name and code agree (三要素): a wrong code next to a real company name is how a black-listed
 * bidder slips through, so the name a page shows beside a code is compared with the name the
 * platform has registered for it. Comparison forgives what pages really vary in — full-width
 * forms, brackets （）/ (), spaces, middle dots — and a page adding a suffix such as
 * "（联合体牵头人）"; anything else is a mismatch.
 */
export type NameAgreement = 'match' | 'mismatch' | 'unknown';

const IGNORED = /[\s\u00a0\u3000·•・.,，。、:：;；"'“”‘’「」『』《》<>]/g;

/** Normalizes a company name for comparison (NFKC, brackets unified, spacing and punctuation dropped). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（【〔［]/g, '(')
    .replace(/[）】〕］]/g, ')')
    .replace(IGNORED, '')
    .toLowerCase();
}

/** Compares the name shown on a page with the registered name; `unknown` when either is missing. */
export function compareNames(pageName: string | null | undefined, registeredName: string | null | undefined): NameAgreement {
  if (!pageName || !registeredName) return 'unknown';
  const page = normalizeName(pageName);
  const registered = normalizeName(registeredName);
  if (page.length === 0 || registered.length === 0) return 'unknown';
  if (page === registered) return 'match';
  // The page may qualify the registered name: "某某有限公司(联合体牵头人)".
  if (page.startsWith(registered) && /^\(.*\)$/.test(page.slice(registered.length))) return 'match';
  return 'mismatch';
}
