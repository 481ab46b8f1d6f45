import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';

/**
 * Which platform, asked with which credentials, an answer came from. A cached answer is reused
 * only for the same source: after the token changes (revoked, a less privileged account, or none)
 * earlier answers may show what the new credentials may not see, so they are dropped. The token
 * itself is never stored here, only a short fingerprint that tells tokens apart.
 */
export function answerSource(settings: { platformUrl: string; token: string }): string {
  return `${settings.platformUrl} ${tokenFingerprint(settings.token)}`;
}
