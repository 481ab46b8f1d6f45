import type { ObjectionResolution } from '../../core/api/objection-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredObjection } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';

/**
 * Decides a pending objection: upheld → the entry is revoked (wrong information is removed and the
 * subject's reputation restored); rejected → the entry returns to the state it had.
 */
export function resolveObjection(repos: Repositories, id: string, resolution: ObjectionResolution): { objection: StoredObjection; entry: StoredEntry } {
  return repos.db.transaction(() => {
    const objection = repos.objections.get(id);
    if (!objection) throw new ApiError(404, 'not_found', 'no objection with this id');
    if (objection.status !== 'pending') throw new ApiError(409, 'conflict', `the objection was already ${objection.status}`);
    const entry = repos.entries.get(objection.entryId);
    if (!entry) throw new ApiError(404, 'not_found', 'the entry of this objection no longer exists');
    const at = new Date().toISOString();
    const upheld = resolution.outcome === 'upheld';
    repos.objections.resolve(id, resolution.outcome, at, resolution.note ?? null);
    const updated: StoredEntry = { ...entry, state: upheld ? 'revoked' : objection.previousState };
    repos.entries.update(updated);
    const note = resolution.note ? `：${resolution.note}` : '';
    repos.events.record({ code: entry.code, entryId: entry.id, at, kind: upheld ? 'objection-upheld' : 'objection-rejected', note: `异议${upheld ? '成立' : '不成立'}${note}` });
    if (upheld) repos.events.record({ code: entry.code, entryId: entry.id, at, kind: 'revoked', note: '撤销该条名单信息并恢复信誉' });
    repos.changes.record(entry.code, upheld ? 'revoked' : 'resolved', at);
    return { objection: { ...objection, status: resolution.outcome, resolvedAt: at, resolutionNote: resolution.note ?? null }, entry: updated };
  })();
}
