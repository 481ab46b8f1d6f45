/**
 * Group commit: items handed in until the scheduled flush (`schedule`: default right after this
 * turn of the event loop, setImmediate; the audit log waits a few milliseconds) are written
 * together, in one transaction (`write`) — one commit per few milliseconds instead of one per
 * request. Each
 * `add` resolves only once the batch holding its item is committed, and rejects with the error
 * when the write failed, so a caller that awaits it never acknowledges what was not stored.
 */
export class GroupCommit<T> {
  readonly #write: (items: T[]) => Promise<void>;
  readonly #schedule: (flush: () => void) => void;
  #pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #scheduled = false;

  constructor(write: (items: T[]) => Promise<void>, schedule: (flush: () => void) => void = (flush) => setImmediate(flush)) {
    this.#write = write;
    this.#schedule = schedule;
  }

  /** Queues `item`; resolves when it is committed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      this.#schedule(() => void this.flush());
    });
  }

  /** How many items wait for the next commit. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Writes what is queued now, in one transaction, and settles its promises (never rejects). */
  async flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    try {
      await this.#write(batch.map((p) => p.item));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve();
  }
}
