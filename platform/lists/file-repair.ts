import { randomUUID } from 'node:crypto';
import type { RepairRequest } from '../../core/api/repair-request-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredRepair } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { categoryRule } from './category-rules.ts';
import { transitionEntry } from './transition-entry.ts';

/** Why an entry cannot be repaired at all (its list, its category's rule, its own flag), or null. */
export function unrepairableReason(entry: StoredEntry): string | null {
  if (entry.list !== 'black') return 'only black-list entries are repaired (信用修复, section (二十六))';
  const rule = categoryRule(entry.list, entry.category);
  if (!rule.repairable) return `entries of ${entry.category} cannot be repaired — ${rule.basis}`;
  if (!entry.repairable) return `the identifying department (${entry.department}) marked this entry not repairable (不可修复)`;
  return null;
}

/**
 * Files a credit-repair application on a listed black entry (the `file-repair` transition). The
 * entry stays in force while it is examined (its answer says `repair.status: 'pending'`).
 */
export function fileRepair(
  repos: Repositories,
  request: RepairRequest,
  department: string,
  today: string,
): Promise<{ repair: StoredRepair; entry: StoredEntry }> {
  return repos.transaction(async (repos) => {
    const entry = await repos.entries.get(request.entryId);
    if (!entry || entry.code !== request.code) throw new ApiError(404, 'not_found', 'the subject has no entry with this id');
    const unrepairable = unrepairableReason(entry);
    if (unrepairable) throw new ApiError(409, 'conflict', `cannot file a repair application: ${unrepairable}`);
    if (entry.validUntil !== null && entry.validUntil < today)
      throw new ApiError(409, 'conflict', `cannot file a repair application: the entry expired after ${entry.validUntil}`);
    const at = new Date().toISOString();
    const updated = await transitionEntry(repos, entry, {
      name: 'file-repair',
      at,
      notes: [`${department}提交信用修复申请（${request.reference.trim()}），审核中`],
    });
    const repair: StoredRepair = {
      id: `rep-${randomUUID()}`,
      code: entry.code,
      entryId: entry.id,
      status: 'pending',
      materials: request.materials.trim(),
      reference: request.reference.trim(),
      department,
      filedAt: at,
      decidedAt: null,
      decisionNote: null,
      decidedBy: null,
    };
    await repos.repairs.insert(repair);
    return { repair, entry: updated };
  });
}
