/**
 * The background's list snapshot (issue 15, core/snapshot): downloaded once per platform, token
 * and China day, verified against the platform's record key before a code of it is read, stored
 * in `storage.local`, kept current by the changes feed (the codes it names are re-read with the
 * status answer) and by full answers that disagree with it. It answers a code at once — its class,
 * or clear when it is absent — but only while the feed was read within the freshness window
 * (core/snapshot/snapshot-verdict.ts).
 */
import { RecordKeySchema } from '../../core/api/check-record-schema.ts';
import type { StatusErrorResult, StatusResult } from '../../core/api/status-schema.ts';
import { base64ToBytes, bytesToBase64 } from '../../core/record/base64.ts';
import { applySnapshotDelta } from '../../core/snapshot/snapshot-delta.ts';
import { createSnapshotLookup, type SnapshotLookup } from '../../core/snapshot/snapshot-lookup.ts';
import { snapshotTimeline } from '../../core/snapshot/snapshot-timeline.ts';
import { snapshotVerdict } from '../../core/snapshot/snapshot-verdict.ts';
import { verifySnapshot } from '../../core/snapshot/verify-snapshot.ts';
import { chinaDate } from '../../core/time/china-time.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import { SINGLE_SNAPSHOT_ITEMS, type SnapshotInfo, type SnapshotItems } from './snapshot-items.ts';

export interface ListSnapshotOptions {
  platformUrl: string;
  /** The platform and credentials (answer-source.ts): a stored snapshot of another source is not used. */
  source: string;
  token: () => string | null;
  freshnessMs: number;
  /** Re-reads codes with the status answer (the feed's delta). */
  reread(codes: string[]): Promise<Array<StatusResult | StatusErrorResult>>;
  /** The snapshot's answer for these codes (or every code: `null`) may have changed. */
  onUpdated(codes: string[] | null): void;
  /** Where it is kept (snapshot-items.ts): the single platform's by default, or one platform's of several. */
  items?: SnapshotItems;
  fetch?: typeof fetch;
  subtle?: SubtleCrypto;
  now?: () => number;
}

export interface ListSnapshot {
  /** The stored snapshot read back and verified (or found missing), and a new one downloaded when it was missing or from another day. */
  readonly ready: Promise<void>;
  /** The stored snapshot read back and verified (or found missing), before any download. */
  readonly restored: Promise<void>;
  /**
   * Where a changes feed without a cursor of its own starts: the data version of today's snapshot,
   * so what changed since it is read; null without one, or for one of another day (a new one is
   * downloaded, current as of now, rather than a day of changes re-read).
   */
  resumeFrom(): number | null;
  /** The snapshot's verdict for a code now, or null when it cannot speak for it. */
  verdict(code: string): Verdict | null;
  /** The feed was read up to `cursor`. */
  feedRead(cursor: number): void;
  /** A read of the feed failed: past the window, the snapshot stops speaking for the platform. */
  feedFailed(): void;
  /** The feed named these codes: they are re-read; until then the snapshot does not speak for them. */
  changed(codes: string[]): Promise<void>;
  /** The person asked again (a re-check): until a full answer arrives, the snapshot does not answer these codes. */
  forget(codes: string[]): void;
  /** A full answer arrived: where it disagrees, it replaces the snapshot's entry and a new snapshot is fetched. */
  observe(result: StatusResult): void;
  /** Downloads and verifies a new snapshot now. */
  refresh(): Promise<void>;
  info(): SnapshotInfo;
  dispose(): void;
}

const RETRY_MS = 60_000;

/** Creates the snapshot of one platform and token, restoring what was stored for them. */
export function createListSnapshot(o: ListSnapshotOptions): ListSnapshot {
  const fetchImpl = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const subtle = o.subtle ?? globalThis.crypto.subtle;
  const now = o.now ?? Date.now;
  const base = o.platformUrl.replace(/\/+$/, '');
  const { snapshot: snapshotItem, delta: snapshotDeltaItem, info: snapshotInfoItem } = o.items ?? SINGLE_SNAPSHOT_ITEMS;
  let lookup: SnapshotLookup | null = null;
  let feedReadAt: number | null = null;
  let state: SnapshotInfo['state'] = 'none';
  let message: string | null = null;
  let loading: Promise<void> | null = null;
  let lastAttempt = 0;
  let disposed = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const unread = new Set<string>();
  let rereading = false;
  let wasCurrent = false;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  // How far the changes feed has been read: a snapshot older than that (not brought up to it) would skip what changed in between.
  let lastCursor: number | null = null;
  const madeToday = (): boolean => lookup !== null && lookup.index.header.today === chinaDate(new Date(now()));

  const info = (): SnapshotInfo => ({
    state,
    message,
    count: lookup?.index.header.count ?? 0,
    bytes: lookup?.index.byteLength ?? 0,
    dataVersion: lookup?.dataVersion ?? null,
    asOf: lookup?.index.header.asOf ?? null,
    scope: lookup?.index.header.scope ?? null,
    feedReadAt,
    current: lookup !== null && feedReadAt !== null && now() - feedReadAt <= o.freshnessMs,
  });
  const publish = (): void => {
    if (!disposed) void snapshotInfoItem.setValue(info()).catch(() => undefined);
  };
  // The moment the feed was last read leaves the window, the page's snapshot verdicts turn unknown.
  const checkCurrent = (): void => {
    if (disposed) return;
    const current = info().current;
    if (expiryTimer !== null) clearTimeout(expiryTimer);
    expiryTimer = current && feedReadAt !== null ? setTimeout(checkCurrent, Math.max(0, feedReadAt + o.freshnessMs - now()) + 250) : null;
    if (current === wasCurrent) return;
    wasCurrent = current;
    publish();
    o.onUpdated(null);
  };
  const writeDelta = async (): Promise<void> => {
    if (!lookup || disposed) return;
    await snapshotDeltaItem
      .setValue({ source: o.source, changed: lookup.changed().map(([c, t]) => [c, [...t]]), dataVersion: lookup.dataVersion, feedReadAt })
      .catch(() => undefined);
    publish();
  };
  // At most once a second: the feed is read every half minute, a delta is a few codes.
  const saveDelta = (): void => {
    if (saveTimer !== null || disposed) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void writeDelta();
    }, 1000);
  };

  async function download(): Promise<void> {
    lastAttempt = now();
    try {
      const keyResponse = await fetchImpl(`${base}/.well-known/creditlens-record-key`, { cache: 'no-store' });
      const key = RecordKeySchema.safeParse(keyResponse.ok ? await keyResponse.json() : null);
      if (!key.success) throw new Error(`平台公钥不可用（HTTP ${keyResponse.status}） / The platform key is not available`);
      const token = o.token();
      const response = await fetchImpl(`${base}/api/v1/snapshot`, { cache: 'no-store', headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new Error(`名单快照下载失败（HTTP ${response.status}） / The snapshot could not be downloaded (HTTP ${response.status})`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const verified = await verifySnapshot(bytes, key.data, subtle);
      if (disposed) return;
      if (!verified.ok) {
        // A refused snapshot is never read; one verified earlier keeps answering.
        state = 'refused';
        message = verified.message;
        publish();
        return;
      }
      const previous = lookup;
      const next = createSnapshotLookup(verified.index);
      // Codes the feed named after this snapshot was made keep their re-read answers.
      if (previous && previous.dataVersion > verified.index.header.dataVersion) next.apply(new Map(previous.changed()), previous.dataVersion);
      if (lastCursor !== null && next.dataVersion < lastCursor) {
        // Older than what the feed has read (a platform serving a cached snapshot): what changed in between would be skipped. Not used.
        message = `名单快照（数据版本 ${next.dataVersion}）早于已读取的变更（${lastCursor}），未使用 / The snapshot is older than the changes already read`;
        publish();
        return;
      }
      lookup = next;
      state = 'ok';
      message = null;
      // A snapshot just downloaded is the platform's word as of now, as a feed read is.
      feedReadAt = now();
      // Kept in memory whatever storage says: storage.local holds 10 MB without `unlimitedStorage` (about 750,000 codes as base64), which the manifest asks for.
      await snapshotItem
        .setValue({ source: o.source, keyId: key.data.keyId, publicKey: key.data.publicKey, bytes: bytesToBase64(bytes) })
        .catch(() => undefined);
      await writeDelta();
      wasCurrent = info().current;
      checkCurrent();
      o.onUpdated(null);
    } catch (error) {
      if (disposed) return;
      if (state !== 'ok') state = 'failed';
      message = error instanceof Error ? error.message : String(error);
      publish();
    }
  }

  const refresh = (): Promise<void> => {
    loading ??= download().finally(() => {
      loading = null;
    });
    return loading;
  };

  let markRestored!: () => void;
  const restored = new Promise<void>((done) => (markRestored = done));
  async function restore(): Promise<void> {
    const [stored, delta] = await Promise.all([snapshotItem.getValue().catch(() => null), snapshotDeltaItem.getValue().catch(() => null)]);
    if (stored && stored.source === o.source) {
      const bytes = base64ToBytes(stored.bytes);
      const verified = bytes ? await verifySnapshot(bytes, stored, subtle) : null;
      if (verified?.ok && !disposed) {
        const saved =
          delta && delta.source === o.source ? { changed: delta.changed.map(([c, t]) => [c, t] as const), dataVersion: delta.dataVersion } : undefined;
        lookup = createSnapshotLookup(verified.index, saved);
        feedReadAt = delta && delta.source === o.source ? delta.feedReadAt : null;
        state = 'ok';
        wasCurrent = info().current;
        checkCurrent();
        o.onUpdated(null);
      }
    }
    markRestored();
    // Timelines start on the day the snapshot was made: a new China day gets a new snapshot.
    if (!disposed && (!lookup || lookup.index.header.today !== chinaDate(new Date(now())))) await refresh();
    publish();
  }
  const ready = restore()
    .catch(() => undefined)
    .finally(markRestored);

  return {
    ready,
    restored,
    resumeFrom: () => (madeToday() ? lookup!.dataVersion : null),
    verdict(code) {
      if (!lookup || unread.has(code)) return null;
      return snapshotVerdict({ lookup, code, now: new Date(now()), feedReadAt, freshnessMs: o.freshnessMs, scope: lookup.index.header.scope });
    },
    feedRead(cursor) {
      lastCursor = Math.max(lastCursor ?? cursor, cursor);
      // Only today's snapshot is read forward by the feed (it resumed from its data version). One of
      // another day is not: the feed started at the platform's version now, so what changed since
      // that snapshot was never read — it gives last answers only until its replacement is in.
      if (madeToday()) {
        feedReadAt = now();
        if (unread.size === 0) lookup!.apply(new Map(), cursor);
        else if (!rereading) void this.changed([...unread]);
      }
      if (!lookup && !loading && now() - lastAttempt > RETRY_MS) void refresh();
      else if (lookup && !madeToday() && !loading) void refresh();
      saveDelta();
      checkCurrent();
    },
    feedFailed: checkCurrent,
    async changed(codes) {
      if (!lookup || codes.length === 0) return;
      for (const code of codes) unread.add(code);
      o.onUpdated(codes);
      const target = lookup;
      rereading = true;
      for (let i = 0; i < codes.length; i += 100) {
        const batch = codes.slice(i, i + 100);
        try {
          const results = await o.reread(batch);
          if (disposed || lookup !== target) break;
          const { applied } = applySnapshotDelta(target, results, target.dataVersion, new Date(now()));
          for (const code of applied) unread.delete(code);
        } catch {
          // Left unread: the snapshot does not speak for them until a full answer or the next feed read re-reads them.
        }
      }
      rereading = false;
      saveDelta();
      o.onUpdated(codes);
    },
    observe(result) {
      if (!lookup || result.invalid) return;
      const timeline = result.found ? snapshotTimeline(result.entries, chinaDate(new Date(now()))) : [];
      const held = lookup.timelineOf(result.code);
      unread.delete(result.code);
      if (held === null || (held.length === timeline.length && held.every((v, i) => v === timeline[i]))) return;
      lookup.apply(new Map([[result.code, timeline]]), lookup.dataVersion);
      saveDelta();
      if (!loading && now() - lastAttempt > RETRY_MS) void refresh();
    },
    forget(codes) {
      for (const code of codes) unread.add(code);
    },
    refresh,
    info,
    dispose() {
      disposed = true;
      if (saveTimer !== null) clearTimeout(saveTimer);
      if (expiryTimer !== null) clearTimeout(expiryTimer);
    },
  };
}
