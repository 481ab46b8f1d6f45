import type { CodeWatcher } from '../contract/code-watcher.ts';

/** Whether requests carry a credential: a token, a token provider, or (with `platforms`) a platform's own token. */
export function hasCredentials(watcher: Pick<CodeWatcher, 'config'>): boolean {
  const { token, tokenProvider, platforms } = watcher.config();
  return Boolean(token || tokenProvider || platforms?.some((p) => p.token));
}
