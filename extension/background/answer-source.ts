/**
 * Which platform, asked with which credentials, an answer came from. A cached answer is reused
 * only for the same source: after the token changes (revoked, a less privileged account, or none)
 * earlier answers may show what the new credentials may not see, so they are dropped. The token
 * itself is never stored here, only a short fingerprint that tells tokens apart.
 */
export function answerSource(settings: { platformUrl: string; token: string }): string {
  if (!settings.token) return `${settings.platformUrl} anonymous`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < settings.token.length; i++) {
    hash ^= settings.token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${settings.platformUrl} token:${hash.toString(16)}`;
}
