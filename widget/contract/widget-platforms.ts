import type { QueryClient } from '@tanstack/query-core';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { CreditClient } from '../../core/api/create-credit-client.ts';
import type { PlatformConfig, PlatformList } from '../../core/platforms/platform-config-schema.ts';
import type { CodeVerdict, StatusStore } from '../../core/query/create-status-store.ts';
import type { FeedbackRuntime } from './feedback-runtime.ts';
import type { TokenProvider } from './widget-config.ts';

/**
 * What the runtime in the script tag gives, and gets from, the lazily loaded platforms runtime
 * (`configure({ platforms })`, issue 17; widget/more/create-widget-platforms.ts). The script tag
 * carries only this interface: with several platforms configured, codes show pending until the
 * rest of the widget has loaded.
 */
export interface WidgetPlatformsOptions {
  /** The page's one query client: every platform's answers live in it, keyed by platform. */
  queryClient: QueryClient;
  /** As configured: parsed here with `PlatformListSchema` (a TypeError when it is not a list of platforms). */
  platforms: readonly PlatformConfig[];
  /** Asked, with the platform, for each platform without a `token` of its own. */
  tokenProvider: TokenProvider | null;
  freshnessMs: number;
  context: CheckContext;
  /** Each platform's changes feed is polled this often while codes are watched. */
  changesIntervalMs: number;
  fetch?: typeof fetch;
  now: () => Date;
  /** `snapshot: true`: each platform's signed list snapshot (issue 15) paints codes before their full answers. */
  snapshot?: boolean;
}

/** The part of a status store the runtime uses: a single platform's store, or every platform's merged. */
export type VerdictStore = Pick<StatusStore, 'subscribe' | 'refreshStale' | 'invalidate' | 'refreshAll' | 'clear'>;

/** Who checks and signs which part of a record: a platform and its client. */
export interface RecordSigner {
  platform: Pick<PlatformConfig, 'id' | 'name' | 'url' | 'regions'>;
  client: Pick<CreditClient, 'records'>;
}

export interface WidgetPlatforms {
  /** The platforms as parsed, in configured order. */
  platforms: PlatformList;
  /** Every covering platform's answer merged (core/platforms `mergePlatformVerdicts`). */
  status: VerdictStore;
  /** Settles once every platform's list snapshot was tried (with `snapshot`; else at once). */
  ready: Promise<void>;
  /** The merged verdict every covering platform's snapshot gives now, or null when one of them cannot speak for the code. */
  verdict(code: string): CodeVerdict | null;
  /** Every covering platform's full answer or failure, merged without the snapshots (`check()`), or null while one is still to come. */
  answer(code: string): CodeVerdict | null;
  /** Every platform's own changes feed, started and stopped together, each followed on its own. */
  follower: { start(): void; stop(): void };
  /** The first platform's full client: the measures catalogue (as the extension). */
  client: CreditClient;
  /** Feedback, given feedback and objections, each sent to the platform owning the entry. */
  feedback: FeedbackRuntime;
  /** Every platform, in configured order, for records in parts. */
  signers: RecordSigner[];
  /** Stops the feeds and the feedback queues (the caller clears `status`). */
  stop(): void;
}
