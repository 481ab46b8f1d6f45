import type { StatusResult } from '../api/status-schema.ts';
import { computeVerdict } from './compute-verdict.ts';
import type { Verdict } from './verdict-types.ts';

/**
 * The verdict of a suspect code (only its check character wrong) from the store's verdict and the
 * answer it rests on: a clean answer is recomputed with `suspect: true` — "not on any list" reads
 * `suspect-code`, a code the platform does not know is `invalid` (`suspect-not-found`) — and a
 * failed refresh names that as its last answer; a listed verdict stays as it is. The one rule the
 * extension's card, the widget and `cli check` share.
 */
export function suspectVerdict(stored: Verdict, result: StatusResult | null, now: Date, freshnessMs: number): Verdict {
  if (!result) return stored;
  if (stored.reason.errorKind) {
    if (!stored.lastKnown) return stored;
    return { ...stored, lastKnown: computeVerdict({ result, now, freshnessMs, suspect: true }).kind };
  }
  if (stored.kind !== 'clear') return stored;
  return { ...computeVerdict({ result, now, freshnessMs, suspect: true }), stale: stored.stale };
}
