import { platformsCovering } from '../../core/platforms/platforms-covering.ts';
import type { CodeWatcher } from '../contract/code-watcher.ts';

/** The platform a code's card links to: the one platform, or (with `platforms`) the first covering the code's region. */
export function cardPlatformUrl(watcher: Pick<CodeWatcher, 'config' | 'platforms'>, code: string): string | null {
  const loaded = watcher.platforms();
  if (!loaded) return watcher.config().platforms ? null : watcher.config().platform;
  return platformsCovering(code, loaded.platforms)[0]?.url ?? null;
}
