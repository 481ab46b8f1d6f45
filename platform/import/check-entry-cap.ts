import { MAX_ENTRIES_PER_SUBJECT } from '../../core/api/api-limits.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import type { NewEntry } from '../lists/add-entry.ts';

/** The entry of `held` (one subject's entries) that a published row describes again: same list, category and document number. */
export function sameEntry(held: readonly StoredEntry[], entry: NewEntry): StoredEntry | undefined {
  if (!entry.documentNumber) return undefined;
  return held.find((e) => e.list === entry.list && e.category === entry.category && e.documentNumber === entry.documentNumber);
}

/**
 * Why a row may not add `entry` to a subject that holds `held` (its entries, those imported
 * earlier in the same import included): more than MAX_ENTRIES_PER_SUBJECT; null when it may. A
 * row that describes an entry already held adds none.
 */
export function entryCapRefusal(held: readonly StoredEntry[], entry: NewEntry): string | null {
  if (sameEntry(held, entry) || held.length < MAX_ENTRIES_PER_SUBJECT) return null;
  return `该主体已有 ${held.length} 条名单记录，已达上限 ${MAX_ENTRIES_PER_SUBJECT} 条 (subject already holds ${held.length} entries, the most one subject may hold is ${MAX_ENTRIES_PER_SUBJECT})`;
}
