import type { EntryState, ListEntry } from '../api/list-entry-schema.ts';

/**
 * The state an entry is in today. The stored state can lag behind the calendar, so an entry past
 * its `validUntil` (inclusive) counts as expired — also when it is disputed: an objection
 * against an entry that has run out must not keep a business flagged. Exited, expired and revoked
 * entries stay what they are.
 */
export function effectiveState(entry: ListEntry, today: string): EntryState {
  if (entry.state !== 'active' && entry.state !== 'disputed') return entry.state;
  if (entry.validUntil !== null && entry.validUntil < today) return 'expired';
  return entry.state;
}
