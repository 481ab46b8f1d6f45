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

/** Starts downloading the snapshot of one platform and token. */
export function createWidgetSnapshot(o: WidgetSnapshotOptions): WidgetSnapshot {
  const fetchImpl = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = o.now ?? Date.now;
  const base = o.platform.replace(/\/+$/, '');
  let lookup: SnapshotLookup | null = null;
  let feedReadAt: number | null = null;
  let disposed = false;
  let wasCurrent = false;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  const unread = new Set<string>();

  const current = (): boolean => lookup !== null && feedReadAt !== null && now() - feedReadAt <= o.freshnessMs;
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

  async function download(): Promise<void> {
    try {
      const keyResponse = await fetchImpl(`${base}/.well-known/creditlens-record-key`, { cache: 'no-store' });
      const key = RecordKeySchema.safeParse(keyResponse.ok ? await keyResponse.json() : null);
      if (!key.success) throw new Error(`平台公钥不可用（HTTP ${keyResponse.status}） / The platform key is not available`);
      const token = await o.token();
      const response = await fetchImpl(`${base}/api/v1/snapshot`, { cache: 'no-store', headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new Error(`名单快照下载失败（HTTP ${response.status}） / The snapshot could not be downloaded (HTTP ${response.status})`);
      const verified = await verifySnapshot(new Uint8Array(await response.arrayBuffer()), key.data, globalThis.crypto.subtle);
      if (disposed) return;
      // A refused snapshot is never read: every code waits for its full answer, as without one.
      if (!verified.ok) throw new Error(verified.message);
      lookup = createSnapshotLookup(verified.index);
      // A snapshot just downloaded is the platform's word as of now, as a feed read is.
      feedReadAt = now();
      checkCurrent();
      o.onUpdated(null);
    } catch (error) {
      if (!disposed) o.onError(error instanceof Error ? error.message : String(error));
    }
  }
  const ready = download();

  return {
    ready,
    verdict(code) {
      if (!lookup || unread.has(code)) return null;
      return snapshotVerdict({ lookup, code, now: new Date(now()), feedReadAt, freshnessMs: o.freshnessMs, scope: lookup.index.header.scope });
    },
    feedRead(cursor) {
      if (!lookup) return;
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
