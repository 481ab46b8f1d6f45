/**
 * A messenger for `onValidMessage` that keeps the listeners, so a test delivers messages as the
 * browser would, from a sender of its choosing (a content script's tab and frame by default).
 */
export function fakeMessenger(defaultSender: unknown = { tab: { id: 7 }, frameId: 2, url: 'http://127.0.0.1/a' }) {
  const listeners = new Map<string, (m: unknown) => unknown>();
  return {
    onMessage: ((type: string, fn: (m: unknown) => unknown) => {
      listeners.set(type, fn);
      return () => listeners.delete(type);
    }) as never,
    deliver: <T = unknown>(type: string, data: unknown, sender: unknown = defaultSender): Promise<T> =>
      Promise.resolve(listeners.get(type)!({ id: 1, type, data, timestamp: 0, sender }) as T),
  };
}
