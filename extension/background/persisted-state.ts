/**
 * What the background keeps in `storage.session` so that a stopped service worker wakes up with
 * its cache, its place in the changes feed and the frames it serves. Session storage is cleared
 * when the browser closes, which is what we want for cached answers about subjects.
 */
import { storage } from 'wxt/utils/storage';
import type { FrameRecord } from './frame-registry.ts';

export interface PersistedState {
  cache?: unknown;
  cursor?: number | null;
  platformUrl?: string;
  frames?: FrameRecord[];
}

const KEY = 'session:backgroundState' as const;

/** Reads the saved state, or an empty one. */
export async function loadPersistedState(): Promise<PersistedState> {
  try {
    return ((await storage.getItem<PersistedState>(KEY)) ?? {}) as PersistedState;
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
      void storage.setItem(KEY, read()).catch(() => undefined);
    }, delayMs);
  };
}
