import type { SnapshotIndex } from './decode-snapshot.ts';
import { codeKey, codeWords } from './snapshot-code-key.ts';
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
  const words = new Uint32Array(3);
  const sample = sampleKeys(index.words);
  const timelineOf = (code: string): SnapshotTimeline | null => {
    if (overlay.size > 0) {
      const changed = overlay.get(code);
      if (changed) return changed;
    }
    if (!codeWords(code, words)) return null;
    const at = findKey(index.words, sample, words);
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

const STRIDE = 64;

/**
 * Every 64th key: a table small enough to stay in cache (190 KB for a million codes), searched
 * first, so the search in the big array touches one 768-byte stretch rather than twenty far-apart
 * cache lines.
 */
function sampleKeys(words: Uint32Array): Uint32Array {
  const count = words.length / 3;
  const sample = new Uint32Array(Math.ceil(count / STRIDE) * 3);
  for (let i = 0, j = 0; i < count; i += STRIDE, j += 3) sample.set(words.subarray(i * 3, i * 3 + 3), j);
  return sample;
}

/** The position of a key's words in the packed array, or -1. */
function findKey(words: Uint32Array, sample: Uint32Array, key: Uint32Array): number {
  const w2 = key[0] as number;
  const w1 = key[1] as number;
  const w0 = key[2] as number;
  // The last sampled key not after the key: its stretch is the only one that can hold it.
  let low = 0;
  let high = sample.length / 3 - 1;
  let block = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = mid * 3;
    const c = (sample[at] as number) - w2 || (sample[at + 1] as number) - w1 || (sample[at + 2] as number) - w0;
    if (c <= 0) {
      block = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (block < 0) return -1;
  low = block * STRIDE;
  high = Math.min(words.length / 3, low + STRIDE) - 1;
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
