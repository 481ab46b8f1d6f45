import type { Verdict } from './verdict-types.ts';

/** The verdict while the first answer for a code is on its way. */
export function pendingVerdict(): Verdict {
  return {
    kind: 'pending',
    reason: { code: 'checking' },
    activeEntries: [],
    disputedEntries: [],
    watchEntries: [],
    suspendedRed: false,
    asOf: null,
    ageMs: null,
    stale: false,
  };
}
