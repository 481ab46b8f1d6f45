import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateDecision, RateLimiter } from './create-rate-limiter.ts';

/** A rate-limit question from a worker to the primary, and its answer. */
export type RateQuestion = { creditlens: 'rate'; id: number; key: string };
export type RateAnswer = { creditlens: 'rate'; id: number; decision: RateDecision };

/** The IPC channel of a cluster worker (`process`) or of the primary's side of one worker (`cluster.Worker`). */
export interface IpcChannel {
  send(message: unknown): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function isRateMessage(message: unknown): message is RateAnswer | RateQuestion {
  return typeof message === 'object' && message !== null && (message as { creditlens?: unknown }).creditlens === 'rate';
}

/**
 * The token-bucket store (token-bucket-store.ts) for a worker of several (platform-cluster.ts):
 * every worker asks the primary, which holds the one set of buckets, so a caller's allowance is
 * the same whichever worker its connection lands on. One IPC round trip per limited request.
 */
export function ipcBucketStore(channel: IpcChannel): FastifyRateLimitStoreCtor {
  const waiting = new Map<number, (decision: RateDecision) => void>();
  let next = 0;
  channel.on('message', (message) => {
    if (!isRateMessage(message) || !('decision' in message)) return;
    const done = waiting.get(message.id);
    waiting.delete(message.id);
    done?.(message.decision);
  });
  return class IpcBucketStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, _timeWindow: number, max: number): void {
      const id = next++;
      waiting.set(id, (decision) => callback(null, decision.allowed ? { current: 1, ttl: 0 } : { current: max + 1, ttl: decision.retryAfterSeconds * 1000 }));
      channel.send({ creditlens: 'rate', id, key } satisfies RateQuestion);
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/** The primary's side: answers a worker's rate-limit questions from the one shared `limiter`. */
export function answerRateQuestions(worker: IpcChannel, limiter: RateLimiter): void {
  worker.on('message', (message) => {
    if (!isRateMessage(message) || !('key' in message)) return;
    worker.send({ creditlens: 'rate', id: message.id, decision: limiter.take(message.key) } satisfies RateAnswer);
  });
}
