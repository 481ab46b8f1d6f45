import type { CodeVerdict } from '../query/create-status-store.ts';
import type { Verdict } from '../verdict/verdict-types.ts';

/**
 * What a code shows when both the status store and the snapshot have something to say. A full
 * answer, once there, decides as it always did (it carries entries, facts and the name, and its
 * own rule for a failed refresh: unknown with the last answer). Before it — also while the platform
 * cannot be reached — the snapshot: its class while the feed was read within the freshness window,
 * past that unknown with "据 HH:MM 名单快照…" as its last answer.
 */
export function mergeSnapshotVerdict(stored: CodeVerdict | null, snapshot: Verdict | null): CodeVerdict | null {
  if (!snapshot) return stored;
  if (stored !== null && stored.result !== null) return stored;
  return { ...snapshot, result: null };
}
