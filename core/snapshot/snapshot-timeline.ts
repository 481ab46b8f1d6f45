import type { ListEntry } from '../api/list-entry-schema.ts';
import { computeVerdict } from '../verdict/compute-verdict.ts';
import { dayDate, dayNumber, FOREVER_DAY } from './china-day-number.ts';
import { CLEAR_CLASS, snapshotClassId, WITHHELD_CLASS } from './snapshot-class.ts';

/**
 * A code's classes from a day on, as flat pairs `[class, lastDay, class, lastDay, …]`: each class
 * holds through its last day (a China day number, `FOREVER_DAY` for no end); after the last pair
 * the code is clear. So an entry that ends at midnight China time is not black the next morning,
 * without the platform saying so. Empty: the code is clear from `today` on.
 */
export type SnapshotTimeline = readonly number[];

/**
 * The timeline of a code's entries from `today` (a China date), computed by core/verdict's own
 * rule on each day a class can change (an entry coming into force, its validity or monitoring
 * ending), so the snapshot and the full answer cannot disagree on what a date means.
 */
export function snapshotTimeline(entries: readonly ListEntry[], today: string): SnapshotTimeline {
  const start = dayNumber(today);
  const boundaries = new Set<number>([start]);
  for (const entry of entries) {
    for (const day of [dayNumber(entry.listedOn), after(entry.validUntil), after(entry.monitoringUntil)]) {
      if (day !== null && day > start && day < FOREVER_DAY) boundaries.add(day);
    }
  }
  const days = [...boundaries].sort((a, b) => a - b);
  const timeline: number[] = [];
  days.forEach((day, i) => {
    const cls = classOn(entries, day);
    const last = i + 1 < days.length ? (days[i + 1] as number) - 1 : FOREVER_DAY;
    if (timeline.length > 0 && timeline[timeline.length - 2] === cls) timeline[timeline.length - 1] = last;
    else timeline.push(cls, last);
  });
  while (timeline.length > 0 && timeline[timeline.length - 2] === CLEAR_CLASS) timeline.length -= 2;
  return timeline;
}

/** The class a timeline gives on a day (a day number): clear after its last step. */
export function classOnDay(timeline: SnapshotTimeline, day: number): number {
  for (let i = 0; i < timeline.length; i += 2) if (day <= (timeline[i + 1] as number)) return timeline[i] as number;
  return CLEAR_CLASS;
}

function after(date: string | null): number | null {
  return date === null ? null : dayNumber(date) + 1;
}

/**
 * The class on a day — withheld when the public entries alone would not give the same: a page
 * may read what is painted, and a verdict resting on internal entries is painted only from the
 * full answer (core/verdict/page-readable-kind.ts). Equal classes mean public entries decide it.
 */
function classOn(entries: readonly ListEntry[], day: number): number {
  const all = verdictClassOn(entries, day);
  if (all === CLEAR_CLASS || entries.every((e) => e.visibility === 'public')) return all;
  return verdictClassOn(
    entries.filter((e) => e.visibility === 'public'),
    day,
  ) === all
    ? all
    : WITHHELD_CLASS;
}

function verdictClassOn(entries: readonly ListEntry[], day: number): number {
  // Noon in China on that day: computeVerdict reads the China date of `now`.
  const now = new Date(`${dayDate(day)}T12:00:00+08:00`);
  const verdict = computeVerdict({
    result: { code: '', found: true, invalid: false, subject: null, entries: [...entries], asOf: now.toISOString(), dataVersion: 0 },
    now,
    freshnessMs: Number.POSITIVE_INFINITY,
  });
  return snapshotClassId(verdict.kind, verdict.reason.code);
}
