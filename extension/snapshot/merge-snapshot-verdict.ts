import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';

/**
 * What a code shows when both the status store and the snapshot have something to say. A current
 * full answer wins (it carries entries, facts and the name); before it, and while the platform
 * cannot be reached but the feed was read within the freshness window, the snapshot's class; past
 * the window, the full answer's own last-known verdict if there is one, else the snapshot's
 * unknown with "据 HH:MM 名单快照…" as its last answer.
 */
export function mergeSnapshotVerdict(stored: CodeVerdict | null, snapshot: Verdict | null): CodeVerdict | null {
  if (!snapshot) return stored;
  const answered = stored !== null && stored.result !== null;
  if (answered && stored.reason.errorKind === undefined) return stored;
  if (snapshot.kind !== 'unknown') return { ...snapshot, result: null };
  if (answered) return stored;
  return { ...snapshot, result: null };
}
