import type { CodeVerdict } from '../query/create-status-store.ts';
import type { Verdict } from '../verdict/verdict-types.ts';

/**
 * What a code shows when both the status store and the snapshot have something to say. A full
 * answer, once there, decides as it always did (it carries entries, facts and the name, and its
 * own rule for a failed refresh: unknown with the last answer). Before it — also while the platform
 * cannot be reached — the snapshot: its class while the feed was read within the freshness window,
 * past that unknown with "据 HH:MM 名单快照…" as its last answer. Only for a platform that could
 * not be reached (offline, timeout, an HTTP failure): one that answered — that it cannot answer
 * for this code, off its contract, or refusing the token — is unknown, whatever the snapshot says.
 */
export function mergeSnapshotVerdict(stored: CodeVerdict | null, snapshot: Verdict | null): CodeVerdict | null {
  if (!snapshot) return stored;
  if (stored !== null && (stored.result !== null || ANSWERED.includes(stored.reason.errorKind!))) return stored;
  return { ...snapshot, result: null };
}

/** Failures that are the platform's own answer, not an outage. */
const ANSWERED: readonly (string | undefined)[] = ['schema', 'auth', 'permission'];
