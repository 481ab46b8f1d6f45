/**
 * Several platforms in the widget (`configure({ platforms })`, issue 17), as the extension's
 * background does it (extension/background/create-platforms-verdict-service.ts): one client, one
 * status store (core/platforms `createPlatformsStatus`: batched per platform, on the page's one
 * QueryClient) and one changes feed per platform, each followed on its own; a code is asked of
 * every platform covering its registration region and shown as their merged verdict.
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import { createPlatformsStatus } from '../../core/platforms/create-platforms-status.ts';
import { createChangesFollower } from '../../core/query/create-changes-follower.ts';
import type { WidgetPlatforms, WidgetPlatformsOptions } from '../contract/widget-platforms.ts';
import { createPlatformsFeedbackRuntime } from './create-platforms-feedback-runtime.ts';
import { platformListOf } from './platform-list-of.ts';

/** Creates the platforms runtime (a TypeError for a list that is not one); the changes feeds start with `follower.start()`. */
export function createWidgetPlatforms(o: WidgetPlatformsOptions): WidgetPlatforms {
  const platforms = platformListOf(o.platforms);
  const clients = new Map<string, CreditClient>(
    platforms.map((p) => [
      p.id,
      createCreditClient({
        baseUrl: p.url,
        // The platform's own token; else the host's provider, told which platform it is for. Never another platform's token.
        getToken: async () => p.token || (o.tokenProvider ? ((await o.tokenProvider({ id: p.id, url: p.url, name: p.name })) ?? null) : null),
        ...(o.fetch && { fetch: o.fetch }),
      }),
    ]),
  );
  const clientOf = (id: string): CreditClient => clients.get(id)!;
  const status = createPlatformsStatus({
    queryClient: o.queryClient,
    platforms,
    client: (p) => clientOf(p.id),
    freshnessMs: o.freshnessMs,
    context: o.context,
    now: o.now,
  });
  const followers = platforms.map((p) =>
    createChangesFollower({
      client: clientOf(p.id),
      intervalMs: o.changesIntervalMs,
      onChanged: (codes) => void status.invalidate(p.id, codes),
    }),
  );
  const feedback = createPlatformsFeedbackRuntime(platforms.map((platform) => ({ platform, client: clientOf(platform.id) })));
  return {
    platforms,
    status: {
      subscribe: status.subscribe,
      refreshStale: status.refreshStale,
      async invalidate(codes) {
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
    },
  };
}
