import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { watchHostAccess } from '../../../../extension/background/watch-host-access.ts';

type Listener = (p: Browser.permissions.Permissions) => void;

/** fakeBrowser does not implement permissions events; a minimal event object stands in. */
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (fn: Listener) => void listeners.add(fn),
    removeListener: (fn: Listener) => void listeners.delete(fn),
    fire: (p: Parameters<Listener>[0]) => listeners.forEach((fn) => fn(p)),
    size: () => listeners.size,
  };
}

describe('watchHostAccess', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each<[string, 'onAdded' | 'onRemoved', Browser.permissions.Permissions, number]>([
    ['origins granted', 'onAdded', { origins: ['https://oa.example.gov.cn/*'] }, 1],
    ['origins withdrawn', 'onRemoved', { origins: ['https://oa.example.gov.cn/*'] }, 1],
    ['an API permission only', 'onAdded', { permissions: ['alarms'] }, 0],
    ['an empty change', 'onRemoved', { origins: [] }, 0],
  ])('re-registers on %s: %s calls', (_, event, change, calls) => {
    const permissions = { onAdded: fakeEvent(), onRemoved: fakeEvent() };
    const onChange = vi.fn();
    watchHostAccess(permissions, onChange);
    permissions[event].fire(change);
    expect(onChange).toHaveBeenCalledTimes(calls);
  });

  it('stops listening when asked', () => {
    const permissions = { onAdded: fakeEvent(), onRemoved: fakeEvent() };
    const stop = watchHostAccess(permissions, vi.fn());
    stop();
    expect(permissions.onAdded.size() + permissions.onRemoved.size()).toBe(0);
  });

  it('does nothing where the browser has no permissions events', () => {
    expect(() => watchHostAccess(undefined, vi.fn())()).not.toThrow();
  });
});

describe('createBackground and host access', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('registers the sites’ content scripts again when a listed site is granted later', async () => {
    const site = { pattern: 'https://oa.example.gov.cn/*', context: 'approval' as const };
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'http://127.0.0.1:9', sites: [site] } });
    const granted = new Set<string>();
    const onAdded = fakeEvent();
    const registered: string[][] = [];
    Object.assign(fakeBrowser.permissions, {
      onAdded,
      onRemoved: fakeEvent(),
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    });
    Object.assign(fakeBrowser, {
      scripting: {
        registerContentScripts: async (scripts: { matches: string[] }[]) => void registered.push(scripts[0]!.matches),
        unregisterContentScripts: async () => undefined,
      },
    });
    const { createBackground } = await import('../../../../extension/background/create-background.ts');
    createBackground();
    expect(onAdded.size()).toBe(1);
    // Settled: the listed site is not granted yet, so nothing is registered for it.
    await new Promise((r) => setTimeout(r, 100));
    expect(registered).toEqual([]);
    granted.add(site.pattern);
    onAdded.fire({ origins: [site.pattern] });
    await vi.waitFor(() => expect(registered).toEqual([[site.pattern]]));
  });
});
