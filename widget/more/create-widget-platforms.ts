/**
 * Several platforms in the widget (`configure({ platforms })`, issue 17), as the extension's
 * background does it (extension/background/create-platforms-verdict-service.ts): one client, one
 * status store (core/platforms `createPlatformsStatus`: batched per platform, on the page's one
 * QueryClient), one changes feed and — with `snapshot` — one list snapshot per platform, each
 * followed on its own; a code is asked of every platform covering its registration region and
 * shown as their merged verdict. A code every covering platform's snapshot speaks for is painted
 * from them before its full answers (`verdict`).
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import { createPlatformsStatus } from '../../core/platforms/create-platforms-status.ts';
import { mergePlatformVerdicts } from '../../core/platforms/merge-platform-verdicts.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { observeFullAnswers, snapshotsSpeakFor } from '../../core/platforms/platform-snapshots.ts';
import { platformsCovering } from '../../core/platforms/platforms-covering.ts';
import { createChangesFollower } from '../../core/query/create-changes-follower.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import { mergeSnapshotVerdict } from '../../core/snapshot/merge-snapshot-verdict.ts';
import type { WidgetPlatforms, WidgetPlatformsOptions } from '../contract/widget-platforms.ts';
import type { WidgetSnapshot } from '../contract/widget-snapshot.ts';
import { createPlatformsFeedbackRuntime } from './create-platforms-feedback-runtime.ts';
import { createWidgetSnapshot } from './create-widget-snapshot.ts';
import { platformListOf } from './platform-list-of.ts';

/** Creates the platforms runtime (a TypeError for a list that is not one); the changes feeds start with `follower.start()`. */
export function createWidgetPlatforms(o: WidgetPlatformsOptions): WidgetPlatforms {
  const platforms = platformListOf(o.platforms);
  // The platform's own token; else the host's provider, told which platform it is for. Never another platform's token.
  const tokenOf = async (p: PlatformConfig): Promise<string | null> =>
    p.token || (o.tokenProvider ? ((await o.tokenProvider({ id: p.id, url: p.url, name: p.name })) ?? null) : null);
  const clients = new Map<string, CreditClient>(
    platforms.map((p) => [p.id, createCreditClient({ baseUrl: p.url, getToken: () => tokenOf(p), ...(o.fetch && { fetch: o.fetch }) })]),
  );
  const clientOf = (id: string): CreditClient => clients.get(id)!;
  // Codes followed, with what they are told: a snapshot's answer changing re-tells them the merged verdict.
  const listeners = new Map<string, Set<(v: CodeVerdict) => void>>();
  const snapshots = new Map<string, WidgetSnapshot>(
    o.snapshot
      ? platforms.map((p) => [
          p.id,
          createWidgetSnapshot({
            platform: p.url,
            source: `${p.url}|${tokenFingerprint(p.token ?? null)}`,
            // A token provider's tokens change without the page knowing: that snapshot is not kept between loads.
            ...(!p.token && o.tokenProvider && { store: null }),
            token: () => tokenOf(p),
            freshnessMs: o.freshnessMs,
            reread: async (codes) => (await clientOf(p.id).status(codes, { context: o.context })).results,
            onUpdated(codes) {
              for (const code of codes ?? [...listeners.keys()]) for (const listener of listeners.get(code) ?? []) listener(status.peek(code));
            },
            onError(message) {
              // Not used: that platform's codes wait for its full answers.
              console.error(`[CreditLens] ${p.name}名单快照未使用 / list snapshot not used: ${message}`);
            },
            ...(o.fetch && { fetch: o.fetch }),
            now: () => o.now().getTime(),
          }),
        ])
      : [],
  );
  const status = createPlatformsStatus({
    queryClient: o.queryClient,
    platforms,
    client: (p) => clientOf(p.id),
    freshnessMs: o.freshnessMs,
    context: o.context,
    now: o.now,
    ...(o.snapshot && { part: (id, code, stored) => mergeSnapshotVerdict(stored, snapshots.get(id)?.verdict(code) ?? null) }),
  });
  const followers = platforms.map((p) => {
    const snapshot = snapshots.get(p.id);
    return createChangesFollower({
      client: clientOf(p.id),
      intervalMs: o.changesIntervalMs,
      onChanged(codes) {
        void status.invalidate(p.id, codes);
        void snapshot?.changed(codes);
      },
      onCursor: (cursor) => snapshot?.feedRead(cursor),
      onError: () => snapshot?.feedFailed(),
      // Each feed starts where its platform's snapshot is current to, so nothing between the two is skipped.
      resumeFrom: () => snapshot?.dataVersion() ?? null,
    });
  });
  const feedback = createPlatformsFeedbackRuntime(platforms.map((platform) => ({ platform, client: clientOf(platform.id) })));
  return {
    platforms,
    ready: Promise.all([...snapshots.values()].map((s) => s.ready)).then(() => undefined),
    verdict: (code) => (snapshotsSpeakFor(code, platforms, snapshots) ? status.peek(code) : null),
    answer(code) {
      const parts = platformsCovering(code, platforms).map((platform) => ({ platform, verdict: status.stores.get(platform.id)!.peek(code) }));
      const waiting = parts.some(({ verdict }) => !verdict || verdict.kind === 'pending' || (!verdict.result && !verdict.reason.errorKind));
      return waiting ? null : mergePlatformVerdicts(parts, { now: o.now(), freshnessMs: o.freshnessMs });
    },
    status: {
      subscribe(code, listener) {
        const covering = platformsCovering(code, platforms);
        const tell = (v: CodeVerdict): void => {
          observeFullAnswers(code, covering, status, snapshots);
          listener(v);
        };
        const set = listeners.get(code) ?? new Set();
        listeners.set(code, set.add(tell));
        const stop = status.subscribe(code, tell);
        return () => {
          stop();
          set.delete(tell);
          if (set.size === 0) listeners.delete(code);
        };
      },
      refreshStale: status.refreshStale,
      async invalidate(codes) {
        // A re-check asks the platforms now: an older snapshot must not answer for them meanwhile.
        for (const snapshot of snapshots.values()) snapshot.forget(codes);
        await Promise.all(platforms.map((p) => status.invalidate(p.id, codes)));
      },
      async refreshAll() {
        await Promise.all([...status.stores.values()].map((store) => store.refreshAll()));
      },
      clear: status.clear,
    },
    follower: {
      start: () => followers.forEach((f) => f.start()),
      stop: () => followers.forEach((f) => f.stop()),
    },
    client: clientOf(platforms[0]!.id),
    feedback,
    signers: platforms.map((platform) => ({ platform, client: clientOf(platform.id) })),
    stop() {
      followers.forEach((f) => f.stop());
      feedback.stop();
      for (const snapshot of snapshots.values()) snapshot.dispose();
    },
  };
}
