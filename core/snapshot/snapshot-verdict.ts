import { platformsCovering } from '../platforms/platforms-covering.ts';
import { chinaDate, chinaDateTime } from '../time/china-time.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { dayNumber } from './china-day-number.ts';
import { SNAPSHOT_CLASSES, WITHHELD_CLASS } from './snapshot-class.ts';
import type { SnapshotLookup } from './snapshot-lookup.ts';

/** `reason.detail` of a verdict the snapshot gave: the snapshot said it, not a full answer. */
export const SNAPSHOT_DETAIL = 'snapshot';

export interface SnapshotVerdictInput {
  lookup: SnapshotLookup;
  code: string;
  now: Date;
  /** When the changes feed was last read successfully (ms), or null before its first read. */
  feedReadAt: number | null;
  freshnessMs: number;
  scope: 'public' | 'full';
}

/**
 * What the snapshot says about a code now, or null when it cannot speak for it (a code whose
 * check character is wrong, one withheld because internal entries decide it, or one registered
 * outside the regions the snapshot's platform answers for: the platform is asked). Dates end entries by the China date of `now`.
 * The snapshot speaks for the platform only while the feed has been read within the freshness
 * window; after that the verdict is `unknown`, with the snapshot's class as the last known
 * answer and "据 HH:MM 名单快照：未列入" (or the class) in `reason.detail`.
 */
export function snapshotVerdict(input: SnapshotVerdictInput): Verdict | null {
  const { lookup, code, now, feedReadAt, freshnessMs } = input;
  const { regions } = lookup.index.header;
  if (regions && platformsCovering(code, [{ regions }]).length === 0) return null;
  const id = lookup.classOf(code, dayNumber(chinaDate(now)));
  if (id === null || id === WITHHELD_CLASS) return null;
  const cls = SNAPSHOT_CLASSES[id] as ListedClass;
  const reasonCode = cls.kind === 'clear' ? (input.scope === 'public' ? 'nothing-active-public' : 'nothing-active') : cls.reason;
  const asOfMs = feedReadAt ?? Date.parse(lookup.index.header.asOf);
  const ageMs = Math.max(0, now.getTime() - asOfMs);
  const base = { activeEntries: [], disputedEntries: [], watchEntries: [], suspendedRed: false, asOf: new Date(asOfMs).toISOString(), ageMs };
  if (feedReadAt !== null && ageMs <= freshnessMs) {
    return { ...base, kind: cls.kind, reason: { code: reasonCode, detail: SNAPSHOT_DETAIL }, stale: false };
  }
  return {
    ...base,
    kind: 'unknown',
    reason: { code: 'error', errorKind: 'offline', detail: snapshotNote(cls.kind, new Date(asOfMs)) },
    lastKnown: cls.kind,
    stale: true,
  };
}

type ListedClass = Exclude<(typeof SNAPSHOT_CLASSES)[number], { kind: 'pending' }>;

const NOTES: Record<ListedClass['kind'], string> = {
  clear: '未列入',
  black: '黑名单',
  red: '红名单',
  disputed: '异议处理中',
  watch: '重点监测',
};

/** "据 HH:MM 名单快照：未列入" (China time) — the last known answer of an outage. */
export function snapshotNote(kind: ListedClass['kind'], at: Date): string {
  return `据 ${chinaDateTime(at).slice(11)} 名单快照：${NOTES[kind]}`;
}

/** Whether a verdict is the snapshot's (current or as the last known answer). */
export function isSnapshotVerdict(verdict: Verdict): boolean {
  return verdict.reason.detail === SNAPSHOT_DETAIL || (verdict.reason.detail ?? '').includes('名单快照');
}
