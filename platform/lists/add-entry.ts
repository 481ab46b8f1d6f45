import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredSubject } from '../db/stored-records.ts';
import { officeHoursInstant } from '../time/days-from.ts';

/** A new entry without an id: the platform assigns it. */
export type NewEntry = Omit<StoredEntry, 'id'>;

/**
 * Lists a subject (registering it, or filling in what is known of it): the entry, its history event
 * and its change in the feed are written together. When `replaceSame` is set (imports of published
 * lists), an entry with the same list, category and document number is updated instead of doubled.
 * Call inside a transaction when several entries must land together.
 */
export function addEntry(repos: Repositories, subject: StoredSubject, input: NewEntry, replaceSame = false): { entry: StoredEntry; updated: boolean } {
  const at = new Date().toISOString();
  repos.subjects.upsert(subject);
  const same = replaceSame && input.documentNumber ? repos.entries.findSame(input.code, input.list, input.category, input.documentNumber) : undefined;
  if (same) {
    const entry: StoredEntry = { ...input, id: same.id };
    repos.entries.update(entry);
    repos.events.record({ code: entry.code, entryId: entry.id, at, kind: 'updated', note: `${entry.department}更新名单信息：${entry.category}` });
    repos.changes.record(entry.code, 'updated', at);
    return { entry, updated: true };
  }
  const entry: StoredEntry = { ...input, id: `x-${randomUUID()}` };
  repos.entries.insert(entry);
  repos.events.record({
    code: entry.code, entryId: entry.id, at: officeHoursInstant(entry.listedOn) < at ? officeHoursInstant(entry.listedOn) : at,
    kind: 'listed', note: `${entry.department}认定列入${entry.list === 'red' ? '红' : '黑'}名单：${entry.category}`,
  });
  repos.changes.record(entry.code, 'listed', at);
  return { entry, updated: false };
}
