import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import { ApiError } from '../server/api-error.ts';

/** How an entry leaves its list (section (二十)/(二十六)). */
export interface EntryExit {
  date: string;
  reason: string;
  department: string | null;
  /** End of the key-monitoring period after leaving a black list (重点监测), if any. */
  monitoringUntil: string | null;
}

/** Takes an active (or disputed) entry off its list; the change lands in the feed. */
export function exitEntry(repos: Repositories, id: string, exit: EntryExit): StoredEntry {
  return repos.db.transaction(() => {
    const entry = repos.entries.get(id);
    if (!entry) throw new ApiError(404, 'not_found', 'no entry with this id');
    if (entry.state !== 'active' && entry.state !== 'disputed') throw new ApiError(409, 'conflict', `the entry is already ${entry.state}`);
    const updated: StoredEntry = {
      ...entry, state: 'exited', exitDate: exit.date, exitReason: exit.reason, exitDepartment: exit.department ?? entry.department,
      monitoringUntil: entry.list === 'black' ? exit.monitoringUntil : null,
    };
    repos.entries.update(updated);
    const at = new Date().toISOString();
    const watch = updated.monitoringUntil ? `，重点监测至${updated.monitoringUntil}` : '';
    repos.events.record({ code: entry.code, entryId: entry.id, at, kind: 'exited', note: `退出${entry.list === 'red' ? '红' : '黑'}名单：${exit.reason}${watch}` });
    repos.changes.record(entry.code, 'exited', at);
    return updated;
  })();
}
