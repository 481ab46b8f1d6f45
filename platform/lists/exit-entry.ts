import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';
import { categoryRule } from './category-rules.ts';
import { assertTransition, transitionEntry } from './transition-entry.ts';

/** How an entry leaves its list (section (二十)/(二十六)). */
export interface EntryExit {
  date: string;
  reason: string;
  department: string | null;
  /** End of the key-monitoring period after leaving a black list (重点监测), if any. */
  monitoringUntil: string | null;
}

const bad = (path: string, message: string) => new ApiError(400, 'bad_request', message, [{ path, message }]);

/**
 * The fields an exit writes, after the rules for exits: leaving the black list starts key
 * monitoring (section (二十)), so a black exit needs `monitoringUntil` unless its category's rule
 * says otherwise; dates must follow each other. A red exit is never monitored.
 */
export function exitPatch(entry: StoredEntry, exit: EntryExit): Pick<StoredEntry, 'exitDate' | 'exitReason' | 'exitDepartment' | 'monitoringUntil'> {
  const rule = categoryRule(entry.list, entry.category);
  if (exit.date < entry.listedOn) throw bad('date', `the exit date ${exit.date} is before the listing date ${entry.listedOn}`);
  if (entry.list === 'black' && rule.monitoringOnExit && !exit.monitoringUntil) {
    throw bad(
      'monitoringUntil',
      `leaving the black list starts key monitoring (重点监测): give monitoringUntil, the end of the monitoring period — rule for ${entry.category}: ${rule.basis}`,
    );
  }
  const monitoringUntil = entry.list === 'black' ? exit.monitoringUntil : null;
  if (monitoringUntil !== null && monitoringUntil < exit.date)
    throw bad('monitoringUntil', `the monitoring period cannot end (${monitoringUntil}) before the exit (${exit.date})`);
  return { exitDate: exit.date, exitReason: exit.reason, exitDepartment: exit.department ?? entry.department, monitoringUntil };
}

/** The history note of an exit. */
export function exitNote(entry: StoredEntry, exit: Pick<StoredEntry, 'exitReason' | 'monitoringUntil'>): string {
  const watch = exit.monitoringUntil ? `，重点监测至${exit.monitoringUntil}` : '';
  return `退出${entry.list === 'red' ? '红' : '黑'}名单：${exit.exitReason ?? ''}${watch}`;
}

/**
 * Takes a listed entry off its list (the `exit` transition). An entry under objection may exit:
 * the objection stays pending and is decided later (rejected: still exited; upheld: revoked).
 */
export function exitEntry(repos: Repositories, id: string, exit: EntryExit): Promise<StoredEntry> {
  return repos.transaction(async (repos) => {
    const entry = await repos.entries.get(id);
    if (!entry) throw new ApiError(404, 'not_found', 'no entry with this id');
    await assertTransition(repos, entry, 'exit');
    const patch = exitPatch(entry, exit);
    const pending = entry.state === 'disputed' ? '（异议仍在核实中）' : '';
    return await transitionEntry(repos, entry, { name: 'exit', patch, notes: [`${exitNote(entry, patch)}${pending}`] });
  });
}
