import { ListEntrySchema, type ListEntry } from '../../core/api/list-entry-schema.ts';
import { SubjectSchema } from '../../core/api/subject-schema.ts';
import { hasControls, stripControls } from '../../core/text/strip-controls.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { StoredSubject } from '../db/stored-records.ts';
import type { NewEntry } from '../lists/add-entry.ts';
import { schemaIssues } from '../server/schema-issues.ts';
import { LIST_COLUMNS, type ListField } from './list-columns.ts';
import { parseListDate } from './parse-list-date.ts';

/** One row turned into a subject and an entry, or the reason it cannot be imported. */
export type ParsedRow = { ok: true; subject: StoredSubject; entry: NewEntry; warnings: string[] } | { ok: false; reason: string };

const LISTS: Record<string, 'red' | 'black'> = { 红名单: 'red', 红: 'red', red: 'red', 黑名单: 'black', 黑: 'black', black: 'black' };
const OPEN_ENDED = new Set(['', '长期', '无', '-', '—', 'none']);
const NO = new Set(['否', '不可', '不可修复', 'no', 'false', '0', 'n']);
const INTERNAL = new Set(['内部', '内部共享', '政府内部共享', 'internal']);
const LIMIT = 10_000;

/** Where in an answered entry or subject each imported field lands, to name the column a contract failure comes from. */
const FIELD_OF_PATH: Readonly<Record<string, ListField>> = {
  category: 'category',
  facts: 'facts',
  legalBasis: 'legalBasis',
  documentNumber: 'documentNumber',
  department: 'department',
  listedOn: 'listedOn',
  validUntil: 'validUntil',
  'persons.0.name': 'legalRepresentative',
  'persons.0.idNumber': 'legalRepresentativeId',
  name: 'name',
  legalRepresentative: 'legalRepresentative',
  code: 'code',
  regionCode: 'code',
};

/**
 * Checks one row of a published list: the code (parseUscc: invalid is rejected, suspect imported
 * with a warning), the list type and dates; invisible bidi and zero-width controls are removed
 * from every cell (with a warning); then the subject and the entry as the API would answer them
 * are checked against the answer's own schemas (core/api), so no row that imports can later make
 * an answer off-contract.
 */
export function parseListRow(cells: readonly string[], columns: ReadonlyMap<ListField, number>): ParsedRow {
  const get = (field: ListField) => {
    const index = columns.get(field);
    return index === undefined ? '' : stripControls(cells[index] ?? '').trim();
  };
  const warnings: string[] = [];
  if (cells.some((cell) => hasControls(cell))) warnings.push('已删除不可见的控制字符（双向文本、零宽字符等）(removed invisible control characters)');
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
  const row = {
    subject: {
      code: parsed.code,
      name: get('name') || null,
      regionCode: /^\d{6}$/.test(parsed.code.slice(2, 8)) ? parsed.code.slice(2, 8) : null,
      legalRepresentative: representative,
    },
    entry: {
      code: parsed.code,
      list,
      category: get('category'),
      facts: get('facts'),
      legalBasis: get('legalBasis'),
      documentNumber: get('documentNumber') || null,
      department: get('department'),
      listedOn,
      validUntil,
      state: 'active',
      exitDate: null,
      exitReason: null,
      exitDepartment: null,
      repairable: !NO.has(get('repairable').toLowerCase()),
      monitoringUntil: null,
      visibility: INTERNAL.has(get('visibility').toLowerCase()) ? 'internal' : 'public',
      persons: list === 'black' && representative ? [{ role: '法定代表人', name: representative, idNumber: representativeId }] : [],
    } satisfies NewEntry,
  };
  const offContract = contractFailure(row.subject, row.entry);
  return offContract ? { ok: false, reason: offContract } : { ok: true, warnings, ...row };
}

/** Why the subject or the entry, as the API would answer them, would not pass the answer's schema; null when they would. */
function contractFailure(subject: StoredSubject, entry: NewEntry): string | null {
  const answered: ListEntry = {
    id: 'x-00000000-0000-0000-0000-000000000000',
    list: entry.list,
    category: entry.category,
    facts: entry.facts,
    legalBasis: entry.legalBasis,
    documentNumber: entry.documentNumber,
    department: entry.department,
    listedOn: entry.listedOn,
    validUntil: entry.validUntil,
    state: entry.state,
    exit: null,
    objection: null,
    repairable: entry.repairable,
    monitoringUntil: entry.monitoringUntil,
    visibility: entry.visibility,
    persons: entry.persons,
  };
  for (const result of [SubjectSchema.safeParse(subject), ListEntrySchema.safeParse(answered)]) {
    if (result.success) continue;
    const [issue] = schemaIssues(result.error.issues);
    if (!issue) return '不符合接口约定 (does not match the API contract)';
    const field = FIELD_OF_PATH[issue.path];
    const column = field ? LIST_COLUMNS[field][0] : issue.path;
    return `${column} 不符合接口约定 (${field ?? issue.path}: ${issue.message})`;
  }
  return null;
}
