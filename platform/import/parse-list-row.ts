import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { StoredSubject } from '../db/stored-records.ts';
import type { NewEntry } from '../lists/add-entry.ts';
import type { ListField } from './list-columns.ts';
import { parseListDate } from './parse-list-date.ts';

/** One row turned into a subject and an entry, or the reason it cannot be imported. */
export type ParsedRow =
  | { ok: true; subject: StoredSubject; entry: NewEntry; warnings: string[] }
  | { ok: false; reason: string };

const LISTS: Record<string, 'red' | 'black'> = { 红名单: 'red', 红: 'red', red: 'red', 黑名单: 'black', 黑: 'black', black: 'black' };
const OPEN_ENDED = new Set(['', '长期', '无', '-', '—', 'none']);
const NO = new Set(['否', '不可', '不可修复', 'no', 'false', '0', 'n']);
const INTERNAL = new Set(['内部', '内部共享', '政府内部共享', 'internal']);
const LIMIT = 10_000;

/**
 * Checks one row of a published list: the code (parseUscc: invalid is rejected, suspect imported
 * with a warning), the list type and dates; texts longer than the API allows are rejected.
 */
export function parseListRow(cells: readonly string[], columns: ReadonlyMap<ListField, number>): ParsedRow {
  const get = (field: ListField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const warnings: string[] = [];
  const parsed = parseUscc(get('code'));
  if (get('code') === '') return { ok: false, reason: '统一社会信用代码为空 (empty code)' };
  if (parsed.validity === 'invalid') {
    return { ok: false, reason: `统一社会信用代码无效 (invalid code: ${parsed.residentId ? 'a resident ID number' : parsed.reasons.join(', ')})` };
  }
  if (parsed.validity === 'suspect') warnings.push(`统一社会信用代码校验位不符，按原样导入 (suspect code: checksum)`);
  const list = LISTS[get('list').toLowerCase()];
  if (!list) return { ok: false, reason: `名单类型应为红名单或黑名单 (list must be 红名单/黑名单: "${get('list')}")` };
  for (const field of ['category', 'department'] as const) if (get(field) === '') return { ok: false, reason: `${field} 为空 (empty ${field})` };
  const listedOn = parseListDate(get('listedOn'));
  if (!listedOn) return { ok: false, reason: `列入日期无效 (bad date: "${get('listedOn')}")` };
  const validText = get('validUntil');
  const validUntil = OPEN_ENDED.has(validText.toLowerCase()) ? null : parseListDate(validText);
  if (validUntil === null && !OPEN_ENDED.has(validText.toLowerCase())) return { ok: false, reason: `有效期至无效 (bad date: "${validText}")` };
  if (validUntil !== null && validUntil < listedOn) return { ok: false, reason: '有效期早于列入日期 (valid until is before listed on)' };
  for (const field of ['name', 'category', 'documentNumber', 'department', 'legalRepresentative'] as const) {
    if (get(field).length > 500) return { ok: false, reason: `${field} 过长 (longer than 500 characters)` };
  }
  if (get('facts').length > LIMIT || get('legalBasis').length > LIMIT) return { ok: false, reason: '文本过长 (text longer than 10000 characters)' };
  const representative = get('legalRepresentative') || null;
  const representativeId = get('legalRepresentativeId') || null;
  return {
    ok: true,
    warnings,
    subject: { code: parsed.code, name: get('name') || null, regionCode: /^\d{6}$/.test(parsed.code.slice(2, 8)) ? parsed.code.slice(2, 8) : null, legalRepresentative: representative },
    entry: {
      code: parsed.code, list, category: get('category'), facts: get('facts'), legalBasis: get('legalBasis'),
      documentNumber: get('documentNumber') || null, department: get('department'), listedOn, validUntil, state: 'active',
      exitDate: null, exitReason: null, exitDepartment: null, repairable: !NO.has(get('repairable').toLowerCase()), monitoringUntil: null,
      visibility: INTERNAL.has(get('visibility').toLowerCase()) ? 'internal' : 'public',
      persons: list === 'black' && representative ? [{ role: '法定代表人', name: representative, idNumber: representativeId }] : [],
    },
  };
}
