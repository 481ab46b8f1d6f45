/**
 * The background's one `alarms.onAlarm` listener. Every periodic job is named once, up front, in
 * the composition root, and the listener is added synchronously (an alarm may be what woke the
 * service worker), so no job is missed while the worker starts and no two jobs claim one alarm.
 */
import type { browser } from 'wxt/browser';

type Alarms = Pick<typeof browser.alarms, 'create' | 'onAlarm'>;

export interface AlarmDispatcher {
  /** (Re)schedules the job named `name` every `periodInMinutes` (browsers round up to 0.5). */
  schedule(name: string, periodInMinutes: number): void;
}

/** Listens for the alarms of `jobs` (name → job); a job's failure is its own (never thrown here). */
export function createAlarmDispatcher(alarms: Alarms, jobs: Record<string, () => unknown>): AlarmDispatcher {
  alarms.onAlarm.addListener((alarm) => {
    const job = jobs[alarm.name];
    if (job)
      void Promise.resolve()
        .then(job)
        .catch(() => undefined);
  });
  return {
    schedule(name, periodInMinutes) {
      if (!jobs[name]) throw new Error(`no job for alarm ${name}`);
      void alarms.create(name, { periodInMinutes: Math.max(0.5, periodInMinutes) });
    },
  };
}
