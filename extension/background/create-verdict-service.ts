/**
 * The background's one connection to the platform: one client, one status store (core/query on
 * the runtime's query-core client, batching up to 100 codes per request), the changes feed, and the measures catalogue.
 * Codes are watched while some frame shows them; every change of a watched code's verdict is
 * reported through `onVerdict`. Rebuilt when the platform URL changes (a different platform's
 * answers must not be mixed in).
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { createChangesFollower, type ChangesFollower } from '../../core/query/create-changes-follower.ts';
import { createStatusStore, type CodeVerdict, type StatusStore } from '../../core/query/create-status-store.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import { dehydrateStatusQueries, hydrateStatusQueries } from '../../core/query/persisted-status-query.ts';
import type { QueryClient } from '@tanstack/query-core';
import type { Settings } from '../settings/settings-schema.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import { answerSource } from './answer-source.ts';
import { createListSnapshot } from '../snapshot/create-list-snapshot.ts';
import { mergeSnapshotVerdict } from '../../core/snapshot/merge-snapshot-verdict.ts';
import type { SnapshotInfo } from '../snapshot/snapshot-items.ts';
import { createSnapshotHold } from './create-snapshot-hold.ts';

export interface VerdictServiceOptions {
  settings: () => Settings;
  onVerdict(code: string, verdict: CodeVerdict): void;
  /** Persist the cache and cursor (debounced by the caller). */
  onDirty(): void;
  fetch?: typeof fetch;
  /** The background's one client (its settings follower's); one of its own when not given (tests). */
  client?: CreditClient;
  /** Restored state from a previous service-worker life. */
  saved?: { cache?: unknown; cursor?: number | null; platformUrl?: string; source?: string } | undefined;
  /** The background's one query client (create-background.ts); a service of its own when not given (tests). */
  queryClient?: QueryClient;
  /** How long a code the snapshot answered waits for its paint at most (default `HOLD_MAX_MS`). */
  holdMaxMs?: number;
}

/** A platform that signs (a part of) a check record; `platform` null: the single configured platform (the whole record). */
export interface RecordSigner {
  platform: { id: string; name: string; url: string; regions: PlatformConfig['regions'] } | null;
  client: Pick<CreditClient, 'records'>;
}

/** What the card's actions need of a platform. */
export type EntryClient = Pick<CreditClient, 'feedback' | 'feedbackList' | 'objection'>;

export interface VerdictService {
  readonly platformUrl: string;
  /** The platform and credentials answers come from (see answer-source.ts). */
  readonly source: string;
  /** Starts watching codes, and asks again for those whose answer is past the freshness window (they are being shown again). */
  watch(codes: Iterable<string>): void;
  /** Stops watching codes no frame shows any more. */
  retain(codes: Set<string>): void;
  /**
   * A frame painted these codes (its findings report): those the list snapshot answered are asked
   * for their full answer now. Until then, or `HOLD_MAX_MS`, they wait, so what the page shows first
   * never waits for a round trip; the full answer (entries, name for the name check) follows.
   */
  release(codes: Iterable<string>): void;
  peek(code: string): CodeVerdict | null;
  get(code: string): Promise<CodeVerdict>;
  /**
   * The client that acts on an entry of `code` (feedback, objections): the platform owning it,
   * sent the platform's own entry id (`entryId` null: the code's first covering platform). Throws
   * `offline` while the owner is not known, so nothing goes to a platform that may not own it.
   */
  entryClient(owner: { code: string; entryId: string | null }): EntryClient;
  /**
   * Who checks and signs a record: the single platform, or every configured platform in order, each
   * for the codes it covers (core/record/record-set-requests.ts: a platform never signs "not listed"
   * for a code whose region it does not cover, so the caller refuses a code no platform covers).
   */
  recordSigners(): RecordSigner[];
  invalidate(codes: string[]): Promise<void>;
  catalogue(): Measure[] | null;
  /** The list snapshot's size, age and data version, or why it was refused (several platforms: the first one's; the popup reads each from storage). */
  snapshotInfo(): SnapshotInfo;
  /** Polls the changes feed now (alarm, or a lookup after a pause). */
  pollChanges(): Promise<void>;
  /** What a restarted worker resumes from: the answers, the feed's cursor (several platforms: one each), the source they belong to. */
  snapshot(): { cache: unknown; cursor: number | null; cursors?: Record<string, number | null>; platformUrl: string; source: string };
  dispose(): void;
}

const CATALOGUE_TTL_MS = 60 * 60_000;
/** The longest a code the snapshot answered waits for its frame's paint before its full answer is asked anyway. */
export const HOLD_MAX_MS = 5_000;

/** Creates the service for the current settings. */
export function createVerdictService(o: VerdictServiceOptions): VerdictService {
  const settings = o.settings();
  const platformUrl = settings.platformUrl;
  const source = answerSource(settings);
  const queryClient = o.queryClient ?? createStatusQueryClient();
  const pollMs = settings.changesPollSeconds * 1000;
  const client =
    o.client ??
    createCreditClient({
      baseUrl: platformUrl,
      getToken: async () => o.settings().token || null,
      timeoutMs: 8000,
      retries: 1,
      ...(o.fetch && { fetch: o.fetch }),
    });
  const store: StatusStore = createStatusStore({
    queryClient,
    source: { platform: platformUrl, tokenFingerprint: tokenFingerprint(settings.token) },
    client,
    freshnessMs: settings.freshnessMinutes * 60_000,
    recoveryIntervalMs: Math.min(30_000, pollMs),
    windowMs: 30,
    maxBatch: 100,
  });
  const sameSource = o.saved?.source === source;
  if (sameSource && o.saved?.cache) hydrateStatusQueries(queryClient, store.source, o.saved.cache);
  let cursor: number | null = sameSource ? (o.saved?.cursor ?? null) : null;

  const subscriptions = new Map<string, () => void>();
  let catalogue: Measure[] | null = null;
  let catalogueAt = 0;
  let catalogueLoading = false;
  let lastPoll = Date.now();
  // The signed list snapshot answers codes at once (issue 15); a current full answer wins (merge-snapshot-verdict.ts).
  const snapshot = createListSnapshot({
    platformUrl,
    source,
    token: () => o.settings().token || null,
    freshnessMs: settings.freshnessMinutes * 60_000,
    reread: async (codes) => (await client.status(codes)).results,
    onUpdated(codes) {
      for (const code of codes ?? [...subscriptions.keys()]) {
        // A code with a current full answer shows that answer whatever the snapshot says: nothing to push.
        const stored = store.peek(code);
        if ((!subscriptions.has(code) && !hold.held.has(code)) || (stored?.result && !stored.reason.errorKind)) continue;
        // Also `pending`: a code the snapshot stopped speaking for (the feed named it) shows it is being checked, not its painted answer.
        const verdict = merged(code);
        if (verdict) o.onVerdict(code, verdict);
      }
    },
    ...(o.fetch && { fetch: o.fetch }),
  });
  const merged = (code: string): CodeVerdict | null => mergeSnapshotVerdict(store.peek(code), snapshot.verdict(code));

  const follower: ChangesFollower = createChangesFollower({
    client,
    intervalMs: pollMs,
    ...(cursor !== null && { initialCursor: cursor }),
    // A snapshot kept from an earlier run is as old as its data version: the feed starts there, so
    // what changed while the browser was closed is re-read before the snapshot speaks for it.
    resumeFrom: () => snapshot.resumeFrom(),
    onCursor(next) {
      cursor = next;
      snapshot.feedRead(next);
      o.onDirty();
    },
    onChanged(codes) {
      void store.invalidate(codes);
      void snapshot.changed(codes);
    },
    onError: () => snapshot.feedFailed(),
  });
  // The first poll waits for the stored snapshot to be read back (not for a download: one made now is no older than the feed) so it can resume from it.
  let disposed = false;
  void snapshot.restored.then(() => {
    if (!disposed) follower.start();
  });

  /** Watches one code through the store: it is asked for now (batched), and every answer is pushed. */
  function subscribe(code: string): void {
    // Frames already show `pending` until the first answer: only answers are worth a push.
    const unsubscribe = store.subscribe(code, (verdict) => {
      if (verdict.kind === 'pending') return;
      if (verdict.result && !verdict.reason.errorKind) snapshot.observe(verdict.result);
      o.onVerdict(code, merged(code) ?? verdict);
      o.onDirty();
    });
    subscriptions.set(code, unsubscribe);
  }

  // A code the snapshot speaks for now (current, and not withheld) is painted from it, its full answer asked once painted.
  const hold = createSnapshotHold({
    answered(code) {
      const verdict = snapshot.verdict(code);
      return verdict !== null && verdict.kind !== 'unknown' && verdict.kind !== 'pending';
    },
    subscribe,
    holdMaxMs: o.holdMaxMs ?? HOLD_MAX_MS,
  });

  function loadCatalogue(): void {
    if (catalogueLoading || (catalogue && Date.now() - catalogueAt < CATALOGUE_TTL_MS)) return;
    catalogueLoading = true;
    client
      .measures()
      .then((answer) => {
        catalogue = answer.measures;
        catalogueAt = Date.now();
        for (const code of subscriptions.keys()) {
          const verdict = store.peek(code);
          if (verdict && verdict.kind !== 'pending') o.onVerdict(code, verdict);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        catalogueLoading = false;
      });
  }

  return {
    platformUrl,
    source,
    watch(codes) {
      loadCatalogue();
      if (Date.now() - lastPoll > pollMs * 2) void this.pollChanges();
      const shown = [...codes];
      // Shown again (a reload, a card opened, a batch): an answer past the freshness window is re-asked now.
      store.refreshStale(shown.filter((code) => subscriptions.has(code)));
      for (const code of shown) if (!subscriptions.has(code)) hold.show(code);
    },
    release: (codes) => hold.release(codes),
    retain(codes) {
      for (const [code, unsubscribe] of subscriptions) {
        if (codes.has(code)) continue;
        unsubscribe();
        subscriptions.delete(code);
      }
      hold.retain(codes);
    },
    peek: merged,
    entryClient: () => client,
    recordSigners: () => [{ platform: null, client }],
    get: async (code) => {
      const verdict = await store.get(code);
      return mergeSnapshotVerdict(verdict, snapshot.verdict(code)) ?? verdict;
    },
    snapshotInfo: () => snapshot.info(),
    invalidate: (codes) => {
      // A re-check asks the platform now: an older snapshot must not answer for it meanwhile.
      snapshot.forget(codes);
      return store.invalidate(codes);
    },
    catalogue: () => catalogue,
    async pollChanges() {
      lastPoll = Date.now();
      await snapshot.restored;
      if (!disposed) await follower.pollNow();
    },
    snapshot: () => ({ cache: dehydrateStatusQueries(queryClient, store.source), cursor, platformUrl, source }),
    dispose() {
      disposed = true;
      hold.dispose();
      follower.stop();
      snapshot.dispose();
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      // Answers of another platform or token must not linger in the runtime's client.
      store.clear();
    },
  };
}
