/**
 * The verdict service when several platforms are configured (issue 17): one client, status store
 * (core/platforms `createPlatformsStatus`: batched per platform) and changes feed per platform,
 * each followed on its own; a code is asked of every platform covering its registration region
 * and shown as their merged verdict. The single-platform configuration keeps
 * `create-verdict-service.ts` (with its list snapshot and persisted cache) unchanged.
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import { createPlatformsStatus } from '../../core/platforms/create-platforms-status.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { createChangesFollower, type ChangesFollower } from '../../core/query/create-changes-follower.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import type { QueryClient } from '@tanstack/query-core';
import type { Settings } from '../settings/settings-schema.ts';
import type { VerdictService } from './create-verdict-service.ts';

export interface PlatformsVerdictServiceOptions {
  settings: () => Settings;
  platforms: readonly PlatformConfig[];
  onVerdict(code: string, verdict: CodeVerdict): void;
  onDirty(): void;
  fetch?: typeof fetch;
  queryClient?: QueryClient;
  /** A client per platform (tests); one of its own per platform when not given. */
  client?: (platform: PlatformConfig) => CreditClient;
}

const NO_SNAPSHOT = { state: 'none', message: null, count: 0, bytes: 0, dataVersion: null, asOf: null, scope: null, feedReadAt: null, current: false } as const;

/** The answer source of a list of platforms: every URL and token fingerprint. */
export const platformsSource = (platforms: readonly PlatformConfig[]): string =>
  platforms.map((p) => `${p.url} ${tokenFingerprint(p.token ?? '')}`).join(' | ');

/** The verdict service of several platforms, which also hands out each platform's client (acting on its entries). */
export type PlatformsVerdictService = VerdictService & { client(platformId: string): CreditClient | null };

/** Creates the service for the configured platforms. */
export function createPlatformsVerdictService(o: PlatformsVerdictServiceOptions): PlatformsVerdictService {
  const settings = o.settings();
  const queryClient = o.queryClient ?? createStatusQueryClient();
  const pollMs = settings.changesPollSeconds * 1000;
  const clients = new Map<string, CreditClient>(
    o.platforms.map((p) => [
      p.id,
      o.client?.(p) ??
        createCreditClient({ baseUrl: p.url, getToken: async () => p.token || null, timeoutMs: 8000, retries: 1, ...(o.fetch && { fetch: o.fetch }) }),
    ]),
  );
  const status = createPlatformsStatus({
    queryClient,
    platforms: o.platforms,
    client: (p) => clients.get(p.id)!,
    freshnessMs: settings.freshnessMinutes * 60_000,
    recoveryIntervalMs: Math.min(30_000, pollMs),
    windowMs: 30,
    maxBatch: 100,
  });
  const followers: ChangesFollower[] = o.platforms.map((p) =>
    createChangesFollower({
      client: clients.get(p.id)!,
      intervalMs: pollMs,
      onChanged: (codes) => void status.invalidate(p.id, codes),
      onError: () => undefined,
    }),
  );
  for (const follower of followers) follower.start();

  const subscriptions = new Map<string, () => void>();
  let catalogue: Measure[] | null = null;
  let catalogueLoading = false;
  let lastPoll = Date.now();
  const first = clients.get(o.platforms[0]!.id)!;
  function loadCatalogue(): void {
    if (catalogue || catalogueLoading) return;
    catalogueLoading = true;
    first
      .measures()
      .then((answer) => {
        catalogue = answer.measures;
        for (const code of subscriptions.keys()) o.onVerdict(code, status.peek(code));
      })
      .catch(() => undefined)
      .finally(() => (catalogueLoading = false));
  }

  return {
    platformUrl: o.platforms[0]!.url,
    source: platformsSource(o.platforms),
    client: (platformId) => clients.get(platformId) ?? null,
    watch(codes) {
      loadCatalogue();
      if (Date.now() - lastPoll > pollMs * 2) void this.pollChanges();
      const shown = [...codes];
      status.refreshStale(shown.filter((code) => subscriptions.has(code)));
      for (const code of shown) {
        if (subscriptions.has(code)) continue;
        subscriptions.set(
          code,
          status.subscribe(code, (verdict) => {
            if (verdict.kind === 'pending') return;
            o.onVerdict(code, verdict);
            o.onDirty();
          }),
        );
      }
    },
    // No list snapshot per platform yet (issue 17): every code is asked at once, nothing is held.
    release: () => undefined,
    retain(codes) {
      for (const [code, unsubscribe] of subscriptions) {
        if (codes.has(code)) continue;
        unsubscribe();
        subscriptions.delete(code);
      }
    },
    peek: (code) => status.peek(code),
    get: (code) => status.get(code),
    invalidate: async (codes) => {
      await Promise.all(o.platforms.map((p) => status.invalidate(p.id, codes)));
    },
    catalogue: () => catalogue,
    snapshotInfo: () => ({ ...NO_SNAPSHOT }),
    async pollChanges() {
      lastPoll = Date.now();
      await Promise.all(followers.map((f) => f.pollNow()));
    },
    snapshot: () => ({ cache: undefined, cursor: null, platformUrl: o.platforms[0]!.url, source: platformsSource(o.platforms) }),
    dispose() {
      for (const follower of followers) follower.stop();
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      status.clear();
    },
  };
}
