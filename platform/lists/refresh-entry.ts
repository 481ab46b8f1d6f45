import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import type { NewEntry } from './add-entry.ts';
import { positionOf, transitionEntry } from './transition-entry.ts';

/** What describing an existing entry again did. `kept`: a decision stands, and why. */
export type RefreshOutcome =
  { outcome: 'updated' | 'unchanged'; entry: StoredEntry; fields: string[] } | { outcome: 'kept'; entry: StoredEntry; fields: string[]; reason: string };

type Field = keyof Omit<
  StoredEntry,
  'id' | 'code' | 'state' | 'list' | 'category' | 'documentNumber' | 'exitDate' | 'exitReason' | 'exitDepartment' | 'monitoringUntil'
>;

/** Descriptive fields: updated whatever the entry's state (except a revoked one, which was wrong). */
const DESCRIPTIVE: readonly Field[] = ['facts', 'legalBasis', 'persons'];
/** Fields that only change while the entry is plainly listed, with nothing decided or pending on it. */
const WHILE_LISTED: readonly Field[] = ['department', 'listedOn', 'validUntil', 'repairable', 'visibility'];

const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** Why an entry's decided state stands (for the import report), or null when nothing is decided on it. */
export async function decisionOf(repos: Repositories, entry: StoredEntry): Promise<string | null> {
  const position = await positionOf(repos, entry);
  const words: string[] = [];
  if (position.state === 'revoked') words.push('异议成立已撤销 (revoked)');
  if (position.state === 'exited') words.push(`已于${entry.exitDate ?? '—'}退出 (exited)`);
  if (position.state === 'expired') words.push('已过期 (expired)');
  if (position.objectionPending) words.push('异议核实中 (objection pending)');
  if (position.repairPending) words.push('信用修复审核中 (repair pending)');
  return words.length > 0 ? words.join('；') : null;
}

/**
 * Describes an existing entry again (a published list imported again): the `update` transition,
 * limited to what may change. Descriptive fields may change; dates, department and flags only
 * while nothing is decided or pending; the state, an exit, a pending objection or repair, a
 * revocation never. A new decision document is a new entry, not this.
 */
export async function refreshEntry(repos: Repositories, existing: StoredEntry, input: NewEntry): Promise<RefreshOutcome> {
  const decided = await decisionOf(repos, existing);
  const allowed = existing.state === 'revoked' ? [] : decided ? DESCRIPTIVE : [...DESCRIPTIVE, ...WHILE_LISTED];
  const fields = allowed.filter((f) => differs(existing[f], input[f]));
  let entry = existing;
  if (fields.length > 0) {
    const patch = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<StoredEntry>;
    entry = await transitionEntry(repos, existing, {
      name: 'update',
      patch,
      notes: [`${input.department}更新名单信息：${existing.category}（${fields.join('、')}）`],
    });
  }
  if (decided) return { outcome: 'kept', entry, fields, reason: decided };
  return { outcome: fields.length > 0 ? 'updated' : 'unchanged', entry, fields };
}
