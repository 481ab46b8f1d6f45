import { randomUUID } from 'node:crypto';
import type { ObjectionRequest } from '../../core/api/objection-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredObjection } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';

/**
 * Files an objection (section (二十七)): the entry turns `disputed` at once, so its punishments
 * are suspended while it is verified. Only an active entry can be disputed, once at a time.
 */
export function fileObjection(repos: Repositories, request: ObjectionRequest, department: string): { objection: StoredObjection; entry: StoredEntry } {
  return repos.db.transaction(() => {
    const entry = repos.entries.get(request.entryId);
    if (!entry || entry.code !== request.code) throw new ApiError(404, 'not_found', 'the subject has no entry with this id');
    if (entry.state === 'disputed') throw new ApiError(409, 'conflict', 'an objection to this entry is already being verified');
    if (entry.state !== 'active') throw new ApiError(409, 'conflict', `the entry is ${entry.state}; only an active entry can be disputed`);
    const at = new Date().toISOString();
    const objection: StoredObjection = {
      id: `obj-${randomUUID()}`, code: entry.code, entryId: entry.id, status: 'pending', reason: request.reason, contact: request.contact,
      filedAt: at, resolvedAt: null, resolutionNote: null, department, previousState: entry.state,
    };
    repos.objections.insert(objection);
    const disputed: StoredEntry = { ...entry, state: 'disputed' };
    repos.entries.update(disputed);
    repos.events.record({ code: entry.code, entryId: entry.id, at, kind: 'disputed', note: `${department}提出异议，核实期间暂停惩戒措施` });
    repos.changes.record(entry.code, 'disputed', at);
    return { objection, entry: disputed };
  })();
}
