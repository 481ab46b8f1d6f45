import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredSubject } from '../db/stored-records.ts';
import { officeHoursInstant } from '../time/days-from.ts';
import { storedState, TRANSITIONS } from './entry-lifecycle.ts';

/** A new entry without an id: the platform assigns it. */
export type NewEntry = Omit<StoredEntry, 'id'>;

/**
 * Lists a subject (registering it, or filling in what is known of it): the state machine's `list`
 * transition. The entry, its history event and its change in the feed are written together; a new
 * entry is always listed (`active`) — exits and objections are later transitions. Call inside a
 * transaction when several entries must land together.
 */
export function addEntry(repos: Repositories, subject: StoredSubject, input: NewEntry): Promise<StoredEntry> {
  if (input.state !== 'active' || input.exitDate !== null) throw new Error('a new entry is listed; an exit or objection is a later transition');
  return repos.transaction(async (repos) => {
    const at = new Date().toISOString();
    await repos.subjects.upsert(subject);
    const entry: StoredEntry = { ...input, id: `x-${randomUUID()}`, state: storedState({ state: 'listed', objectionPending: false, repairPending: false }) };
    await repos.entries.insert(entry);
    const listedAt = officeHoursInstant(entry.listedOn);
    for (const kind of TRANSITIONS.list.events) {
      await repos.events.record({
        code: entry.code,
        entryId: entry.id,
        at: listedAt < at ? listedAt : at,
        kind,
        note: `${entry.department}认定列入${entry.list === 'red' ? '红' : '黑'}名单：${entry.category}`,
      });
    }
    await repos.changes.record(entry.code, TRANSITIONS.list.change, at);
    return entry;
  });
}
