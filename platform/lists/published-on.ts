import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import { effectiveState } from '../../core/verdict/effective-state.ts';

/**
 * Whether an entry is published to anonymous callers on `today` (section (二十五): publication
 * period): while it is in force — listed on or before today, within its validity (under objection
 * too: it is shown as suspended) — and, for a black entry that has exited, while its key-monitoring
 * period runs (the exit is announced, section (二十)). Never a revoked entry: it was wrong.
 */
export function publishedOn(entry: ListEntry, today: string): boolean {
  const state = effectiveState(entry, today);
  if (state === 'active' || state === 'disputed') return entry.listedOn <= today;
  if (state === 'exited' || state === 'expired') return entry.list === 'black' && entry.monitoringUntil !== null && entry.monitoringUntil >= today;
  return false;
}
