/**
 * What the background keeps in `storage.session` (`backgroundStateItem`) so that a stopped
 * service worker wakes up with its cache, its place in the changes feed and the frames it serves.
 * Session storage is cleared when the browser closes, which is what we want for cached answers
 * about subjects.
 */
import { backgroundStateItem, type BackgroundState } from '../settings/storage-items.ts';

export type PersistedState = BackgroundState;

/** Reads the saved state (checked against its schema), or an empty one. */
export async function loadPersistedState(): Promise<PersistedState> {
  try {
    return await backgroundStateItem.getValue();
  } catch {
    return {};
  }
}

/** Returns `save()`, which writes `read()` at most once per `delayMs`. */
export function createStateSaver(read: () => PersistedState, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void backgroundStateItem.setValue(read()).catch(() => undefined);
    }, delayMs);
  };
}
