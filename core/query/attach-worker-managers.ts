import { focusManager, onlineManager } from '@tanstack/query-core';

/** What a service worker offers to tell online from offline (`self` and `navigator.onLine` there). */
export interface WorkerOnlineSource {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
  isOnline(): boolean;
}

/**
 * In a service worker query-core takes itself for a server and attaches no listeners: a worker
 * has no focus (it is always "focused", so retries never wait for a window), and it is online as
 * `navigator.onLine` and the worker's `online`/`offline` events say. Status queries fetch in
 * `networkMode: 'always'` either way (offline is an answer: unknown).
 */
export function attachWorkerManagers(source: WorkerOnlineSource): void {
  focusManager.setFocused(true);
  onlineManager.setEventListener((setOnline) => {
    const online = (): void => setOnline(true);
    const offline = (): void => setOnline(false);
    source.addEventListener('online', online);
    source.addEventListener('offline', offline);
    setOnline(source.isOnline());
    return () => {
      source.removeEventListener('online', online);
      source.removeEventListener('offline', offline);
    };
  });
}
