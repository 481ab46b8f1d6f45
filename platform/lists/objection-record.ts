import type { ObjectionRecord } from '../../core/api/objection-schema.ts';
import type { StoredObjection } from '../db/stored-records.ts';

/** An objection as the contract shows it to the department that filed it (no contact or document). */
export function objectionRecord(o: StoredObjection): ObjectionRecord {
  return {
    id: o.id,
    code: o.code,
    entryId: o.entryId,
    status: o.status,
    reason: o.reason,
    filedAt: o.filedAt,
    resolvedAt: o.resolvedAt,
    department: o.department,
  };
}
