/**
 * The verdict service when several platforms are configured (issue 17): one client, status store
 * (core/platforms `createPlatformsStatus`: batched per platform), list snapshot and changes feed
 * per platform, each followed on its own; a code is asked of every platform covering its
 * registration region and shown as their merged verdict. A code every covering platform's
 * snapshot answers is painted from them and asked for its full answers once painted (`release`),
 * as with the single platform (`create-verdict-service.ts`, which that configuration keeps).
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import { MAX_FEEDBACK_LIST, type FeedbackListResponse } from '../../core/api/feedback-list-schema.ts';
import { CreditError } from '../../core/api/credit-error.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import { createPlatformsStatus } from '../../core/platforms/create-platforms-status.ts';
import { ownEntryId } from '../../core/platforms/platform-entry-id.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { observeFullAnswers, snapshotsSpeakFor } from '../../core/platforms/platform-snapshots.ts';
import { platformsCovering } from '../../core/platforms/platforms-covering.ts';
import { createChangesFollower, type ChangesFollower } from '../../core/query/create-changes-follower.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import { dehydrateStatusQueries, hydrateStatusQueries } from '../../core/query/persisted-status-query.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import type { QueryClient } from '@tanstack/query-core';
import type { Settings } from '../settings/settings-schema.ts';
import { mergeSnapshotVerdict } from '../../core/snapshot/merge-snapshot-verdict.ts';
import { createListSnapshot, type ListSnapshot } from '../snapshot/create-list-snapshot.ts';
import { platformSnapshotItems } from '../snapshot/snapshot-items.ts';
import { createSnapshotHold } from './create-snapshot-hold.ts';
import { HOLD_MAX_MS, type EntryClient, type VerdictService } from './create-verdict-service.ts';

export interface PlatformsVerdictServiceOptions {
  settings: () => Settings;
  platforms: readonly PlatformConfig[];
  onVerdict(code: string, verdict: CodeVerdict): void;
  onDirty(): void;
  fetch?: typeof fetch;
  queryClient?: QueryClient;
  /** A client per platform (tests); one of its own per platform when not given. */
  client?: (platform: PlatformConfig) => CreditClient;
  /** Restored state from a previous service-worker life (`snapshot()`): used only for the same platforms and tokens. */
  saved?: { cache?: unknown; cursors?: Record<string, number | null> | undefined; source?: string } | undefined;
  /** How long a code the snapshots answered waits for its paint at most (default `HOLD_MAX_MS`). */
  holdMaxMs?: number;
}

/** The answer source of a list of platforms: every URL and token fingerprint. */
export const platformsSource = (platforms: readonly PlatformConfig[]): string =>
  platforms.map((p) => `${p.url} ${tokenFingerprint(p.token ?? '')}`).join(' | ');

/** Creates the service for the configured platforms. */
export function createPlatformsVerdictService(o: PlatformsVerdictServiceOptions): VerdictService {
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
  const freshnessMs = settings.freshnessMinutes * 60_000;
  const subscriptions = new Map<string, () => void>();
  // Each platform's signed list snapshot (issue 15), kept under its own keys; a current full answer wins over it.
  const snapshots = new Map<string, ListSnapshot>(
    o.platforms.map((p) => [
      p.id,
      createListSnapshot({
        platformUrl: p.url,
        source: platformsSource([p]),
        token: () => p.token || null,
        freshnessMs,
        reread: async (codes) => (await clients.get(p.id)!.status(codes)).results,
        onUpdated(codes) {
          // Also `pending`: a code a snapshot stopped speaking for (its feed named it) shows it is being checked, not its painted answer.
          for (const code of codes ?? [...subscriptions.keys(), ...hold.held])
            if (subscriptions.has(code) || hold.held.has(code)) o.onVerdict(code, status.peek(code));
        },
        items: platformSnapshotItems(p.id),
        ...(o.fetch && { fetch: o.fetch }),
      }),
    ]),
  );
  const status = createPlatformsStatus({
    queryClient,
    platforms: o.platforms,
    client: (p) => clients.get(p.id)!,
    part: (platformId, code, stored) => mergeSnapshotVerdict(stored, snapshots.get(platformId)?.verdict(code) ?? null),
    freshnessMs,
    recoveryIntervalMs: Math.min(30_000, pollMs),
    windowMs: 30,
    maxBatch: 100,
  });
  // A worker stopped after 30 s idle comes back with every platform's answers and feed position (as create-verdict-service.ts).
  const source = platformsSource(o.platforms);
  const sameSource = o.saved?.source === source;
  if (sameSource && o.saved?.cache) for (const store of status.stores.values()) hydrateStatusQueries(queryClient, store.source, o.saved.cache);
  const cursors: Record<string, number | null> = Object.fromEntries(o.platforms.map((p) => [p.id, sameSource ? (o.saved?.cursors?.[p.id] ?? null) : null]));
  let disposed = false;
  const followers: ChangesFollower[] = o.platforms.map((p) => {
    const initial = cursors[p.id];
    const snapshot = snapshots.get(p.id)!;
    const follower = createChangesFollower({
      client: clients.get(p.id)!,
      intervalMs: pollMs,
      ...(initial !== null && initial !== undefined && { initialCursor: initial }),
      // Each platform's feed starts where its kept snapshot is current to (create-verdict-service.ts).
      resumeFrom: () => snapshot.resumeFrom(),
      onCursor(next) {
        cursors[p.id] = next;
        snapshot.feedRead(next);
        o.onDirty();
      },
      onChanged(codes) {
        void status.invalidate(p.id, codes);
        void snapshot.changed(codes);
      },
      onError: () => snapshot.feedFailed(),
    });
    void snapshot.restored.then(() => {
      if (!disposed) follower.start();
    });
    return follower;
  });

  /** Watches one code through every covering platform's store: asked for now (batched per platform), every merged answer pushed. */
  function subscribe(code: string): void {
    const covering = platformsCovering(code, o.platforms);
    subscriptions.set(
      code,
      status.subscribe(code, (verdict) => {
        observeFullAnswers(code, covering, status, snapshots);
        if (verdict.kind === 'pending') return;
        o.onVerdict(code, verdict);
        o.onDirty();
      }),
    );
  }

  // A code every covering platform's snapshot speaks for now is painted from them, its full answers asked once painted.
  const hold = createSnapshotHold({
    answered: (code) => snapshotsSpeakFor(code, o.platforms, snapshots),
    subscribe,
    holdMaxMs: o.holdMaxMs ?? HOLD_MAX_MS,
  });

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
    source,
    entryClient({ code, entryId }) {
      const covering = platformsCovering(code, o.platforms).map((p) => clients.get(p.id)!);
      // Feedback on a measure of the subject (no entry): to the code's first covering platform; what was given, from every one.
      if (entryId === null) {
        const [first] = covering;
        if (!first) throw new CreditError('http', `no configured platform covers ${code}`, { status: 400 });
        return { ...ownEntryClient(first), feedbackList: (c, caseReference) => feedbackOfAll(covering, c, caseReference) };
      }
      // The entry's id names its platform (platform-entry-id.ts), so this holds after a worker restart too.
      const owner = ownEntryId(entryId);
      // Never to a platform that may not own the entry: an id naming no configured platform (one queued
      // before several platforms were configured names none) fails, visibly, rather than land on a namesake.
      const client = owner ? clients.get(owner.platformId) : undefined;
      if (!client) throw new CreditError('http', `no configured platform owns entry ${entryId}`, { status: 400 });
      return ownEntryClient(client);
    },
    watch(codes) {
      loadCatalogue();
      if (Date.now() - lastPoll > pollMs * 2) void this.pollChanges();
      const shown = [...codes];
      status.refreshStale(shown.filter((code) => subscriptions.has(code)));
      for (const code of shown) if (!subscriptions.has(code)) hold.show(code);
    },
    recordSigners: () => o.platforms.map((p) => ({ platform: { id: p.id, name: p.name, url: p.url, regions: p.regions }, client: clients.get(p.id)! })),
    release: (codes) => hold.release(codes),
    retain(codes) {
      for (const [code, unsubscribe] of subscriptions) {
        if (codes.has(code)) continue;
        unsubscribe();
        subscriptions.delete(code);
      }
      hold.retain(codes);
    },
    peek: (code) => status.peek(code),
    get: (code) => status.get(code),
    invalidate: async (codes) => {
      // A re-check asks the platforms now: an older snapshot must not answer for them meanwhile.
      for (const snapshot of snapshots.values()) snapshot.forget(codes);
      await Promise.all(o.platforms.map((p) => status.invalidate(p.id, codes)));
    },
    catalogue: () => catalogue,
    // The first platform's (tests); the popup reads every platform's from storage (snapshot-items.ts).
    snapshotInfo: () => snapshots.get(o.platforms[0]!.id)!.info(),
    async pollChanges() {
      lastPoll = Date.now();
      await Promise.all(
        o.platforms.map(async (p, i) => {
          await snapshots.get(p.id)!.restored;
          if (!disposed) await followers[i]!.pollNow();
        }),
      );
    },
    snapshot: () => ({
      // Every platform's answered queries in one dehydrated state; each is hydrated back by its own key.
      cache: { mutations: [], queries: [...status.stores.values()].flatMap((store) => dehydrateStatusQueries(queryClient, store.source).queries) },
      cursor: null,
      cursors: { ...cursors },
      platformUrl: o.platforms[0]!.url,
      source,
    }),
    dispose() {
      disposed = true;
      hold.dispose();
      for (const follower of followers) follower.stop();
      for (const snapshot of snapshots.values()) snapshot.dispose();
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      status.clear();
    },
  };
}

/** The feedback every covering platform holds for the code and case, newest first. */
async function feedbackOfAll(clients: readonly CreditClient[], code: string, caseReference?: string | null): Promise<FeedbackListResponse> {
  const answers = await Promise.all(clients.map((client) => client.feedbackList(code, caseReference)));
  const feedback = answers
    .flatMap((a) => a.feedback)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    .slice(0, MAX_FEEDBACK_LIST);
  return { ...answers[0]!, feedback };
}

/** A platform's client for a merged verdict's entry: the request carries the platform's own entry id. */
function ownEntryClient(client: CreditClient): EntryClient {
  const own = <R extends { entryId: string | null }>(request: R): R => ({ ...request, entryId: ownEntryId(request.entryId ?? '')?.entryId ?? request.entryId });
  return {
    feedback: (request, options) => client.feedback(own(request), options),
    feedbackList: (code, caseReference) => client.feedbackList(code, caseReference),
    objection: (request) => client.objection(own(request)),
  };
}
