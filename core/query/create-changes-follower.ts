import type { StatusClient } from '../api/create-status-client.ts';

export interface ChangesFollowerOptions {
  client: Pick<StatusClient, 'changes' | 'health'>;
  /** Codes whose answers may have changed (deduplicated per page of the feed). */
  onChanged: (codes: string[]) => void;
  /** Pause between polls. Default 30 s. */
  intervalMs?: number;
  /** Where to resume; without one the follower starts at `resumeFrom()` or else the platform's current `dataVersion`. */
  initialCursor?: number;
  /**
   * Where to start when there is no cursor yet, read at the first poll: the data version of what
   * the caller already holds (a list snapshot kept from an earlier run), so the changes since it
   * are read, not skipped. Null: the platform's current `dataVersion`.
   */
  resumeFrom?: () => number | null;
  /** Called after every page, so the caller can persist the cursor. */
  onCursor?: (cursor: number) => void;
  /** A poll failed; the follower keeps polling on its interval. */
  onError?: (error: unknown) => void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface ChangesFollower {
  start(): void;
  stop(): void;
  /** Reads every page of changes now; never throws. */
  pollNow(): Promise<void>;
}

/**
 * Follows `GET /changes` so cached verdicts are invalidated as soon as a list changes (an
 * objection filed, an exit announced), instead of waiting for them to go stale.
 */
export function createChangesFollower(opts: ChangesFollowerOptions): ChangesFollower {
  const intervalMs = opts.intervalMs ?? 30_000;
  const schedule = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = opts.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let cursor: number | null = opts.initialCursor ?? null;
  let timer: unknown = null;
  let running = false;
  let inFlight: Promise<void> | null = null;
  let controller = new AbortController();

  async function readAll(signal: AbortSignal): Promise<void> {
    // Without a cursor nothing is held but what `resumeFrom` names: the cache is no older than the first answers.
    if (cursor === null) {
      const resume = opts.resumeFrom?.() ?? null;
      // Resumed, nothing is read yet: the cursor is reported once its first page is.
      if (resume !== null) cursor = resume;
      else {
        cursor = (await opts.client.health({ signal })).dataVersion;
        opts.onCursor?.(cursor);
      }
    }
    for (;;) {
      const page = await opts.client.changes(cursor, { signal });
      if (signal.aborted) return;
      const codes = [...new Set(page.changes.map((c) => c.code))];
      if (codes.length > 0) opts.onChanged(codes);
      const advanced = page.cursor > cursor;
      cursor = Math.max(cursor, page.cursor);
      opts.onCursor?.(cursor);
      if (!page.hasMore || !advanced) return;
    }
  }

  function pollNow(): Promise<void> {
    if (controller.signal.aborted) controller = new AbortController();
    inFlight ??= readAll(controller.signal)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) opts.onError?.(error);
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  let generation = 0;

  function loop(gen: number): void {
    timer = null;
    void pollNow().then(() => {
      if (running && gen === generation && timer === null) timer = schedule(() => loop(gen), intervalMs);
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      generation += 1;
      loop(generation);
    },
    stop() {
      running = false;
      controller.abort();
      if (timer !== null) cancel(timer);
      timer = null;
    },
    pollNow,
  };
}
