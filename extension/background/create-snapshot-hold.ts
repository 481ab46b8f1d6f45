/**
 * Codes a list snapshot answers are painted from it first (issue 15): their full answers are
 * asked only once a frame has painted them (its findings report: `release`), when they are shown
 * again (a card opened, another frame), or after `holdMaxMs` — so what a page shows first never
 * waits for a round trip, and the full answer (entries, the name for the name check) follows.
 * Used by the single platform's verdict service and by the several platforms' one.
 */
export interface SnapshotHoldOptions {
  /** Whether the snapshot(s) speak for the code now: its verdict is painted without a round trip. */
  answered(code: string): boolean;
  /** Asks for the code's full answer and follows it. */
  subscribe(code: string): void;
  holdMaxMs: number;
}

export interface SnapshotHold {
  /** A code shown that is not followed yet: held when the snapshot answers it, else followed now; one held already is released. */
  show(code: string): void;
  release(codes: Iterable<string>): void;
  /** Forgets held codes no frame shows any more. */
  retain(codes: ReadonlySet<string>): void;
  /** The held codes. */
  readonly held: ReadonlySet<string>;
  dispose(): void;
}

export function createSnapshotHold(o: SnapshotHoldOptions): SnapshotHold {
  const held = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function release(codes: Iterable<string>): void {
    for (const code of codes) if (held.delete(code)) o.subscribe(code);
    if (held.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  }

  return {
    held,
    show(code) {
      // Asked again while held (a card opened, another frame): its full answer is wanted now.
      if (held.has(code)) return release([code]);
      if (!o.answered(code)) return o.subscribe(code);
      held.add(code);
      timer ??= setTimeout(() => {
        timer = null;
        release([...held]);
      }, o.holdMaxMs);
    },
    release,
    retain(codes) {
      for (const code of held) if (!codes.has(code)) held.delete(code);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      held.clear();
    },
  };
}
