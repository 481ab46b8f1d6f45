/** One piece of heavy work at a time, with the event loop free in between. */
export interface Turns {
  /** Waits for a turn; call the function it resolves to when done (calling it again does nothing). */
  acquire(): Promise<() => void>;
  /** Runs `work` in a turn of its own. */
  run<T>(work: () => T | Promise<T>): Promise<T>;
}

/**
 * A queue of turns: work that blocks the event loop for milliseconds (parsing a form of
 * megabytes, verifying and rendering a 500-code record) runs one at a time, and each turn starts
 * from `setImmediate`, so requests that arrived meanwhile (health, status) are served between two
 * turns instead of behind all of them.
 */
export function createTurns(): Turns {
  let busy = false;
  const waiting: (() => void)[] = [];
  const pass = (): void => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else busy = false;
  };
  const acquire = (): Promise<() => void> =>
    new Promise((resolve) => {
      const grant = (): void => {
        let done = false;
        resolve(() => {
          if (done) return;
          done = true;
          pass();
        });
      };
      if (busy) waiting.push(grant);
      else {
        busy = true;
        setImmediate(grant);
      }
    });
  return {
    acquire,
    async run(work) {
      const release = await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
