/**
 * The widget's list snapshot (`data-snapshot`, issue 15; core/snapshot): downloaded once, verified
 * against the platform's record key (`/.well-known/creditlens-record-key`) before a code of it is
 * read, kept in memory and current by the changes feed (the codes it names are re-read with the
 * status answer) and by full answers. It answers a code at once — its class, or clear when it is
 * absent — only while the feed was read within the freshness window (core/snapshot/snapshot-verdict.ts);
 * a class resting on internal entries only is withheld (the code waits for its full answer).
 */
import { RecordKeySchema } from '../../core/api/check-record-schema.ts';
import { applySnapshotDelta } from '../../core/snapshot/snapshot-delta.ts';
import { createSnapshotLookup, type SnapshotLookup } from '../../core/snapshot/snapshot-lookup.ts';
import { snapshotTimeline } from '../../core/snapshot/snapshot-timeline.ts';
import { snapshotVerdict } from '../../core/snapshot/snapshot-verdict.ts';
import { verifySnapshot } from '../../core/snapshot/verify-snapshot.ts';
import { chinaDate } from '../../core/time/china-time.ts';
import type { WidgetSnapshot, WidgetSnapshotOptions } from '../contract/widget-snapshot.ts';
import { indexedDbSnapshotStore } from './indexed-db-snapshot-store.ts';

/** How often a page running on a kept snapshot tries to download a new one. */
const RETRY_MS = 30_000;

/** Starts downloading the snapshot of one platform and token. */
export function createWidgetSnapshot(o: WidgetSnapshotOptions): WidgetSnapshot {
  const fetchImpl = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = o.now ?? Date.now;
  const base = o.platform.replace(/\/+$/, '');
  const store = o.store === undefined ? indexedDbSnapshotStore() : o.store;
  let lookup: SnapshotLookup | null = null;
  let feedReadAt: number | null = null;
  // A snapshot kept from an earlier page load (the download failed): it gives last answers only, never a current verdict.
  let kept = false;
  let lastAttempt = 0;
  let loading: Promise<void> | null = null;
  let disposed = false;
  let wasCurrent = false;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  const unread = new Set<string>();

  const current = (): boolean => lookup !== null && !kept && feedReadAt !== null && now() - feedReadAt <= o.freshnessMs;
  // The moment the feed was last read leaves the window, the snapshot's verdicts turn unknown.
  const checkCurrent = (): void => {
    if (disposed) return;
    if (expiryTimer !== null) clearTimeout(expiryTimer);
    const isCurrent = current();
    expiryTimer = isCurrent && feedReadAt !== null ? setTimeout(checkCurrent, Math.max(0, feedReadAt + o.freshnessMs - now()) + 250) : null;
    if (isCurrent === wasCurrent) return;
    wasCurrent = isCurrent;
    o.onUpdated(null);
  };

  /** Downloads and verifies the snapshot; true once it is in use. */
  async function download(): Promise<boolean> {
    lastAttempt = now();
    try {
      const keyResponse = await fetchImpl(`${base}/.well-known/creditlens-record-key`, { cache: 'no-store' });
      const key = RecordKeySchema.safeParse(keyResponse.ok ? await keyResponse.json() : null);
      if (!key.success) throw new Error(`平台公钥不可用（HTTP ${keyResponse.status}） / The platform key is not available`);
      const token = await o.token();
      const response = await fetchImpl(`${base}/api/v1/snapshot`, { cache: 'no-store', headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new Error(`名单快照下载失败（HTTP ${response.status}） / The snapshot could not be downloaded (HTTP ${response.status})`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const verified = await verifySnapshot(bytes, key.data, globalThis.crypto.subtle);
      if (disposed) return false;
      // A refused snapshot is never read: every code waits for its full answer, as without one.
      if (!verified.ok) throw new Error(verified.message);
      lookup = createSnapshotLookup(verified.index);
      kept = false;
      // A snapshot just downloaded is the platform's word as of now, as a feed read is.
      feedReadAt = now();
      checkCurrent();
      o.onUpdated(null);
      void store?.save({ source: o.source, keyId: key.data.keyId, publicKey: key.data.publicKey, bytes }).catch(() => undefined);
      return true;
    } catch (error) {
      if (!disposed) o.onError(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /**
   * The snapshot kept by an earlier page load, when none could be downloaded: verified again and
   * only if made today (China time). It is never current — the changes since it are unknown here —
   * so a code shows unknown with "据 HH:MM 名单快照：…" as its last answer, never a verdict from it.
   */
  async function restore(): Promise<void> {
    const stored = await store?.load(o.source).catch(() => null);
    if (!stored || disposed || lookup) return;
    const verified = await verifySnapshot(stored.bytes, stored, globalThis.crypto.subtle);
    if (!verified.ok || disposed || lookup || verified.index.header.today !== chinaDate(new Date(now()))) return;
    lookup = createSnapshotLookup(verified.index);
    kept = true;
    o.onUpdated(null);
  }

  const refresh = (): Promise<void> =>
    (loading ??= download()
      .then(async (ok) => {
        if (!ok) await restore();
      })
      .finally(() => {
        loading = null;
      }));
  const ready = refresh();

  return {
    ready,
    dataVersion: () => lookup?.dataVersion ?? null,
    verdict(code) {
      if (!lookup || unread.has(code)) return null;
      return snapshotVerdict({
        lookup,
        code,
        now: new Date(now()),
        feedReadAt: kept ? null : feedReadAt,
        freshnessMs: o.freshnessMs,
        scope: lookup.index.header.scope,
      });
    },
    feedRead(cursor) {
      // The platform answers again: a page on a kept snapshot (or none) tries for a new one.
      if ((kept || !lookup) && !loading && now() - lastAttempt > RETRY_MS) void refresh();
      if (!lookup || kept) return;
      feedReadAt = now();
      if (unread.size === 0) lookup.apply(new Map(), cursor);
      checkCurrent();
    },
    feedFailed: checkCurrent,
    async changed(codes) {
      const target = lookup;
      if (!target || codes.length === 0) return;
      for (const code of codes) unread.add(code);
      o.onUpdated(codes);
      for (let i = 0; i < codes.length; i += 100) {
        try {
          const results = await o.reread(codes.slice(i, i + 100));
          if (disposed || lookup !== target) return;
          for (const code of applySnapshotDelta(target, results, target.dataVersion, new Date(now())).applied) unread.delete(code);
        } catch {
          // Left unread: the snapshot does not speak for them until their full answer.
        }
      }
      o.onUpdated(codes);
    },
    observe(result) {
      unread.delete(result.code);
      if (!lookup || result.invalid) return;
      lookup.apply(new Map([[result.code, result.found ? snapshotTimeline(result.entries, chinaDate(new Date(now()))) : []]]), lookup.dataVersion);
    },
    forget(codes) {
      for (const code of codes) unread.add(code);
    },
    dispose() {
      disposed = true;
      if (expiryTimer !== null) clearTimeout(expiryTimer);
    },
  };
}
