import type { QueryClient } from '@tanstack/query-core';
import type { StatusClient } from '../api/create-status-client.ts';
import { createStatusStore, type CodeVerdict, type StatusStore, type StatusStoreOptions } from '../query/create-status-store.ts';
import { tokenFingerprint } from '../query/token-fingerprint.ts';
import { mergePlatformVerdicts } from './merge-platform-verdicts.ts';
import type { PlatformConfig } from './platform-config-schema.ts';
import { platformsCovering } from './platforms-covering.ts';

export interface PlatformsStatusOptions extends Omit<StatusStoreOptions, 'queryClient' | 'source' | 'client'> {
  /** The runtime's one query client: every platform's queries live in it, keyed by platform (core/query/status-query-key.ts). */
  queryClient: QueryClient;
  platforms: readonly PlatformConfig[];
  /** The client for one platform (its URL and token). */
  client(platform: PlatformConfig): StatusClient;
  /**
   * A platform's part of a code's verdict from its stored answer: the stored answer by default; with
   * a list snapshot, what the snapshot says until the full answer comes (core/snapshot/merge-snapshot-verdict.ts).
   */
  part?: (platformId: string, code: string, stored: CodeVerdict | null) => CodeVerdict | null;
}

export interface PlatformsStatus {
  /** The merged verdict of every platform covering the code; never throws. */
  get(code: string): Promise<CodeVerdict>;
  /** The merged verdict from the caches, without fetching. */
  peek(code: string): CodeVerdict;
  /** Calls `listener` with the merged verdict whenever a covering platform's answer changes. */
  subscribe(code: string, listener: (v: CodeVerdict) => void): () => void;
  refreshStale(codes: Iterable<string>): void;
  /** One platform's changes feed named these codes. */
  invalidate(platformId: string, codes: string[]): Promise<void>;
  /** Each platform's own store (its batcher, retries and recovery). */
  readonly stores: ReadonlyMap<string, StatusStore>;
  clear(): void;
}

/**
 * Asking several platforms (issue 17): one status store — one batcher, one cache prefix — per
 * platform, a code asked only of the platforms covering its registration region, and the answers
 * merged by `mergePlatformVerdicts`. Used by the extension's background and the widget alike.
 */
export function createPlatformsStatus(o: PlatformsStatusOptions): PlatformsStatus {
  const { platforms, queryClient, client, part: partOf, ...storeOptions } = o;
  const now = o.now ?? (() => new Date());
  const stores = new Map<string, StatusStore>(
    platforms.map((p) => [
      p.id,
      createStatusStore({ ...storeOptions, queryClient, source: { platform: p.url, tokenFingerprint: tokenFingerprint(p.token ?? '') }, client: client(p) }),
    ]),
  );
  const covering = (code: string) => platformsCovering(code, platforms).map((platform) => ({ platform, store: stores.get(platform.id)! }));
  const merge = (parts: { platform: PlatformConfig; verdict: CodeVerdict | null }[]): CodeVerdict =>
    mergePlatformVerdicts(parts, { now: now(), ...(o.freshnessMs !== undefined && { freshnessMs: o.freshnessMs }) });
  const part = (platform: PlatformConfig, code: string, stored: CodeVerdict | null): CodeVerdict | null =>
    partOf ? partOf(platform.id, code, stored) : stored;
  const peek = (code: string): CodeVerdict =>
    merge(covering(code).map(({ platform, store }) => ({ platform, verdict: part(platform, code, store.peek(code)) })));

  return {
    stores,
    peek,
    async get(code) {
      const parts = await Promise.all(covering(code).map(async ({ platform, store }) => ({ platform, verdict: part(platform, code, await store.get(code)) })));
      return merge(parts);
    },
    subscribe(code, listener) {
      const parts = covering(code);
      if (parts.length === 0) {
        listener(peek(code));
        return () => undefined;
      }
      let started = false;
      const offs = parts.map(({ store }) =>
        store.subscribe(code, () => {
          if (started) listener(peek(code));
        }),
      );
      started = true;
      listener(peek(code));
      return () => offs.forEach((off) => off());
    },
    refreshStale(codes) {
      const list = [...codes];
      for (const [id, store] of stores) {
        const platform = platforms.find((p) => p.id === id)!;
        store.refreshStale(list.filter((code) => platformsCovering(code, [platform]).length > 0));
      }
    },
    invalidate: async (platformId, codes) => stores.get(platformId)?.invalidate(codes),
    clear() {
      for (const store of stores.values()) store.clear();
    },
  };
}
