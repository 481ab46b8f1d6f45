/**
 * A short fingerprint (FNV-1a, 32 bits) that tells tokens apart without holding them: answers
 * cached for one token are never shown to another. No token: `anonymous`.
 */
export function tokenFingerprint(token: string | null | undefined): string {
  if (!token) return 'anonymous';
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `token:${hash.toString(16)}`;
}
