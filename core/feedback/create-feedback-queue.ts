/**
 * Feedback (section (二十四)) must reach the platform exactly once even when the platform is down
 * at the moment a member of staff records it: each item is saved before it is sent, carries one
 * idempotency key for its whole life (a repeat is answered `duplicate` and counts as sent), is
 * retried with backoff while the failure is transient, and is kept, visibly, as `failed` when the
 * platform refuses it. Storage and timers are passed in, so the queue runs in a page, an
 * extension's background and a unit test alike.
 */
import type { CreditClient } from '../api/create-credit-client.ts';
import { isCreditError } from '../api/credit-error.ts';
import { FeedbackRequestSchema, type FeedbackRecord, type FeedbackRequest } from '../api/feedback-schema.ts';

import type { QueuedFeedback } from './queued-feedback-schema.ts';

export type { QueuedFeedback, QueuedFeedbackStatus } from './queued-feedback-schema.ts';

/** A feedback the platform confirmed (new or duplicate), kept in memory for the card. */
export interface SentFeedback {
  request: FeedbackRequest;
  record: FeedbackRecord | null;
  duplicate: boolean;
}

export interface FeedbackQueueStorage {
  /** What `save` stored last (anything else is ignored). */
  load(): Promise<unknown>;
  save(items: QueuedFeedback[]): Promise<void>;
}

export interface FeedbackQueueOptions {
  client: Pick<CreditClient, 'feedback'>;
  storage: FeedbackQueueStorage;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Generates idempotency keys; default `crypto.randomUUID`. */
  randomUUID?: () => string;
  /** Called after every change (enqueue, send, failure, load). */
  onChange?: (queue: FeedbackQueue) => void;
  /** First retry delay in ms, doubled per attempt up to `maxRetryDelayMs`. Default 2 000 / 300 000. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** What the form hands over: everything but the key (made here, once). */
export type FeedbackDraft = Omit<FeedbackRequest, 'idempotencyKey'> & { idempotencyKey?: string };

export interface FeedbackQueue {
  /** Resolves once stored items were loaded (and their sending started). */
  readonly ready: Promise<void>;
  /** Saves the feedback, then sends it; resolves with the queued item after it was saved. */
  enqueue(draft: FeedbackDraft): Promise<QueuedFeedback>;
  /** Sends every pending item now (e.g. when the browser comes back online). */
  flush(): Promise<void>;
  /** Items waiting to be sent (pending or sending), oldest first. */
  pending(): QueuedFeedback[];
  /** Items the platform refused, with the reason. */
  failed(): QueuedFeedback[];
  /** Items confirmed since this queue started. */
  sent(): SentFeedback[];
  /** Puts a failed item back in line (e.g. after signing in again). */
  retry(idempotencyKey: string): Promise<void>;
  /** Removes a failed item the user has seen and given up on. */
  discard(idempotencyKey: string): Promise<void>;
  /** Stops timers; stored items stay for the next start. */
  stop(): void;
}

/** Creates the persistent feedback queue; loading starts at once. */
export function createFeedbackQueue(options: FeedbackQueueOptions): FeedbackQueue {
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const uuid = options.randomUUID ?? (() => globalThis.crypto.randomUUID());
  const baseDelay = options.retryDelayMs ?? 2_000;
  const maxDelay = options.maxRetryDelayMs ?? 300_000;
  let items: QueuedFeedback[] = [];
  const confirmed: SentFeedback[] = [];
  const inFlight = new Set<string>();
  let timer: unknown = null;
  let stopped = false;

  const changed = (): void => options.onChange?.(queue);

  async function persist(): Promise<void> {
    try {
      await options.storage.save(items.map((i) => ({ ...i, status: i.status === 'sending' ? 'pending' : i.status })));
    } catch {
      // Storage unavailable (private mode, quota): the item still waits in memory and is sent.
    }
  }

  function schedule(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (stopped) return;
    const due = items.filter((i) => i.status === 'pending' && i.nextAttemptAt !== null).map((i) => i.nextAttemptAt!);
    if (due.length === 0) return;
    timer = setTimer(
      () => {
        timer = null;
        void sendDue(false);
      },
      Math.max(0, Math.min(...due) - now()),
    );
  }

  async function send(item: QueuedFeedback): Promise<void> {
    const key = item.request.idempotencyKey;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    item.status = 'sending';
    item.nextAttemptAt = null;
    item.attempts += 1;
    changed();
    try {
      const answer = await options.client.feedback(item.request);
      done(item, { request: item.request, record: answer.feedback, duplicate: answer.duplicate });
    } catch (error) {
      const credit = isCreditError(error) ? error : null;
      const detail = { kind: credit?.kind ?? 'unexpected', status: credit?.status ?? null, message: error instanceof Error ? error.message : String(error) };
      if (credit?.status === 409) {
        // The key is ours and made once: the platform already holds this feedback.
        done(item, { request: item.request, record: null, duplicate: true });
      } else if (credit?.retryable) {
        item.status = 'pending';
        item.error = detail;
        item.nextAttemptAt = now() + Math.min(maxDelay, baseDelay * 2 ** Math.max(0, item.attempts - 1));
      } else {
        item.status = 'failed';
        item.error = detail;
        item.nextAttemptAt = null;
      }
    } finally {
      inFlight.delete(key);
    }
    await persist();
    schedule();
    changed();
  }

  function done(item: QueuedFeedback, sent: SentFeedback): void {
    items = items.filter((i) => i !== item);
    confirmed.push(sent);
  }

  async function sendDue(all: boolean): Promise<void> {
    const due = items.filter((i) => i.status === 'pending' && (all || (i.nextAttemptAt ?? 0) <= now()));
    await Promise.all(due.map(send));
  }

  async function load(): Promise<void> {
    let stored: unknown;
    try {
      stored = await options.storage.load();
    } catch {
      stored = null;
    }
    const restored = Array.isArray(stored) ? stored.flatMap(restore) : [];
    const known = new Set(items.map((i) => i.request.idempotencyKey));
    items = [...restored.filter((i) => !known.has(i.request.idempotencyKey)), ...items];
    changed();
    await sendDue(true);
  }

  let ready: Promise<void> = Promise.resolve();
  const queue: FeedbackQueue = {
    get ready() {
      return ready;
    },
    async enqueue(draft) {
      const request = FeedbackRequestSchema.parse({ ...draft, idempotencyKey: draft.idempotencyKey ?? uuid() });
      const item: QueuedFeedback = { request, status: 'pending', enqueuedAt: new Date(now()).toISOString(), attempts: 0, nextAttemptAt: now(), error: null };
      items.push(item);
      await persist();
      changed();
      void send(item);
      return item;
    },
    async flush() {
      await ready;
      await sendDue(true);
    },
    pending: () => items.filter((i) => i.status !== 'failed'),
    failed: () => items.filter((i) => i.status === 'failed'),
    sent: () => [...confirmed],
    async retry(key) {
      const item = items.find((i) => i.request.idempotencyKey === key && i.status === 'failed');
      if (!item) return;
      item.status = 'pending';
      item.nextAttemptAt = now();
      await persist();
      await send(item);
    },
    async discard(key) {
      items = items.filter((i) => !(i.request.idempotencyKey === key && i.status === 'failed'));
      await persist();
      changed();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
  ready = load();
  return queue;
}

/** A stored item, if it still is one: its request must pass the contract, or it could never be sent. */
function restore(value: unknown): QueuedFeedback[] {
  if (typeof value !== 'object' || value === null) return [];
  const v = value as Partial<QueuedFeedback>;
  const request = FeedbackRequestSchema.safeParse(v.request);
  if (!request.success) return [];
  const failed = v.status === 'failed';
  return [
    {
      request: request.data,
      status: failed ? 'failed' : 'pending',
      enqueuedAt: typeof v.enqueuedAt === 'string' ? v.enqueuedAt : new Date(0).toISOString(),
      attempts: typeof v.attempts === 'number' ? v.attempts : 0,
      nextAttemptAt: null,
      error: v.error ?? null,
    },
  ];
}
