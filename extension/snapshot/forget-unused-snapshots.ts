import { browser } from 'wxt/browser';

/** The storage keys of kept snapshots (snapshot-items.ts): the single platform's, or `…:<platform id>`; WXT's `$` keys hold their versions. */
const SNAPSHOT_KEY = /^listSnapshot(Delta|Info)?(:([^$]+))?\$?$/;

/**
 * Removes the kept list snapshots no configured platform uses any more (a platform taken off the
 * list, or the single platform's while several are configured, and the other way round): each
 * may be megabytes of `storage.local`. `platformIds` null: the single platform is in use.
 */
export async function forgetUnusedSnapshots(platformIds: readonly string[] | null): Promise<void> {
  const keys = Object.keys(await browser.storage.local.get(null));
  const unused = keys.filter((key) => {
    const match = SNAPSHOT_KEY.exec(key);
    if (!match) return false;
    const id = match[3];
    return platformIds === null ? id !== undefined : id === undefined || !platformIds.includes(id);
  });
  if (unused.length > 0) await browser.storage.local.remove(unused);
}
