/**
 * The background's one composition root: it builds each service once — the settings follower
 * (with the one credit client), the query client, the alarm dispatcher, the tab and frame
 * registry, the verdict, feedback, name and record services — and registers every message
 * handler of the protocol here, in one place. Handlers and listeners are added synchronously (a
 * message or an alarm may be what woke the service worker) and wait for `ready`.
 */
import { browser } from 'wxt/browser';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { attachWorkerManagers } from '../../core/query/attach-worker-managers.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { createCaseReferenceStore } from '../feedback/case-reference-store.ts';
import { createFeedbackService } from '../feedback/create-feedback-service.ts';
import { registerFeedbackHandlers } from '../feedback/register-feedback-handlers.ts';
import { sendMessage, type CodeView } from '../messaging/protocol.ts';
import { createPageNamesStore } from '../names/page-names-store.ts';
import { registerNameHandlers } from '../names/register-name-handlers.ts';
import { registerObjectionHandler } from '../objections/register-objection-handler.ts';
import { createLastRecordStore } from '../records/last-record-store.ts';
import { registerRecordHandlers } from '../records/register-record-handlers.ts';
import { followSettingsClient } from '../settings/follow-settings-client.ts';
import { registerSettingsHandlers } from '../settings/settings-handlers.ts';
import { dropRetiredKeys, feedbackQueueItem } from '../settings/storage-items.ts';
import { answerSource } from './answer-source.ts';
import { createAlarmDispatcher } from './create-alarm-dispatcher.ts';
import { createTabBudget } from './create-tab-budget.ts';
import { createVerdictPusher } from './create-verdict-pusher.ts';
import { CreditError } from '../../core/api/credit-error.ts';
import { createPlatformsVerdictService } from './create-platforms-verdict-service.ts';
import { forgetUnusedSnapshots } from '../snapshot/forget-unused-snapshots.ts';
import { createVerdictService, type VerdictService } from './create-verdict-service.ts';
import { createFrameRegistry } from './frame-registry.ts';
import { createStateSaver, loadPersistedState, type PersistedState } from './persisted-state.ts';
import { registerBatchHandlers } from './register-batch-handlers.ts';
import { registerPageHandlers } from './register-page-handlers.ts';
import { registerSiteScripts } from './register-site-scripts.ts';
import { toCodeView } from './to-code-view.ts';
import { watchHostAccess } from './watch-host-access.ts';

/** The changes feed, every `changesPollSeconds` (alarms fire at ≥ 30 s; the service polls on a lookup after a pause). */
const CHANGES_ALARM = 'creditlens-changes';
/** Feedback that waits is tried again every 30 s. */
const FEEDBACK_ALARM = 'creditlens-feedback';
/** A page asking for verdicts means the platform may be back: try the feedback that waits, at most this often. */
const LOOKUP_FLUSH_MS = 10_000;

export interface Background {
  /** Settings read and the previous worker life's state restored. */
  readonly ready: Promise<void>;
}

/** Builds and starts the background; call once, synchronously, from the entrypoint. */
export function createBackground(): Background {
  // query-core attaches no listeners in a worker, so online/offline is wired here, for the one query client.
  attachWorkerManagers({
    addEventListener: (type, listener) => globalThis.addEventListener?.(type, listener),
    removeEventListener: (type, listener) => globalThis.removeEventListener?.(type, listener),
    isOnline: () => globalThis.navigator?.onLine ?? true,
  });
  const queryClient = createStatusQueryClient();
  const platform = followSettingsClient();
  const settings = platform.settings;
  const operator = (): string | null => settings().operator.trim() || null;

  // The tab and frame registry: which frame shows which codes, the tab budget, the case and page names of each tab.
  let service: VerdictService | null = null;
  const save = createStateSaver((): PersistedState => ({ ...(service?.snapshot() ?? {}), frames: frames.toJSON() }));
  const frames = createFrameRegistry([], save);
  const budget = createTabBudget({ limit: () => settings().maxCodesPerMinute });
  const cases = createCaseReferenceStore();
  const names = createPageNamesStore();
  const current = (): VerdictService => {
    if (!service) throw new Error('the verdict service is not ready');
    return service;
  };

  // Acting on an entry (issue 17): feedback and objections go to the platform that owns the entry, else the code's first covering platform.
  // Before the service is built (the worker just woke) nothing is sent: with several platforms the single one may not own it.
  const ownerClient = (owner: { code: string; entryId: string | null }) => {
    if (!service) throw new CreditError('offline', 'the verdict service is not ready yet');
    return service.entryClient(owner);
  };
  const view = (code: string, verdict: CodeVerdict | null, context: CheckContext): CodeView =>
    toCodeView(code, verdict, context, service?.catalogue() ?? null, settings().platformUrl, settings().freshnessMinutes * 60_000);
  const pushOne = createVerdictPusher({
    frames,
    view: (code, verdict, frame) => view(code, verdict, frame.context),
    send: (tabId, frameId, views) => sendMessage('verdictsChanged', { views }, { tabId, frameId }),
  });

  const feedback = createFeedbackService({
    // The queue must not send with the default settings before the real ones are read.
    ready: platform.ready,
    client: (owner) => ownerClient(owner),
    operator,
    cases,
    storage: { load: () => feedbackQueueItem.getValue(), save: (items) => feedbackQueueItem.setValue(items) },
  });
  let lastLookupFlush = 0;
  const flushFeedbackSoon = (): void => {
    if (Date.now() - lastLookupFlush < LOOKUP_FLUSH_MS) return;
    lastLookupFlush = Date.now();
    void platform.ready.then(() => feedback.flushIfPending()).catch(() => undefined);
  };

  const alarms = createAlarmDispatcher(browser.alarms, {
    [CHANGES_ALARM]: () => ready.then(() => current().pollChanges()),
    [FEEDBACK_ALARM]: () => platform.ready.then(() => feedback.flushIfPending()),
  });

  function buildService(saved?: PersistedState): void {
    service?.dispose();
    const platforms = settings().platforms;
    // Several platforms (issue 17): one client, store and feed each; without a list the single platform keeps its service and snapshot.
    service =
      platforms && platforms.length > 0
        ? createPlatformsVerdictService({ settings, platforms, onVerdict: pushOne, onDirty: save, saved, queryClient })
        : createVerdictService({ settings, client: platform.client(), onVerdict: pushOne, onDirty: save, saved, queryClient });
    service.watch(frames.allCodes());
    alarms.schedule(CHANGES_ALARM, settings().changesPollSeconds / 60);
    // One at a time, each reading the configuration in force when it removes.
    forgetting = forgetting.then(() => forgetUnusedSnapshots(platformIdsInUse)).catch(() => undefined);
  }
  let forgetting: Promise<void> = Promise.resolve();
  const platformIdsInUse = (): string[] | null => {
    const platforms = settings().platforms;
    return platforms && platforms.length > 0 ? platforms.map((p) => p.id) : null;
  };

  // One registration at a time: each one unregisters our script id before registering it again.
  let registering: Promise<void> = Promise.resolve();
  const reregisterSites = (): void => {
    registering = registering.then(() => registerSiteScripts(settings().sites)).catch(() => undefined);
  };

  const ready = (async () => {
    const [, saved] = await Promise.all([platform.ready, loadPersistedState()]);
    frames.restore(saved.frames ?? []);
    buildService(saved);
    reregisterSites();
  })();

  // Every message the background answers, each registered once (test/unit/extension/background/create-background.test.ts).
  registerSettingsHandlers();
  registerPageHandlers({
    ready,
    frames,
    service: current,
    settings,
    view: (code, context) => view(code, current().peek(code), context),
    budget,
    push: (tabId, frameId, views) => void sendMessage('verdictsChanged', { views }, { tabId, frameId }).catch(() => undefined),
    onLookup: flushFeedbackSoon,
  });
  registerBatchHandlers({ ready, service: current, toView: view });
  registerFeedbackHandlers({ ready: platform.ready, service: feedback, cases });
  registerObjectionHandler({ ready, client: (owner) => ownerClient(owner) });
  registerNameHandlers(names);
  registerRecordHandlers({
    // The service decides which platform signs which codes: it must be built first.
    ready,
    signers: () => current().recordSigners(),
    operator,
    names,
    caseReference: (tabId) => cases.get(tabId),
    last: createLastRecordStore(),
  });

  platform.onChange((next, before) => {
    const rebuild =
      before.platformUrl !== next.platformUrl ||
      before.token !== next.token ||
      before.freshnessMinutes !== next.freshnessMinutes ||
      before.changesPollSeconds !== next.changesPollSeconds ||
      JSON.stringify(before.platforms) !== JSON.stringify(next.platforms);
    // Answers are kept only while platform and credentials stay the same (answer-source.ts).
    if (rebuild) void ready.then(() => buildService(service?.source === answerSource(next) ? service.snapshot() : undefined));
    if (JSON.stringify(before.sites) !== JSON.stringify(next.sites)) void ready.then(reregisterSites);
  });
  alarms.schedule(FEEDBACK_ALARM, 0.5);
  void dropRetiredKeys().catch(() => undefined);
  // A site granted (or withdrawn) after it was listed: its content script follows the grant.
  watchHostAccess(browser.permissions, () => void ready.then(reregisterSites));
  browser.tabs.onRemoved.addListener((tabId) => {
    frames.dropTab(tabId);
    budget.drop(tabId);
    service?.retain(frames.allCodes());
    void cases.drop(tabId);
    names.dropTab(tabId);
  });
  return { ready };
}
