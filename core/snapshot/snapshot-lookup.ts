import type { SnapshotIndex } from './decode-snapshot.ts';
import { codeKey, keyWords } from './snapshot-code-key.ts';
import { classOnDay, type SnapshotTimeline } from './snapshot-timeline.ts';

/**
 * A verified snapshot kept current: the packed index plus the codes the changes feed named since
 * (re-read from the platform), which win over the index. Few codes change between snapshots, so
 * that overlay is a small map; the index itself is never rewritten.
 */
export interface SnapshotLookup {
  readonly index: SnapshotIndex;
  /** The feed cursor the snapshot is current to (the header's, then each applied delta's). */
  readonly dataVersion: number;
  /** A code's timeline: `[]` when it is clear (absent), null when the snapshot cannot speak for it (not a code with a right check character). */
  timelineOf(code: string): SnapshotTimeline | null;
  /** A code's class on a China day number (snapshot-class.ts), or null as `timelineOf`. */
  classOf(code: string, day: number): number | null;
  /** Applies a delta: the codes the feed named after `dataVersion`, with their timelines as re-read now. */
  apply(changed: ReadonlyMap<string, SnapshotTimeline>, dataVersion: number): void;
  /** The codes applied since the snapshot (for storing beside its bytes). */
  changed(): Array<[string, SnapshotTimeline]>;
}

/** A lookup over a verified index, with the deltas applied since (`changed`, as stored) if any. */
export function createSnapshotLookup(
  index: SnapshotIndex,
  saved?: { changed: ReadonlyArray<readonly [string, SnapshotTimeline]>; dataVersion: number },
): SnapshotLookup {
  const overlay = new Map<string, SnapshotTimeline>(saved?.changed ?? []);
  let dataVersion = Math.max(index.header.dataVersion, saved?.dataVersion ?? 0);
  const timelineOf = (code: string): SnapshotTimeline | null => {
    const changed = overlay.get(code);
    if (changed) return changed;
    const key = codeKey(code);
    if (!key) return null;
    const at = findKey(index.words, keyWords(key));
    return at < 0 ? [] : (index.timelines[index.timelineOf[at] as number] as Uint16Array as unknown as SnapshotTimeline);
  };
  return {
    index,
    get dataVersion() {
      return dataVersion;
    },
    timelineOf,
    classOf(code, day) {
      const timeline = timelineOf(code);
      return timeline === null ? null : classOnDay(timeline, day);
    },
    apply(changed, version) {
      for (const [code, timeline] of changed) if (codeKey(code)) overlay.set(code, timeline);
      dataVersion = Math.max(dataVersion, version);
    },
    changed: () => [...overlay.entries()],
  };
}

/** The position of a key's words in the packed array, or -1. */
function findKey(words: Uint32Array, [w2, w1, w0]: [number, number, number]): number {
  let low = 0;
  let high = words.length / 3 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = mid * 3;
    const c = (words[at] as number) - w2 || (words[at + 1] as number) - w1 || (words[at + 2] as number) - w0;
    if (c === 0) return mid;
    if (c < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
