import { MAX_ENTRIES_PER_SUBJECT } from '../../core/api/api-limits.ts';
import type { Repositories } from '../db/repositories.ts';
import type { ParsedRow } from './parse-list-row.ts';

/**
 * Refuses a row that would give its subject more than MAX_ENTRIES_PER_SUBJECT entries (a row that
 * describes an entry already held — same code, list, category and document number — adds none).
 * Rows imported earlier in the same import count, since they are in the transaction already.
 */
export async function checkEntryCap(repos: Repositories, parsed: ParsedRow): Promise<ParsedRow> {
  if (!parsed.ok) return parsed;
  const { entry } = parsed;
  if (entry.documentNumber && (await repos.entries.findSame(entry.code, entry.list, entry.category, entry.documentNumber))) return parsed;
  const held = (await repos.entries.listByCode(entry.code)).length;
  if (held < MAX_ENTRIES_PER_SUBJECT) return parsed;
  return {
    ok: false,
    reason: `该主体已有 ${held} 条名单记录，已达上限 ${MAX_ENTRIES_PER_SUBJECT} 条 (subject already holds ${held} entries, the most one subject may hold is ${MAX_ENTRIES_PER_SUBJECT})`,
  };
}
