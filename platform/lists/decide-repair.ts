import type { RepairDecision } from '../../core/api/repair-decision-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredRepair } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { exitNote, exitPatch } from './exit-entry.ts';
import { assertTransition, transitionEntry } from './transition-entry.ts';

/** Who decides: the identifying department (谁认定、谁负责, section (九)) or an admin. */
export interface RepairDecider {
  department: string | null;
  admin: boolean;
}

/**
 * Decides a pending repair application. Approved → the entry exits its list into key monitoring
 * (the `approve-repair` transition; `monitoringUntil` as the category's rule requires); refused →
 * it stays listed. Only the department that identified the entry, or an admin, may decide.
 */
export function decideRepair(
  repos: Repositories,
  id: string,
  decision: RepairDecision,
  decider: RepairDecider,
  today: string,
): Promise<{ repair: StoredRepair; entry: StoredEntry }> {
  return repos.transaction(async (repos) => {
    const repair = await repos.repairs.get(id);
    if (!repair) throw new ApiError(404, 'not_found', 'no repair application with this id');
    if (repair.status !== 'pending') throw new ApiError(409, 'conflict', `the repair application was already ${repair.status}`);
    const entry = await repos.entries.get(repair.entryId);
    if (!entry) throw new ApiError(404, 'not_found', 'the entry of this application no longer exists');
    if (!decider.admin && decider.department !== entry.department) {
      throw new ApiError(403, 'forbidden', `only the identifying department (${entry.department}) or an admin may decide this application`);
    }
    const at = new Date().toISOString();
    const note = decision.note?.trim() ? `：${decision.note.trim()}` : '';
    let updated: StoredEntry;
    if (decision.outcome === 'approved') {
      await assertTransition(repos, entry, 'approve-repair');
      const patch = exitPatch(entry, {
        date: decision.exitDate ?? today,
        reason: `信用修复申请审核通过${note}`,
        department: decider.department,
        monitoringUntil: decision.monitoringUntil ?? null,
      });
      updated = await transitionEntry(repos, entry, { name: 'approve-repair', at, patch, notes: [`信用修复申请审核通过${note}`, exitNote(entry, patch)] });
    } else {
      updated = await transitionEntry(repos, entry, { name: 'refuse-repair', at, notes: [`信用修复申请未通过${note}`] });
    }
    const status: StoredRepair['status'] = decision.outcome === 'approved' ? 'approved' : 'refused';
    await repos.repairs.decide(
      id,
      decision.outcome,
      at,
      decision.note ?? null,
      decider.admin ? `admin${decider.department ? `：${decider.department}` : ''}` : decider.department,
    );
    return { repair: { ...repair, status, decidedAt: at, decisionNote: decision.note ?? null, decidedBy: decider.department }, entry: updated };
  });
}
