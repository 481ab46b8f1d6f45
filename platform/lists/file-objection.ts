import { randomUUID } from 'node:crypto';
import type { ObjectionRequest } from '../../core/api/objection-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredObjection } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { OBJECTION_LIMITS, type ObjectionLimits } from './objection-limits.ts';
import { transitionEntry } from './transition-entry.ts';

const DAY_MS = 86_400_000;
const same = (a: string, b: string) => a.replace(/\s/gu, '') === b.replace(/\s/gu, '');

/**
 * Files an objection (section (二十七)), the `dispute` transition: a listed entry turns `disputed`
 * at once, so its punishments are suspended while it is verified; an exited entry keeps its exit
 * with the objection pending. The request must name the entry's document number (matching) or a
 * reference; one pending objection per entry; limited per department and per subject a day.
 */
export function fileObjection(
  repos: Repositories,
  request: ObjectionRequest,
  department: string,
  options: { now?: Date; limits?: ObjectionLimits } = {},
): Promise<{ objection: StoredObjection; entry: StoredEntry }> {
  const now = options.now ?? new Date();
  const limits = options.limits ?? OBJECTION_LIMITS;
  return repos.transaction(async (repos) => {
    const entry = await repos.entries.get(request.entryId);
    if (!entry || entry.code !== request.code) throw new ApiError(404, 'not_found', 'the subject has no entry with this id');
    if (request.documentNumber !== undefined && (entry.documentNumber === null || !same(request.documentNumber, entry.documentNumber))) {
      const message = entry.documentNumber === null ? 'the entry has no document number: give a reference instead' : "the document number is not this entry's";
      throw new ApiError(400, 'bad_request', message, [{ path: 'documentNumber', message }]);
    }
    const since = new Date(now.getTime() - DAY_MS).toISOString();
    if ((await repos.objections.countFiledSince(since, { department })) >= limits.perDepartmentPerDay) {
      throw new ApiError(429, 'rate_limited', `a department may file ${limits.perDepartmentPerDay} objections in 24 hours; ${department} has reached it`);
    }
    if ((await repos.objections.countFiledSince(since, { code: entry.code })) >= limits.perSubjectPerDay) {
      throw new ApiError(429, 'rate_limited', `at most ${limits.perSubjectPerDay} objections may be filed for one subject in 24 hours`);
    }
    const at = now.toISOString();
    const listed = entry.state === 'active';
    const disputed = await transitionEntry(repos, entry, {
      name: 'dispute',
      at,
      notes: [`${department}提出异议，${listed ? '核实期间暂停惩戒措施' : '核实中'}`],
    });
    const objection: StoredObjection = {
      id: `obj-${randomUUID()}`,
      code: entry.code,
      entryId: entry.id,
      status: 'pending',
      reason: request.reason.trim(),
      contact: request.contact.trim(),
      filedAt: at,
      resolvedAt: null,
      resolutionNote: null,
      department,
      previousState: entry.state,
      documentNumber: request.documentNumber?.trim() ?? null,
      reference: request.reference?.trim() || null,
    };
    await repos.objections.insert(objection);
    return { objection, entry: disputed };
  });
}
