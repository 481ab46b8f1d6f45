import type { Verdict, VerdictKind, VerdictReason } from './verdict-types.ts';

/**
 * A verdict decided without a platform answer — checking, not a code, no platform configured,
 * the background unreachable: no entries, no age, and never `clear`.
 */
export function localVerdict(kind: Exclude<VerdictKind, 'clear'>, reason: VerdictReason): Verdict {
  return {
    kind,
    reason,
    activeEntries: [],
    disputedEntries: [],
    watchEntries: [],
    suspendedRed: false,
    asOf: null,
    ageMs: null,
    stale: false,
  };
}

/** The verdict while the first answer for a code is on its way. */
export function pendingVerdict(): Verdict {
  return localVerdict('pending', { code: 'checking' });
}
