/**
 * Wires issue 6 ("closing the loop") into the background, beside the verdict service: feedback
 * (persistent queue, resumed on every service-worker start, flushed on an alarm, when a page asks
 * for verdicts and whenever the platform answers a feedback read), objections, the page names of each frame and signed check records.
 * Handlers register synchronously (a message may be what woke the worker) and wait for `ready`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';
import { createCaseReferenceStore } from '../feedback/case-reference-store.ts';
import { createFeedbackService } from '../feedback/create-feedback-service.ts';
import { registerFeedbackHandlers } from '../feedback/register-feedback-handlers.ts';
import { createPageNamesStore } from '../names/page-names-store.ts';
import { registerNameHandlers } from '../names/register-name-handlers.ts';
import { registerObjectionHandler } from '../objections/register-objection-handler.ts';
import { createLastRecordStore } from '../records/last-record-store.ts';
import { registerRecordHandlers } from '../records/register-record-handlers.ts';
import { followSettingsClient } from '../settings/follow-settings-client.ts';

const ALARM = 'creditlens-feedback';
/** A page asking for verdicts means the platform may be back: try what waits, at most this often. */
const LOOKUP_FLUSH_MS = 10_000;
const QUEUE_KEY = 'local:feedbackQueue' as const;

/** Starts the closing-the-loop services; call once from the background entrypoint. */
export function startClosingTheLoop(): void {
  const platform = followSettingsClient();
  const operator = (): string | null => platform.settings().operator.trim() || null;
  const cases = createCaseReferenceStore();
  const names = createPageNamesStore();
  const feedback = createFeedbackService({
    ready: platform.ready,
    client: () => platform.client(),
    operator,
    cases,
    storage: {
      load: () => storage.getItem<QueuedFeedback[]>(QUEUE_KEY),
      save: (items) => storage.setItem(QUEUE_KEY, items),
    },
  });
  // The queue must not send with the default settings before the real ones are read.
  const ready = platform.ready;

  registerFeedbackHandlers({ ready, service: feedback, cases });
  registerObjectionHandler({ ready, client: () => platform.client() });
  registerNameHandlers(names);
  registerRecordHandlers({
    ready,
    client: () => platform.client(),
    operator,
    names,
    caseReference: (tabId) => cases.get(tabId),
    last: createLastRecordStore(),
  });

  void browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void ready.then(() => feedback.flushIfPending()).catch(() => undefined);
  });
  // Watches `lookup` messages without answering them (the verdict service does): each is a chance
  // that the platform is reachable again.
  let lastLookupFlush = 0;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== 'lookup' || Date.now() - lastLookupFlush < LOOKUP_FLUSH_MS) return undefined;
    lastLookupFlush = Date.now();
    void ready.then(() => feedback.flushIfPending()).catch(() => undefined);
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void cases.drop(tabId);
    names.dropTab(tabId);
  });
}
