import type { Change } from '../api/changes-schema.ts';
import { isStatusErrorResult, type StatusErrorResult, type StatusResult } from '../api/status-schema.ts';
import { chinaDate } from '../time/china-time.ts';
import type { SnapshotLookup } from './snapshot-lookup.ts';
import { snapshotTimeline, type SnapshotTimeline } from './snapshot-timeline.ts';

/** The codes a page of the changes feed names after the snapshot's `dataVersion`, once each. */
export function codesChangedAfter(changes: readonly Change[], dataVersion: number): string[] {
  return [...new Set(changes.filter((c) => c.cursor > dataVersion).map((c) => c.code))];
}

/**
 * Applies the feed's delta to a snapshot: the codes it named, re-read from the platform (their
 * status answers), get the timeline their entries give today; a code answered with no subject is
 * clear. A code whose answer is a per-code error or invalid is left as it was, and the cursor is
 * then not advanced past it, so the next read asks again. Returns the codes whose class changed.
 */
export function applySnapshotDelta(
  lookup: SnapshotLookup,
  reread: ReadonlyArray<StatusResult | StatusErrorResult>,
  cursor: number,
  now: Date,
): { applied: string[]; complete: boolean } {
  const today = chinaDate(now);
  const changed = new Map<string, SnapshotTimeline>();
  let complete = true;
  for (const result of reread) {
    if (isStatusErrorResult(result) || result.invalid) {
      complete = false;
      continue;
    }
    changed.set(result.code, result.found ? snapshotTimeline(result.entries, today) : []);
  }
  lookup.apply(changed, complete ? cursor : lookup.dataVersion);
  return { applied: [...changed.keys()], complete };
}
