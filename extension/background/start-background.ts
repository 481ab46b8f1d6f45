/**
 * Wires the background: settings → verdict service → handlers, pushes and persistence. Handlers
 * are registered synchronously (a message may be what woke the worker) and wait for `ready`.
 */
import { browser } from 'wxt/browser';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { attachWorkerManagers } from '../../core/query/attach-worker-managers.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { sendMessage, type CodeView } from '../messaging/protocol.ts';
import { readEffectiveSettings, watchEffectiveSettings } from '../settings/effective-settings.ts';
import { registerSettingsHandlers } from '../settings/settings-handlers.ts';
import { parseStoredSettings, type Settings } from '../settings/settings-schema.ts';
import { createFrameRegistry, type FrameRegistry } from './frame-registry.ts';
import { createStateSaver, loadPersistedState } from './persisted-state.ts';
import { createVerdictPusher } from './create-verdict-pusher.ts';
import { createVerdictService, type VerdictService } from './create-verdict-service.ts';
import { registerBatchHandlers } from './register-batch-handlers.ts';
import { registerPageHandlers } from './register-page-handlers.ts';
import { registerSiteScripts } from './register-site-scripts.ts';
import { toCodeView } from './to-code-view.ts';
import { watchHostAccess } from './watch-host-access.ts';
import { answerSource } from './answer-source.ts';
import { createTabBudget } from './create-tab-budget.ts';

const ALARM = 'creditlens-changes';

/** Starts the background; call once from the entrypoint. */
export function startBackground(): void {
  let settings: Settings = parseStoredSettings({});
  let frames: FrameRegistry = createFrameRegistry();
  let service: VerdictService | null = null;
  // The worker's one query client; query-core attaches no listeners in a worker, so online/offline is wired here.
  attachWorkerManagers({
    addEventListener: (type, listener) => globalThis.addEventListener?.(type, listener),
    removeEventListener: (type, listener) => globalThis.removeEventListener?.(type, listener),
    isOnline: () => globalThis.navigator?.onLine ?? true,
  });
  const queryClient = createStatusQueryClient();

  const save = createStateSaver(() => ({ ...(service?.snapshot() ?? {}), frames: frames.toJSON() }));
  const view = (code: string, verdict: CodeVerdict | null, context: CheckContext): CodeView =>
    toCodeView(code, verdict, context, service?.catalogue() ?? null, settings.platformUrl, settings.freshnessMinutes * 60_000);
  const push = createVerdictPusher({
    frames: { framesWith: (code) => frames.framesWith(code) } as FrameRegistry,
    view: (code, verdict, frame) => view(code, verdict, frame.context),
    send: (tabId, frameId, views) => sendMessage('verdictsChanged', { views }, { tabId, frameId }),
  });

  function buildService(saved?: Parameters<typeof createVerdictService>[0]['saved']): void {
    service?.dispose();
    service = createVerdictService({ settings: () => settings, onVerdict: push, onDirty: save, saved, queryClient });
    service.watch(frames.allCodes());
    void browser.alarms.create(ALARM, { periodInMinutes: Math.max(0.5, settings.changesPollSeconds / 60) });
  }

  // One registration at a time: each one unregisters our script id before registering it again.
  let registering: Promise<void> = Promise.resolve();
  const reregisterSites = (): void => {
    registering = registering.then(() => registerSiteScripts(settings.sites)).catch(() => undefined);
  };

  const ready = (async () => {
    const [effective, saved] = await Promise.all([readEffectiveSettings(), loadPersistedState()]);
    settings = effective.settings;
    frames = createFrameRegistry(saved.frames ?? [], save);
    buildService(saved);
    reregisterSites();
  })();

  const current = (): VerdictService => {
    if (!service) throw new Error('the verdict service is not ready');
    return service;
  };

  const budget = createTabBudget({ limit: () => settings.maxCodesPerMinute });
  registerSettingsHandlers();
  registerPageHandlers({
    ready,
    frames: {
      reset: (...a) => frames.reset(...a),
      addCodes: (...a) => frames.addCodes(...a),
      setFindings: (...a) => frames.setFindings(...a),
      dropTab: (...a) => frames.dropTab(...a),
      frame: (...a) => frames.frame(...a),
      framesOf: (...a) => frames.framesOf(...a),
      framesWith: (...a) => frames.framesWith(...a),
      allCodes: () => frames.allCodes(),
      toJSON: () => frames.toJSON(),
    },
    service: current,
    settings: () => settings,
    view: (code, context) => view(code, current().peek(code), context),
    budget,
    push: (tabId, frameId, views) => void sendMessage('verdictsChanged', { views }, { tabId, frameId }).catch(() => undefined),
  });
  registerBatchHandlers({ ready, service: current, toView: view });

  // Re-read after `ready`: a change that lands while the first read is in flight must not be lost.
  watchEffectiveSettings(() => {
    void ready.then(readEffectiveSettings).then((next) => {
      const before = settings;
      settings = next.settings;
      const rebuild =
        before.platformUrl !== settings.platformUrl ||
        before.token !== settings.token ||
        before.freshnessMinutes !== settings.freshnessMinutes ||
        before.changesPollSeconds !== settings.changesPollSeconds;
      // Answers are kept only while platform and credentials stay the same (answer-source.ts).
      if (rebuild) buildService(service?.source === answerSource(settings) ? service.snapshot() : undefined);
      if (JSON.stringify(before.sites) !== JSON.stringify(settings.sites)) reregisterSites();
    });
  });

  // A site granted (or withdrawn) after it was listed: its content script follows the grant.
  watchHostAccess(browser.permissions, () => void ready.then(reregisterSites));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void ready.then(() => current().pollChanges());
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    frames.dropTab(tabId);
    budget.drop(tabId);
    service?.retain(frames.allCodes());
  });
}
