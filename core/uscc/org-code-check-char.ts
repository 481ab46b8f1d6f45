// Positions 9-17 of a USCC embed the older GB 11714 organization code (8 body characters and a
// check character). Its check is informational: codes issued directly as USCCs need not satisfy it.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character for an 8-character organization code body (digits and A-Z), or null when the body has other characters. */
export function orgCodeCheckChar(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * (WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
