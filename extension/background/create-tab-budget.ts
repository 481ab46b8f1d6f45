/**
 * How many distinct codes one tab may have looked up in a minute. A hostile page can plant
 * thousands of codes (issue 10, finding 3: 3,000 planted codes read back in 25 s, under the
 * user's department in the audit log), so past `limit` distinct new codes within a minute the tab
 * is paused: its further new codes are held, not asked for, until the person clicks 继续核查 in
 * the popup. Codes the tab already had answered stay answered. Kept in memory: a restarted
 * service worker starts every tab afresh.
 */

export interface TabBudgetOptions {
  /** Distinct new codes a tab may have asked for within `windowMs`. */
  limit: () => number;
  windowMs?: number;
  now?: () => number;
}

export interface TabPause {
  /** Codes held, not asked for. */
  held: number;
  limit: number;
}

export interface TabBudget {
  /** Splits a frame's codes into those that may be asked for now and those held while the tab is paused. */
  admit(tabId: number, frameId: number, codes: readonly string[]): { admitted: string[]; held: string[] };
  /** The tab's pause, or null when it is not paused. */
  pause(tabId: number): TabPause | null;
  /** The person said go on: the pause ends, the minute starts again, and the held codes are handed back per frame. */
  resume(tabId: number): Map<number, string[]>;
  /**
   * The tab's top frame loaded a page: the pause and held codes go, but the minute's count stays
   * (a page that reloads itself does not get a fresh allowance).
   */
  navigated(tabId: number): void;
  /** The tab is gone: forget it. */
  drop(tabId: number): void;
}

interface TabState {
  /** Codes asked for, with when. */
  admitted: Map<string, number>;
  /** When each of the last minute's new codes was admitted (oldest first). */
  recent: number[];
  paused: boolean;
  held: Map<number, Set<string>>;
}

/** Creates an empty budget. */
export function createTabBudget(o: TabBudgetOptions): TabBudget {
  const windowMs = o.windowMs ?? 60_000;
  const now = o.now ?? Date.now;
  const tabs = new Map<number, TabState>();

  const stateOf = (tabId: number): TabState => {
    let state = tabs.get(tabId);
    if (!state) {
      state = { admitted: new Map(), recent: [], paused: false, held: new Map() };
      tabs.set(tabId, state);
    }
    return state;
  };
  const heldCount = (state: TabState): number => [...state.held.values()].reduce((n, codes) => n + codes.size, 0);

  return {
    admit(tabId, frameId, codes) {
      const state = stateOf(tabId);
      const t = now();
      while (state.recent.length > 0 && state.recent[0]! <= t - windowMs) state.recent.shift();
      const admitted: string[] = [];
      const held: string[] = [];
      for (const code of codes) {
        if (state.admitted.has(code)) {
          admitted.push(code);
          continue;
        }
        if (!state.paused && state.recent.length >= o.limit()) state.paused = true;
        if (state.paused) {
          held.push(code);
          const frameHeld = state.held.get(frameId) ?? new Set<string>();
          frameHeld.add(code);
          state.held.set(frameId, frameHeld);
          continue;
        }
        state.admitted.set(code, t);
        state.recent.push(t);
        admitted.push(code);
      }
      return { admitted, held };
    },
    pause(tabId) {
      const state = tabs.get(tabId);
      return state?.paused ? { held: heldCount(state), limit: o.limit() } : null;
    },
    resume(tabId) {
      const state = tabs.get(tabId);
      if (!state) return new Map();
      const t = now();
      const released = new Map<number, string[]>();
      for (const [frameId, codes] of state.held) {
        released.set(frameId, [...codes]);
        for (const code of codes) state.admitted.set(code, t);
      }
      state.held.clear();
      state.paused = false;
      state.recent = [];
      return released;
    },
    navigated(tabId) {
      const state = tabs.get(tabId);
      if (!state) return;
      state.paused = false;
      state.held.clear();
    },
    drop(tabId) {
      tabs.delete(tabId);
    },
  };
}
