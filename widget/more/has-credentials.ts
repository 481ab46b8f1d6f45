import type { CodeWatcher } from '../contract/code-watcher.ts';

/**
 * Whether requests carry a credential: a token provider, the token (one `platform`), or a
 * platform's own token (`platforms`: the top-level token is never sent to a platform of the list).
 */
export function hasCredentials(watcher: Pick<CodeWatcher, 'config'>): boolean {
  const { token, tokenProvider, platforms } = watcher.config();
  return Boolean(tokenProvider || (platforms ? platforms.some((p) => p.token) : token));
}
