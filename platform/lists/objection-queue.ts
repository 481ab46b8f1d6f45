import type { QueuedObjection } from '../../core/api/objection-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredObjection } from '../db/stored-records.ts';
import { objectionRecord } from './objection-record.ts';

/** How many objections one queue answer lists at most (oldest first). */
export const MAX_QUEUED_OBJECTIONS = 500;

/** The admin's queue of objections with one status (pending by default), oldest first, each with its entry and age. */
export async function objectionQueue(repos: Repositories, status: StoredObjection['status'], now: Date = new Date()): Promise<QueuedObjection[]> {
  const queued: QueuedObjection[] = [];
  for (const o of await repos.objections.listByStatus(status, MAX_QUEUED_OBJECTIONS)) {
    const entry = await repos.entries.get(o.entryId);
    if (!entry) continue;
    queued.push({
      ...objectionRecord(o),
      contact: o.contact,
      documentNumber: o.documentNumber,
      reference: o.reference,
      subjectName: (await repos.subjects.get(o.code))?.name ?? null,
      list: entry.list,
      category: entry.category,
      entryState: entry.state,
      ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(o.filedAt)) / 1000)),
    });
  }
  return queued;
}
