import type { EntryState, ListEntry } from '../api/list-entry-schema.ts';

/** An entry's standing on a given day: its effective state, or `upcoming` before its listing date. */
export type EntryStanding = EntryState | 'upcoming';

/**
 * The state an entry is in today (a China date, `chinaDate`). The stored state can lag behind the
 * calendar, so an entry past its `validUntil` (inclusive) counts as expired — also when it is
 * disputed: an objection against an entry that has run out must not keep a business flagged.
 * Exited, expired and revoked entries stay what they are. (The platform stores this state; see
 * `entryStanding` for the listing date.)
 */
export function effectiveState(entry: ListEntry, today: string): EntryState {
  if (entry.state !== 'active' && entry.state !== 'disputed') return entry.state;
  if (entry.validUntil !== null && entry.validUntil < today) return 'expired';
  return entry.state;
}

/**
 * What the verdict and the card go by: an entry is in force only from its listing date (an
 * Asia/Shanghai day) through its validity, so before `listedOn` an active or disputed entry is
 * `upcoming` — not yet in force: the verdict ignores it and the card says 未生效.
 */
export function entryStanding(entry: ListEntry, today: string): EntryStanding {
  const state = effectiveState(entry, today);
  if ((state === 'active' || state === 'disputed') && entry.listedOn > today) return 'upcoming';
  return state;
}
