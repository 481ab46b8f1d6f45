import type { Settings } from './settings-schema.ts';

/**
 * A row of the platform list at the single platform's address that has no token of its own uses
 * the single platform's token as it is in force now — the person's, or the one enterprise policy
 * sets (and rotates). A token is never sent to another address, and a row whose token was cleared
 * (`''`) stays without one.
 */
export function withSinglePlatformToken(settings: Settings): Settings {
  const { platforms, platformUrl, token } = settings;
  if (!platforms || !token) return settings;
  const at = sameAddress(platformUrl);
  if (!platforms.some((p) => p.token === undefined && sameAddress(p.url) === at)) return settings;
  return { ...settings, platforms: platforms.map((p) => (p.token === undefined && sameAddress(p.url) === at ? { ...p, token } : p)) };
}

const sameAddress = (url: string): string => url.replace(/\/+$/, '');
