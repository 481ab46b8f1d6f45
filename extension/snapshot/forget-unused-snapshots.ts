import { browser } from 'wxt/browser';
import { snapshotKeyOwner } from './snapshot-items.ts';

/** `storage.local`'s keys, without reading the values (kept snapshots are megabytes each) where the browser can. */
async function localKeys(): Promise<string[]> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  return typeof area.getKeys === 'function' ? area.getKeys() : Object.keys(await area.get(null));
}

/**
 * Removes the kept list snapshots no configured platform uses any more (a platform taken off the
 * list, or the single platform's while several are configured, and the other way round): each
 * may be megabytes of `storage.local`. `inUse` is asked just before removing — `null`: the
 * single platform is in use — so a configuration changed meanwhile keeps its own.
 */
export async function forgetUnusedSnapshots(inUse: () => readonly string[] | null): Promise<void> {
  const keys = await localKeys();
  const ids = inUse();
  const unused = keys.filter((key) => {
    const owner = snapshotKeyOwner(key);
    if (owner === undefined) return false;
    return ids === null ? owner !== null : owner === null || !ids.includes(owner);
  });
  if (unused.length > 0) await browser.storage.local.remove(unused);
}
