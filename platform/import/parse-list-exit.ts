import type { EntryExit } from '../lists/exit-entry.ts';
import type { ListField } from './list-columns.ts';
import { parseListDate } from './parse-list-date.ts';

/** A row's exit columns: no exit, an exit, or why they cannot be read. */
export type ParsedExit = { ok: true; exit: EntryExit | null } | { ok: false; reason: string };

const NONE = new Set(['', '无', '-', '—', 'none']);

/**
 * Reads the exit columns of a published list (退出日期, 退出原因, 退出部门, 重点监测截止). A row with
 * an exit date describes an exit; whether the exit is allowed (monitoring end required, dates in
 * order) is the state machine's to say when it is applied.
 */
export function parseListExit(cells: readonly string[], columns: ReadonlyMap<ListField, number>): ParsedExit {
  const get = (field: ListField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const dateText = get('exitDate');
  if (NONE.has(dateText.toLowerCase())) {
    return get('monitoringUntil') === ''
      ? { ok: true, exit: null }
      : { ok: false, reason: '有重点监测截止日期但无退出日期 (monitoring end without an exit date)' };
  }
  const date = parseListDate(dateText);
  if (!date) return { ok: false, reason: `退出日期无效 (bad exit date: "${dateText}")` };
  const monitoringText = get('monitoringUntil');
  const monitoringUntil = NONE.has(monitoringText.toLowerCase()) ? null : parseListDate(monitoringText);
  if (monitoringUntil === null && !NONE.has(monitoringText.toLowerCase()))
    return { ok: false, reason: `重点监测截止日期无效 (bad monitoring end: "${monitoringText}")` };
  for (const field of ['exitReason', 'exitDepartment'] as const) {
    if (get(field).length > 500) return { ok: false, reason: `${field} 过长 (longer than 500 characters)` };
  }
  return { ok: true, exit: { date, reason: get('exitReason') || '按公布的退出名单退出', department: get('exitDepartment') || null, monitoringUntil } };
}
