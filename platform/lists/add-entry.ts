import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredEvent, StoredSubject } from '../db/stored-records.ts';
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
export async function addEntry(repos: Repositories, subject: StoredSubject, input: NewEntry): Promise<StoredEntry> {
  return (await addEntries(repos, [{ subject, input }]))[0]!;
}

/**
 * `addEntry` for many entries at once, as if one after the other (an import's new rows): every
 * subject, entry, event and change is written in multi-row statements, in one transaction, the
 * changes' cursors in the entries' order.
 */
export function addEntries(repos: Repositories, items: readonly { subject: StoredSubject; input: NewEntry }[]): Promise<StoredEntry[]> {
  for (const { input } of items) {
    if (input.state !== 'active' || input.exitDate !== null) throw new Error('a new entry is listed; an exit or objection is a later transition');
  }
  return repos.transaction(async (repos) => {
    const at = new Date().toISOString();
    const entries: StoredEntry[] = [];
    const events: StoredEvent[] = [];
    for (const { input } of items) {
      const entry: StoredEntry = { ...input, id: `x-${randomUUID()}`, state: storedState({ state: 'listed', objectionPending: false, repairPending: false }) };
      entries.push(entry);
      const listedAt = officeHoursInstant(entry.listedOn);
      for (const kind of TRANSITIONS.list.events) {
        events.push({
          code: entry.code,
          entryId: entry.id,
          at: listedAt < at ? listedAt : at,
          kind,
          note: `${entry.department}认定列入${entry.list === 'red' ? '红' : '黑'}名单：${entry.category}`,
        });
      }
    }
    await repos.subjects.upsertMany(items.map((i) => i.subject));
    await repos.entries.insertMany(entries);
    await repos.events.recordMany(events);
    await repos.changes.recordMany(entries.map((e) => ({ code: e.code, kind: TRANSITIONS.list.change, at })));
    return entries;
  });
}
