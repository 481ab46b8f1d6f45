import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { lifecycleState, nextPosition, storedState, type EntryPosition, type TransitionName } from './entry-lifecycle.ts';

/** Where a stored entry stands now: its state and what is pending on it. */
export async function positionOf(repos: Repositories, entry: StoredEntry): Promise<EntryPosition> {
  return {
    state: lifecycleState(entry.state),
    objectionPending: entry.state === 'disputed' || (await repos.objections.pendingForEntry(entry.id)) !== undefined,
    repairPending: (await repos.repairs.pendingForEntry(entry.id)) !== undefined,
  };
}

/** Throws 409 `conflict` with the machine's reason when `name` may not happen to `entry` now (to check before other rules). */
export async function assertTransition(repos: Repositories, entry: StoredEntry, name: TransitionName): Promise<void> {
  const next = nextPosition(await positionOf(repos, entry), name);
  if (!next.ok) throw new ApiError(409, 'conflict', next.reason);
}

/** One transition to apply to a stored entry. */
export interface EntryTransition {
  name: TransitionName;
  /** Fields that change with it (exit date, monitoring end, facts…); the state is the machine's. */
  patch?: Partial<Omit<StoredEntry, 'id' | 'code' | 'state'>>;
  /** One note per history event of the transition (the last note repeats when fewer are given). */
  notes: readonly string[];
  at?: string;
}

/**
 * Applies a transition the state machine allows, or throws 409 `conflict` saying why not. The
 * entry, its history events and its change in the feed are written in one transaction; callers
 * that also write objections or repairs call this first, inside their own transaction, so a
 * refusal leaves nothing half-applied.
 */
export function transitionEntry(repos: Repositories, entry: StoredEntry, transition: EntryTransition): Promise<StoredEntry> {
  return repos.transaction(async (repos) => {
    const next = nextPosition(await positionOf(repos, entry), transition.name);
    if (!next.ok) throw new ApiError(409, 'conflict', next.reason);
    const at = transition.at ?? new Date().toISOString();
    const updated: StoredEntry = { ...entry, ...transition.patch, state: storedState(next.position) };
    await repos.entries.update(updated);
    for (const [i, kind] of next.transition.events.entries()) {
      const note = transition.notes[Math.min(i, transition.notes.length - 1)] ?? kind;
      await repos.events.record({ code: entry.code, entryId: entry.id, at, kind, note });
    }
    await repos.changes.record(entry.code, next.transition.change, at);
    return updated;
  });
}
