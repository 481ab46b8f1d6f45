import type { Verdict } from '../core/verdict/verdict-types.ts';

/** The verdict for an input that is not a code: decided locally, never sent to the platform. */
export function invalidVerdict(): Verdict {
  return {
    kind: 'invalid',
    reason: { code: 'invalid-code' },
    activeEntries: [],
    disputedEntries: [],
    watchEntries: [],
    suspendedRed: false,
    asOf: null,
    ageMs: null,
    stale: false,
  };
}

/** The verdict while no platform is configured: unknown, never clear. */
export function unconfiguredVerdict(): Verdict {
  return { ...invalidVerdict(), kind: 'unknown', reason: { code: 'error', detail: 'no-platform' } };
}
