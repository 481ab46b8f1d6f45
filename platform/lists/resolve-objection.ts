import type { ObjectionResolution } from '../../core/api/objection-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredObjection } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { transitionEntry } from './transition-entry.ts';

/**
 * Decides a pending objection. Upheld → revoked: the wrong information is removed and the
 * subject's reputation restored — never monitored, whatever the entry had become meanwhile.
 * Rejected → the entry is where it would be without the objection at this moment: listed again,
 * or still exited (or expired) if it left meanwhile.
 */
export function resolveObjection(
  repos: Repositories,
  id: string,
  resolution: ObjectionResolution,
): Promise<{ objection: StoredObjection; entry: StoredEntry }> {
  return repos.transaction(async (repos) => {
    const objection = await repos.objections.get(id);
    if (!objection) throw new ApiError(404, 'not_found', 'no objection with this id');
    if (objection.status !== 'pending') throw new ApiError(409, 'conflict', `the objection was already ${objection.status}`);
    const entry = await repos.entries.get(objection.entryId);
    if (!entry) throw new ApiError(404, 'not_found', 'the entry of this objection no longer exists');
    const at = new Date().toISOString();
    const upheld = resolution.outcome === 'upheld';
    const note = resolution.note ? `：${resolution.note}` : '';
    const updated = await transitionEntry(repos, entry, {
      name: upheld ? 'uphold-objection' : 'reject-objection',
      at,
      notes: upheld ? [`异议成立${note}`, '撤销该条名单信息并恢复信誉'] : [`异议不成立${note}`],
    });
    await repos.objections.resolve(id, resolution.outcome, at, resolution.note ?? null);
    return { objection: { ...objection, status: resolution.outcome, resolvedAt: at, resolutionNote: resolution.note ?? null }, entry: updated };
  });
}
