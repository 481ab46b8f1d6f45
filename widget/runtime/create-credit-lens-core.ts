import type { CreditClient, CreditClientOptions } from '../../core/api/create-credit-client.ts';
import { createStatusClient } from '../../core/api/create-status-client.ts';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { StatusResult } from '../../core/api/status-schema.ts';
import { createChangesFollower, type ChangesFollower } from '../../core/query/create-changes-follower.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import { createStatusStore, type CodeVerdict } from '../../core/query/create-status-store.ts';
import { mergeSnapshotVerdict } from '../../core/snapshot/merge-snapshot-verdict.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { suspectVerdict } from '../../core/verdict/suspect-verdict.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import type { CodeState, CodeWatcher } from '../contract/code-watcher.ts';
import type { FeedbackRuntime } from '../contract/feedback-runtime.ts';
import type { WidgetSnapshot } from '../contract/widget-snapshot.ts';
import type { VerdictStore, WidgetPlatforms } from '../contract/widget-platforms.ts';
import { loadMore, type WidgetMore } from './load-more.ts';
import { hasQueuedFeedback } from '../contract/local-storage-queue.ts';
import { invalidVerdict, notLoadedVerdict, unconfiguredVerdict } from './local-verdict.ts';
import { pendingVerdict } from '../../core/verdict/local-verdict.ts';
import { createVerdictAnnouncer } from '../contract/verdict-event.ts';
import { DEFAULT_CONFIG, mergeConfig, type CreditLensOptions, type WidgetConfig } from '../contract/widget-config.ts';

/** One answer of `CreditLens.check`. */
export interface CheckResult {
  /** What was passed in. */
  input: string;
  /** Normalized code. */
  code: string;
  verdict: Verdict;
  /** The registered name, when the platform gave one. */
  name: string | null;
  result: StatusResult | null;
}

export interface CreditLensEnvironment {
  /** Where `creditlens:verdict` is dispatched for every code; default `document`. */
  eventTarget?: () => EventTarget | null;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How often the changes feed is polled while codes are watched; default 30 s. */
  changesIntervalMs?: number;
  /** Loads the rest of the widget; default `loadMore` (tests may count or fail it). */
  loadMore?: () => Promise<WidgetMore>;
}

/** The runtime behind `window.CreditLens` and the ESM entry (scanning is added by `createCreditLens`). */
export interface CreditLensCore extends CodeWatcher {
  configure(options: CreditLensOptions): void;
  check(codes: string | readonly string[]): Promise<CheckResult[]>;
  /** Fetches every watched code again (e.g. after the host signs in). */
  refresh(): Promise<void>;
  /** The full credit client (records, feedback…); null while no platform is configured or before `more()` has loaded. */
  client(): CreditClient | null;
  /** Loads the rest of the widget once (see load-more.ts): all of it, where elements see only their card. */
  more(): Promise<WidgetMore>;
  /** The rest of the widget when it has loaded (see `more()`), else null. */
  loadedMore(): WidgetMore | null;
  /** Resolves once the configuration is in use (with `platforms`: parsed and loaded); rejects with why it is not (a TypeError for a bad list). */
  ready(): Promise<void>;
}

/** The longest codes wait for the list snapshot (`data-snapshot`) before they are asked for anyway. */
const SNAPSHOT_WAIT_MS = 2_000;

interface Watch {
  code: string;
  listener: (state: CodeState) => void;
  stop: (() => void) | null;
  /** Shows the code again with its last stored answer (the snapshot's answer changed). */
  render: (() => void) | null;
}

/**
 * Holds the configuration, the credit client and the status store (core/query: batching,
 * caching, retries); answers elements, `check` and `scan` from the same cache; announces every
 * verdict that becomes known or changes. Reconfiguring builds a new client and store and moves
 * every watched code over to it.
 */
export function createCreditLensCore(env: CreditLensEnvironment = {}): CreditLensCore {
  const now = env.now ?? (() => new Date());
  const pageNames = new Map<string, string>();
  const announcer = createVerdictAnnouncer(env.eventTarget ?? (() => globalThis.document ?? null), (code) => pageNames.get(code) ?? null);
  let config: WidgetConfig = DEFAULT_CONFIG;
  let store: VerdictStore | null = null;
  let follower: Pick<ChangesFollower, 'start' | 'stop'> | null = null;
  // `data-snapshot` (issue 15): the signed list snapshot, loaded with the rest of the widget.
  let snapshot: WidgetSnapshot | null = null;
  // `configure({ platforms })` (issue 17): every platform's status, loaded with the rest of the widget.
  let platforms: WidgetPlatforms | null = null;
  // Counts configurations: what settles for an earlier one is dropped.
  let builds = 0;
  // Codes wait for this before asking: with `data-snapshot` the snapshot in use or failed (at most
  // SNAPSHOT_WAIT_MS), with `platforms` the platforms runtime loaded (or failed to) and, with
  // `snapshot` too, every platform's snapshot (at most SNAPSHOT_WAIT_MS more).
  let settled: Promise<void> | null = null;
  // Resolves once the configuration is in use; with `platforms`, rejects when the list cannot be.
  let inUse: Promise<void> = Promise.resolve();
  let clientOptions: CreditClientOptions | null = null;
  let client: CreditClient | null = null;
  let loop: FeedbackRuntime | null = null;
  let more: WidgetMore | null = null;
  const load = env.loadMore ?? loadMore;
  let caseReference = '';
  const catalogues = new Map<CheckContext, Promise<Measure[] | null>>();
  const watches = new Set<Watch>();
  // Checks waiting for their first answer, each asked again when the configuration changes.
  const checking = new Set<() => void>();
  // The page's one query client, with query-core's page defaults: refocus and reconnect resume
  // retries paused while the tab was hidden.
  const queryClient = createStatusQueryClient();
  queryClient.mount();
  const providerIds = new WeakMap<object, number>();
  let providers = 0;

  /** Tells credentials apart in the cache's keys: a token's fingerprint, an id per token provider, or anonymous. */
  function credentials(): string {
    const provider = config.tokenProvider;
    if (!provider) return tokenFingerprint(config.token);
    let id = providerIds.get(provider);
    if (id === undefined) providerIds.set(provider, (id = ++providers));
    return `provider:${id}`;
  }

  function rebuild(): void {
    builds++;
    inUse = Promise.resolve();
    follower?.stop();
    follower = null;
    snapshot?.dispose();
    snapshot = null;
    settled = null;
    loop?.stop();
    loop = null;
    platforms?.stop();
    platforms = null;
    catalogues.clear();
    announcer.reset();
    const platform = config.platform;
    client = null;
    store?.clear();
    clientOptions = null;
    store = null;
    if (config.platforms) return startPlatforms();
    if (!platform) return;
    clientOptions = {
      baseUrl: platform,
      ...(env.fetch && { fetch: env.fetch }),
      getToken: async () => (config.tokenProvider ? ((await config.tokenProvider()) ?? null) : config.token),
    };
    const statusClient = createStatusClient(clientOptions);
    store = createStatusStore({
      queryClient,
      source: { platform, tokenFingerprint: credentials() },
      client: statusClient,
      freshnessMs: config.freshness,
      context: config.context,
      now,
    });
    // Feedback left waiting by an earlier visit is sent again without waiting for a card to open.
    if (hasQueuedFeedback(platform)) void withMore().then(feedback, () => undefined);
    const current = store;
    follower = createChangesFollower({
      client: statusClient,
      intervalMs: env.changesIntervalMs ?? 30_000,
      onChanged: (codes) => {
        void current.invalidate(codes);
        void snapshot?.changed(codes);
      },
      onCursor: (cursor) => snapshot?.feedRead(cursor),
      onError: () => snapshot?.feedFailed(),
      // With a snapshot the feed starts where it is current to, so nothing between the two is skipped.
      resumeFrom: () => snapshot?.dataVersion() ?? null,
    });
    if (config.snapshot) startSnapshot(platform, statusClient, current, clientOptions);
  }

  /** Loads the platforms runtime (widget/more); codes wait for it. */
  function startPlatforms(): void {
    const built = builds;
    const loaded = withMore().then((m) => {
      if (built !== builds) return null;
      platforms = m.createWidgetPlatforms({
        queryClient,
        platforms: config.platforms!,
        tokenProvider: config.tokenProvider,
        freshnessMs: config.freshness,
        context: config.context,
        changesIntervalMs: env.changesIntervalMs ?? 30_000,
        ...(env.fetch && { fetch: env.fetch }),
        now,
        snapshot: config.snapshot,
      });
      ({ status: store, follower } = platforms);
      return platforms;
    });
    inUse = loaded.then(() => undefined);
    // Codes wait for the platforms runtime, then (with `snapshot`) at most SNAPSHOT_WAIT_MS for every platform's snapshot.
    // Not loaded, or not a list of platforms: every code stays unknown.
    settled = loaded
      .then((p) => (p ? Promise.race([p.ready, snapshotWait()]) : undefined))
      .catch((error: unknown) => console.error('[CreditLens] 平台未能启用 / platforms not in use', error));
  }

  /** Loads the snapshot code (widget/more) and starts the download; only with `data-snapshot`. */
  function startSnapshot(platform: string, statusClient: ReturnType<typeof createStatusClient>, owner: VerdictStore, options: CreditClientOptions): void {
    const loaded = withMore().then(
      (m) => {
        if (store !== owner) return;
        snapshot = m.createWidgetSnapshot({
          platform,
          source: `${platform}|${credentials()}`,
          // A token provider's tokens change without the page knowing: its snapshot is not kept between loads.
          ...(config.tokenProvider && { store: null }),
          token: async () => (await options.getToken?.()) ?? null,
          freshnessMs: config.freshness,
          reread: async (codes) => (await statusClient.status(codes, { context: config.context })).results,
          onUpdated(codes) {
            const named = codes && new Set(codes);
            for (const watch of watches) if (!named || named.has(parseUscc(watch.code).code)) watch.render?.();
          },
          onError(message) {
            // Not used: every code waits for its full answer, as without the snapshot.
            console.error(`[CreditLens] 名单快照未使用 / list snapshot not used: ${message}`);
          },
          ...(env.fetch && { fetch: env.fetch }),
          now: () => now().getTime(),
        });
        return snapshot.ready;
      },
      (error: unknown) => console.error('[CreditLens] 名单快照无法加载 / list snapshot code could not be loaded', error),
    );
    settled = Promise.race([loaded, snapshotWait()]);
  }

  /** The longest codes wait for a list snapshot before they are asked for anyway. */
  function snapshotWait(): Promise<void> {
    return new Promise((done) => setTimeout(done, SNAPSHOT_WAIT_MS));
  }

  /** The stored answer, or — before it, also while the platform cannot be reached — the snapshot's (merge-snapshot-verdict.ts). */
  function withSnapshot(code: string, v: CodeVerdict): CodeVerdict {
    if (!snapshot) return v;
    if (v.result && !v.reason.errorKind) snapshot.observe(v.result);
    return mergeSnapshotVerdict(v, snapshot.verdict(code)) ?? v;
  }

  /** Loads the rest of the widget once and keeps it, so the full client and the feedback queue can be made synchronously. */
  function withMore(): Promise<WidgetMore> {
    return more ? Promise.resolve(more) : load().then((m) => (more = m));
  }

  /** The full client for the current platform (with `platforms`, the first), once the rest of the widget has loaded. */
  function fullClient(): CreditClient | null {
    if (platforms) return platforms.client;
    if (!client && more && clientOptions) client = more.createCreditClient(clientOptions);
    return client;
  }

  /** One feedback queue per platform, made on first use once the rest of the widget has loaded. */
  function feedback(): FeedbackRuntime | null {
    if (platforms) return platforms.feedback;
    const platform = config.platform;
    const current = fullClient();
    if (!loop && more && current && platform) loop = more.createFeedbackRuntime(current, platform);
    return loop;
  }

  /**
   * Adds the local check: a clean answer for a code with a suspect check digit says so, and one the
   * platform does not know is `invalid` — never clear, also as the last answer of a failed refresh.
   */
  function stateOf(code: string, suspect: boolean, v: CodeVerdict): CodeState {
    const { result, ...verdict } = v;
    return { code, result, verdict: suspect ? suspectVerdict(verdict, result, now(), config.freshness) : verdict };
  }

  function attach(watch: Watch): void {
    watch.stop?.();
    watch.stop = null;
    watch.render = null;
    const parsed = parseUscc(watch.code);
    const emit = (state: CodeState): void => {
      announcer.announce(state.code, state.verdict, state.result);
      watch.listener(state);
    };
    if (parsed.validity === 'invalid') return emit({ code: parsed.code, verdict: invalidVerdict(), result: null });
    if (!store && !settled) return emit({ code: parsed.code, verdict: unconfiguredVerdict(), result: null });
    let last: CodeVerdict | null = null;
    const show = (v: CodeVerdict): void => emit(stateOf(parsed.code, parsed.validity === 'suspect', withSnapshot(parsed.code, v)));
    watch.render = () => {
      if (last) show(last);
    };
    const subscribe = (): void => {
      watch.stop = store!.subscribe(parsed.code, (v) => show((last = v)));
    };
    if (!settled) {
      follower?.start();
      return subscribe();
    }
    // `data-snapshot`: the feed starts once the snapshot is in use (or given up on), from its data version;
    // a code the snapshot answers is painted from it before its status request is sent (after the next frame).
    // `platforms`: codes are asked once the platforms runtime has loaded.
    const built = builds;
    let waiting = true;
    watch.stop = () => {
      waiting = false;
    };
    emit({ code: parsed.code, verdict: pendingVerdict(), result: null });
    void settled.then(() => {
      if (built !== builds) return;
      follower?.start();
      if (!waiting) return;
      if (!store) return emit({ code: parsed.code, verdict: notLoadedVerdict(), result: null });
      const early = (platforms ?? snapshot)?.verdict(parsed.code);
      if (!early || early.kind === 'unknown') return subscribe();
      show({ ...early, result: null });
      requestAnimationFrame(() => setTimeout(() => waiting && subscribe(), 0));
    });
  }

  /**
   * The first trustworthy verdict: a fresh answer, or the first failure (the store keeps retrying
   * in the background), so a host asking before an approval is not kept waiting through every retry.
   * With `platforms`, every covering platform's full answer or failure, merged without the list
   * snapshots. Reconfigured meanwhile (the store is cleared): asked again under the new configuration.
   */
  function firstAnswer(current: VerdictStore, code: string, suspect: boolean): Promise<CodeState> {
    return new Promise((resolve) => {
      let stop: (() => void) | null = null;
      let done = false;
      const finish = (state: CodeState | Promise<CodeState>): void => {
        done = true;
        checking.delete(again);
        resolve(state);
        // Called from inside subscribe() when the answer is cached: unsubscribe after it returns.
        queueMicrotask(() => stop?.());
      };
      const again = (): void => finish(answerOf(code, suspect));
      checking.add(again);
      stop = current.subscribe(code, (v) => {
        const w = platforms ? platforms.answer(code) : v;
        if (!done && w && w.kind !== 'pending' && !(w.stale && !w.reason.errorKind)) finish(stateOf(code, suspect, w));
      });
    });
  }

  /** A code's check under the configuration in force (with `platforms`, once their runtime has loaded). */
  async function answerOf(code: string, suspect: boolean): Promise<CodeState> {
    while (!store && settled) {
      const waited = settled;
      await waited;
      if (waited === settled) break;
    }
    return store ? firstAnswer(store, code, suspect) : { code, verdict: settled ? notLoadedVerdict() : unconfiguredVerdict(), result: null };
  }

  async function checkOne(input: string): Promise<CheckResult> {
    const parsed = parseUscc(input);
    const state: CodeState =
      parsed.validity === 'invalid'
        ? { code: parsed.code, verdict: invalidVerdict(), result: null }
        : await answerOf(parsed.code, parsed.validity === 'suspect');
    announcer.announce(state.code, state.verdict, state.result);
    return { input, code: state.code, verdict: state.verdict, name: state.result?.subject?.name ?? null, result: state.result };
  }

  return {
    configure(options) {
      const next = mergeConfig(config, options);
      const rebuildNeeded = (['platform', 'platforms', 'token', 'tokenProvider', 'context', 'freshness', 'snapshot'] as const).some(
        (k) => next[k] !== config[k],
      );
      if (next.caseReference !== config.caseReference) caseReference = next.caseReference ?? '';
      config = next;
      if (rebuildNeeded) {
        rebuild();
        for (const again of [...checking]) again();
      }
      // Re-attaching also re-renders every element (a changed `lang` applies at once).
      for (const watch of watches) attach(watch);
    },
    config: () => config,
    now,
    client: fullClient,
    feedback,
    more: withMore,
    loadedMore: () => more,
    platforms: () => platforms,
    ready: () => inUse,
    caseReference: () => caseReference,
    setCaseReference(value) {
      caseReference = value;
    },
    pageName: (code) => pageNames.get(code) ?? null,
    setPageName(code, name) {
      if (name) pageNames.set(code, name);
      else pageNames.delete(code);
    },
    refreshStale(codes) {
      store?.refreshStale(codes.map((code) => parseUscc(code).code));
    },
    async invalidate(codes) {
      // A re-check asks the platform now: the snapshot must not answer for it meanwhile.
      snapshot?.forget(codes.map((code) => parseUscc(code).code));
      await store?.invalidate(codes);
    },
    watch(code, listener) {
      const watch: Watch = { code, listener, stop: null, render: null };
      watches.add(watch);
      attach(watch);
      return () => {
        watch.stop?.();
        watches.delete(watch);
        if (watches.size === 0) follower?.stop();
      };
    },
    measures(context) {
      const known = catalogues.get(context);
      if (known) return known;
      if (!clientOptions && !config.platforms) return Promise.resolve(null);
      const loading = withMore()
        .then(() => fullClient()!.measures({ context }))
        .then(
          (r) => r.measures,
          () => {
            catalogues.delete(context);
            return null;
          },
        );
      catalogues.set(context, loading);
      return loading;
    },
    check(codes) {
      const list = typeof codes === 'string' ? [codes] : [...codes];
      return Promise.all(list.map(checkOne));
    },
    async refresh() {
      await store?.refreshAll();
    },
  };
}
